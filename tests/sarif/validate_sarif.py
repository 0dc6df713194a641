#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Validates `rbacq lint -o sarif` against the SARIF 2.1.0 JSON schema (OASIS, errata 01) and
against what GitHub code scanning needs beyond the schema. CTest runs it (tests/CMakeLists.txt):

    validate_sarif.py SCHEMA RBACQ SOURCE_DIR     rbacq on the fixtures, each log validated
    validate_sarif.py SCHEMA --file LOG           one log (to see a broken document fail)

Before trusting a pass it checks that the validator rejects documents broken on purpose, so that
a schema that loads as nothing or a format checker that checks nothing cannot pass everything.
Needs Debian's python3-jsonschema and python3-rfc3987 (URI formats), which scripts/test installs.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import rfc3987  # noqa: F401  jsonschema checks "uri" and "uri-reference" only when it is there
except ImportError as e:
    sys.exit(f"validate_sarif: {e}: install python3-jsonschema and python3-rfc3987 (scripts/test does)")

LEVELS = {"error", "warning", "note"}


def github_problems(log):
    """What GitHub code scanning needs that the schema leaves open, as messages."""
    problems = []
    runs = log.get("runs", [])
    if len(runs) != 1:
        return [f"{len(runs)} runs, expected one"]
    run = runs[0]
    driver = run["tool"]["driver"]
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        problems.append(f"rule ids repeat: {ids}")
    for r in rules:
        props = r.get("properties", {})
        score = float(props.get("security-severity", "-1"))
        if not 0.0 <= score <= 10.0:
            problems.append(f"rule {r['id']}: security-severity {score} outside 0-10")
        if "security" not in props.get("tags", []):
            problems.append(f"rule {r['id']}: no 'security' tag, so GitHub ignores security-severity")
        for key in ("shortDescription", "fullDescription", "help"):
            if not r.get(key, {}).get("text"):
                problems.append(f"rule {r['id']}: no {key}.text")
    if "results" not in run:
        problems.append("no results array")
    for i, result in enumerate(run.get("results", [])):
        where = f"result {i}"
        if result.get("ruleId") not in ids:
            problems.append(f"{where}: ruleId {result.get('ruleId')} is no rule of the driver")
        elif ids[result["ruleIndex"]] != result["ruleId"]:
            problems.append(f"{where}: ruleIndex {result['ruleIndex']} is not rule {result['ruleId']}")
        if result.get("level") not in LEVELS:
            problems.append(f"{where}: level {result.get('level')}")
        if not result.get("message", {}).get("text"):
            problems.append(f"{where}: no message text")
        if "rbacq/v1" not in result.get("partialFingerprints", {}):
            problems.append(f"{where}: no rbacq/v1 fingerprint")
        locations = result.get("locations", []) + result.get("relatedLocations", [])
        for loc in locations:
            physical = loc.get("physicalLocation")
            if physical is None:
                continue
            artifact = physical["artifactLocation"]
            uri = artifact["uri"]
            if "uriBaseId" in artifact:
                if artifact["uriBaseId"] != "%SRCROOT%" or uri.startswith("/") or ":" in uri:
                    problems.append(f"{where}: {uri} with uriBaseId {artifact['uriBaseId']} is not relative to %SRCROOT%")
            elif not uri.startswith("file:///"):
                problems.append(f"{where}: {uri} is neither relative to %SRCROOT% nor an absolute file URI")
            region = physical.get("region")
            if region is not None and region.get("startLine", 0) < 1:
                problems.append(f"{where}: startLine {region.get('startLine')}")
    base = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri", "")
    if not (base.startswith("file:///") and base.endswith("/")):
        problems.append(f"%SRCROOT% is {base!r}, not an absolute file URI ending in '/'")
    return problems


def problems_of(validator, log):
    found = [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    return found + github_problems(log)


def run_rbacq(rbacq, args, cwd, stdin=None, exit_codes=(0, 1)):
    done = subprocess.run([rbacq, "-o", "sarif", "lint", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    if done.returncode not in exit_codes:
        sys.exit(f"validate_sarif: rbacq lint {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return json.loads(done.stdout)


HOSTILE = """apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: "pipe|percent%colon:comma,back`tick\\u001b[31mnew\\nline"
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "role <b>&amp;"}
subjects:
- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:masters"}
"""


def logs(rbacq, source_dir):
    """(what, log) for the cases a log must be valid in."""
    kubeadm = os.path.join(source_dir, "fixtures/clusters/kubeadm")
    yield "findings, relative URIs", run_rbacq(rbacq, [kubeadm], source_dir)
    yield "no findings", run_rbacq(rbacq, [os.path.join(kubeadm, "namespaces.yaml")], source_dir)
    with open(os.path.join(kubeadm, "cluster-admin.yaml"), "rb") as f:
        yield "standard input, no locations", run_rbacq(rbacq, ["-"], source_dir, stdin=f.read())
    with tempfile.TemporaryDirectory() as tmp:
        hostile = os.path.join(tmp, "odd name #1.yaml")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        yield "outside the repository, absolute URIs", run_rbacq(rbacq, [hostile], source_dir)
        yield "outside git, relative to the current directory", run_rbacq(rbacq, ["."], tmp)
        broken = os.path.join(tmp, "broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("kind: Role\nrules: [\n")
        log = run_rbacq(rbacq, [broken, hostile], tmp, exit_codes=(2,))
        if log["runs"][0]["invocations"][0]["executionSuccessful"]:
            sys.exit("validate_sarif: an input error left executionSuccessful true")
        yield "input errors as notifications", log


def broken_on_purpose(log):
    """Copies of a valid log with one field broken each: the validator must reject every one."""
    def version(l):
        l["version"] = "2.0.0"

    def level(l):
        l["runs"][0]["results"][0]["level"] = "critical"

    def line(l):
        l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0

    def uri(l):
        l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b|c"

    def extra(l):
        l["runs"][0]["results"][0]["unknownProperty"] = True

    def rule_index(l):
        l["runs"][0]["results"][0]["ruleIndex"] = len(l["runs"][0]["tool"]["driver"]["rules"]) - 1 - \
            l["runs"][0]["results"][0]["ruleIndex"]

    for breaker in (version, level, line, uri, extra, rule_index):
        broken = copy.deepcopy(log)
        breaker(broken)
        yield breaker.__name__, broken


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    if argv[2] == "--file":
        with open(argv[3], encoding="utf-8") as f:
            problems = problems_of(validator, json.load(f))
        for p in problems:
            print(f"{argv[3]}: {p}", file=sys.stderr)
        return 1 if problems else 0
    failed = 0
    first = None
    for what, log in logs(os.path.abspath(argv[2]), os.path.abspath(argv[3])):
        first = first or (log if log["runs"][0]["results"] else None)
        problems = problems_of(validator, log)
        print(f"{'FAIL' if problems else 'ok'}: {what}: {len(log['runs'][0]['results'])} results")
        for p in problems:
            print(f"  {p}")
        failed += bool(problems)
    for what, broken in broken_on_purpose(first):
        if not problems_of(validator, broken):
            print(f"FAIL: a log with a broken {what} passed: the validator checks nothing")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
