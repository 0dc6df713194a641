// SPDX-License-Identifier: Apache-2.0
// `rbacq lint` for CI and code review through the real binary (issue 11): SARIF, Markdown and
// GitHub annotations on a small fixture, escaping of hostile names, paths relative to the
// repository, `rbacq rules`, and the command line a pre-commit hook builds.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "test_support.hpp"

using namespace rbacq;

namespace {

const std::string kRole =
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: everything}\n"
    "rules:\n- {apiGroups: ['*'], resources: ['*'], verbs: ['*']}\n";
const std::string kMastersBinding =
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: masters}\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}\n"
    "subjects:\n- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: 'system:masters'}\n";

}  // namespace

TEST_CASE("lint: pre-commit's command line - the changed files after --context DIR are reported on, not swallowed (issue 11)") {
  test::TempDir dir;
  dir.write("deploy/role.yaml", kRole);
  const std::string binding = dir.write("deploy/binding.yaml", kMastersBinding);
  // As .pre-commit-hooks.yaml runs it: the hook's args, then the files git stages.
  const auto r = test::run_rbacq_in(dir.path(), {"lint", "--no-color", "--context", "deploy", "deploy/binding.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.starts_with("deploy/binding.yaml:6:3: error: ClusterRoleBinding masters grants everything to group system:masters"));
  CHECK(r.out.find("wildcard-rule") == std::string::npos);  // role.yaml is context only
  CHECK(r.out.ends_with("\n1 finding (1 high)\n"));
  // --context repeats; each takes one path.
  const auto twice = test::run_rbacq_in(dir.path(), {"lint", "--context", "deploy/role.yaml", "--context", "deploy", binding});
  CHECK(twice.exit_code == 1);
  CHECK(twice.out.ends_with("\n1 finding (1 high)\n"));
}

namespace {

const std::string kFixture = "fixtures/lint/reports";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The artifactLocation SARIF writes for a file relative to the repository root.
std::string relative_artifact(const std::string& uri) {
  return "\"artifactLocation\": {\n                  \"uri\": \"" + uri + "\",\n                  \"uriBaseId\": \"%SRCROOT%\"\n                },";
}

}  // namespace

TEST_CASE("lint -o sarif: one run, the rules that ran, each finding at its line with its evidence and fingerprint (issue 11)") {
  // The two rules the fixture is about, in this order: the first is ruleIndex 0.
  const auto r = test::run_rbacq({"-o", "sarif", "lint", "--only", "system-masters-binding", "--only", "wildcard-rule",
                                  test::source_path(kFixture)});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
                          "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
                          "          \"name\": \"rbacq\",\n"));
  // Rules: severity as GitHub's level and security-severity, the documentation as help.
  CHECK(contains(r.out, "              \"id\": \"system-masters-binding\",\n              \"name\": \"SystemMastersBinding\",\n"
                        "              \"shortDescription\": {\n                \"text\": \"a binding to group system:masters, which RBAC"));
  CHECK(contains(r.out, "**Remediation:** Remove the binding."));
  CHECK(contains(r.out, "              \"defaultConfiguration\": {\n                \"level\": \"error\"\n              },\n"
                        "              \"properties\": {\n                \"tags\": [\n                  \"security\",\n"
                        "                  \"kubernetes\",\n                  \"rbac\"\n                ],\n"
                        "                \"security-severity\": \"8.0\",\n                \"precision\": \"very-high\"\n"));
  CHECK(contains(r.out, "\"security-severity\": \"5.5\""));  // wildcard-rule, medium
  // The finding: at the subject entry (line 20), relative to the repository root.
  CHECK(contains(r.out, "          \"ruleId\": \"system-masters-binding\",\n          \"ruleIndex\": 0,\n          \"level\": \"error\",\n"));
  CHECK(contains(r.out, relative_artifact(kFixture + "/rbac.yaml") +
                            "\n                \"region\": {\n                  \"startLine\": 20,\n                  \"startColumn\": 3\n"));
  // The evidence as related locations, numbered.
  CHECK(contains(r.out, "              \"id\": 1,\n              \"message\": {\n"
                        "                \"text\": \"ClusterRoleBinding masters-config refers to ClusterRole config-reader\"\n"));
  CHECK(contains(r.out, "\"partialFingerprints\": {\n            \"rbacq/v1\": \""));
  CHECK(contains(r.out, "\"properties\": {\n            \"certainty\": \"sure\",\n            \"severity\": \"high\"\n"));
  CHECK(contains(r.out, "\"invocations\": [\n        {\n          \"executionSuccessful\": true,\n"
                        "          \"toolExecutionNotifications\": []\n"));
  CHECK(contains(r.out, "\"%SRCROOT%\": {\n          \"uri\": \"file://" + test::source_path("") + "\"\n"));
}

TEST_CASE("lint -o sarif: URIs are relative to the repository root from any directory, absolute outside it (issue 11)") {
  // From a subdirectory of the repository: still relative to git's top level.
  const auto sub = test::run_rbacq_in(test::source_path("fixtures/lint"), {"-o", "sarif", "lint", "reports"});
  CHECK(sub.exit_code == 1);
  CHECK(contains(sub.out, relative_artifact(kFixture + "/rbac.yaml")));
  // A file outside the repository keeps an absolute file:// URI, without a base.
  test::TempDir dir;
  const std::string outside = dir.write("odd name #1.yaml", kMastersBinding);
  const auto abs = test::run_rbacq({"-o", "sarif", "lint", outside});
  CHECK(abs.exit_code == 1);
  CHECK(contains(abs.out, "\"artifactLocation\": {\n                  \"uri\": \"file://" + dir.path().string() +
                              "/odd%20name%20%231.yaml\"\n                },"));
  // Outside git, the current directory is the root.
  const auto here = test::run_rbacq_in(dir.path(), {"-o", "sarif", "lint", "."});
  CHECK(contains(here.out, relative_artifact("odd%20name%20%231.yaml")));
  CHECK(contains(here.out, "\"%SRCROOT%\": {\n          \"uri\": \"file://" + dir.path().string() + "/\"\n"));
}

TEST_CASE("lint -o sarif: no file means no locations, no findings an empty results array, input errors notifications (issue 11)") {
  const auto in = test::run_rbacq({"-o", "sarif", "lint", "-"}, kMastersBinding);
  CHECK(in.exit_code == 1);
  CHECK(contains(in.out, "\"ruleId\": \"system-masters-binding\""));
  CHECK(!contains(in.out, "\"locations\""));
  CHECK(!contains(in.out, "<stdin>"));
  const auto clean = test::run_rbacq({"-o", "sarif", "lint", test::source_path("fixtures/clusters/kubeadm/namespaces.yaml")});
  CHECK(clean.exit_code == 0);
  CHECK(contains(clean.out, "      \"results\": []\n    }\n  ]\n}\n"));
  test::TempDir dir;
  const std::string broken = dir.write("broken.yaml", "kind: Role\nrules: [\n");
  const auto bad = test::run_rbacq({"-o", "sarif", "--no-color", "lint", broken});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with(broken + ":3:1: error: "));  // stderr lists them as usual
  CHECK(contains(bad.out, "\"executionSuccessful\": false,\n          \"toolExecutionNotifications\": [\n            {\n"
                          "              \"level\": \"error\",\n"));
  CHECK(contains(bad.out, "\"descriptor\": {\n                \"id\": \"input-yaml\"\n              },"));
}

namespace {

// A binding whose name holds what Markdown, HTML, workflow commands and terminals read as
// syntax: | % : , ` ESC newline @mention <tag>. Its file name has ',' and ':' too.
const std::string kHostileName = "a|b%c:d,e`f\\e[31mg\\nh @org/team <b>";
const std::string kHostile =
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: \"" + kHostileName + "\"\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}\n"
    "subjects:\n- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: \"system:masters\"}\n";
const std::string kReader =
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n"
    "rules:\n- {apiGroups: [''], resources: [configmaps], verbs: [get]}\n";

/// `rbacq -o FORMAT lint .` in a directory holding the hostile binding and the role it names.
test::CommandResult lint_hostile(const std::string& format) {
  test::TempDir dir;
  dir.write("x,y:z.yaml", kHostile);
  dir.write("reader.yaml", kReader);
  return test::run_rbacq_in(dir.path(), {"-o", format, "lint", "."});
}

}  // namespace

TEST_CASE("lint -o markdown: headline, table and details, paths relative to the repository (issue 11)") {
  const auto r = test::run_rbacq({"-o", "markdown", "lint", test::source_path(kFixture)});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("### rbacq: 2 findings — 1 high, 1 medium\n\n"));
  CHECK(contains(r.out, " rules over 1 file\n\n"
                        "| Severity | Rule | Location | Message |\n"
                        "| --- | --- | --- | --- |\n"
                        "| high | system-masters-binding | fixtures/lint/reports/rbac.yaml:20:3 | ClusterRoleBinding masters-config grants "
                        "config-reader to group system:masters: members are allowed everything before RBAC is asked, so this binding adds "
                        "nothing and removing it revokes nothing |\n"
                        "| medium | wildcard-rule | fixtures/lint/reports/rbac.yaml:30:3 | rule 1 of Role config-editor uses a wildcard: "
                        "verbs \\[\\*\\], apiGroups \\[\"\"\\], resources \\[configmaps\\] |\n"));
  CHECK(contains(r.out, "\n<details>\n<summary><b>medium</b> wildcard-rule at fixtures/lint/reports/rbac.yaml:30:3</summary>\n\n"
                        "rule 1 of Role config-editor uses a wildcard: verbs \\[\\*\\], apiGroups \\[\"\"\\], resources \\[configmaps\\]\n\n"
                        "Evidence:\n\n"
                        "- fixtures/lint/reports/rbac.yaml:24:1: Role dev/config-editor is defined here\n"
                        "- fixtures/lint/reports/rbac.yaml:30:3: rule 1 of Role dev/config-editor: verbs=\\[\\*\\] apiGroups=\\[\"\"\\] "
                        "resources=\\[configmaps\\]\n\n"
                        "**How to fix:** List the verbs, resources and groups the subject needs.\n\n"
                        "</details>\n"));
  CHECK(contains(r.out, "- fixtures/lint/reports/rbac.yaml:11:1: ClusterRoleBinding masters-config refers to ClusterRole config-reader\n"));
  // Deterministic: a bot may compare it with its last comment.
  CHECK(test::run_rbacq({"-o", "markdown", "lint", test::source_path(kFixture)}).out == r.out);
}

TEST_CASE("lint -o markdown: no findings is one positive line, and input errors say the findings may be incomplete (issue 11)") {
  const auto clean = test::run_rbacq({"-o", "markdown", "lint", test::source_path("fixtures/clusters/kubeadm/namespaces.yaml")});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.starts_with("✅ rbacq: no findings ("));
  CHECK(clean.out.ends_with(" rules over 1 file)\n"));
  CHECK(clean.out.find('\n') == clean.out.size() - 1);
  test::TempDir dir;
  const std::string broken = dir.write("broken.yaml", "kind: Role\nrules: [\n");
  const auto bad = test::run_rbacq({"-o", "markdown", "lint", broken});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.starts_with("### rbacq: no findings\n\n"));
  CHECK(bad.out.ends_with(" rules over 1 file\n\n⚠️ 1 error in the input or the rules: the findings may be incomplete (the job's log lists them).\n"));
  CHECK(contains(bad.err, "broken.yaml:3:1: error: "));
}

TEST_CASE("lint -o markdown: hostile names cannot break the table, open a tag, a code span or a mention (issue 11)") {
  const auto r = lint_hostile("markdown");
  CHECK(r.exit_code == 1);
  const std::string shown = "a\\|b%c:d,e\\`f\\\\x1b\\[31mg\\\\nh @&#8203;org/team &lt;b&gt;";
  CHECK(contains(r.out, "| high | system-masters-binding | x,y:z.yaml:7:3 | ClusterRoleBinding " + shown + " grants reader to group "));
  CHECK(contains(r.out, "- x,y:z.yaml:1:1: ClusterRoleBinding " + shown + " refers to ClusterRole reader\n"));
  // Every table row is one line, and no raw ESC, tag or newline from the name survives.
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(!contains(r.out, "team <b>"));
  CHECK(!contains(r.out, "@org"));
}

TEST_CASE("lint -o github: one workflow command per finding, level by severity, nothing else on stdout (issue 11)") {
  const auto r = test::run_rbacq({"-o", "github", "lint", test::source_path(kFixture)});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "::error file=fixtures/lint/reports/rbac.yaml,line=20,col=3,title=system-masters-binding::ClusterRoleBinding masters-config "
        "grants config-reader to group system:masters: members are allowed everything before RBAC is asked, so this binding adds "
        "nothing and removing it revokes nothing"
        "%0Afixtures/lint/reports/rbac.yaml:11:1: ClusterRoleBinding masters-config refers to ClusterRole config-reader"
        "%0Afixtures/lint/reports/rbac.yaml:20:3: Group system:masters is subject 1 of ClusterRoleBinding masters-config"
        "%0Afixtures/lint/reports/rbac.yaml:2:1: ClusterRole config-reader is defined here\n"
        "::warning file=fixtures/lint/reports/rbac.yaml,line=30,col=3,title=wildcard-rule::rule 1 of Role config-editor uses a "
        "wildcard: verbs [*], apiGroups [\"\"], resources [configmaps]"
        "%0Afixtures/lint/reports/rbac.yaml:24:1: Role dev/config-editor is defined here"
        "%0Afixtures/lint/reports/rbac.yaml:30:3: rule 1 of Role dev/config-editor: verbs=[*] apiGroups=[\"\"] resources=[configmaps]\n");
  // No findings: nothing at all.
  const auto clean = test::run_rbacq({"-o", "github", "lint", test::source_path("fixtures/clusters/kubeadm/namespaces.yaml")});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
  // Input problems go to stderr, as for text.
  test::TempDir dir;
  const std::string broken = dir.write("broken.yaml", "kind: Role\nrules: [\n");
  const auto bad = test::run_rbacq({"-o", "github", "--no-color", "lint", broken});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.starts_with(broken + ":3:1: error: "));
}

TEST_CASE("lint -o github: properties escape % CR LF : and ',', messages % CR LF, names show as on a terminal (issue 11)") {
  const auto r = lint_hostile("github");
  CHECK(r.exit_code == 1);
  const std::string shown = "a|b%25c:d,e`f\\x1b[31mg\\nh @org/team <b>";
  CHECK(r.out == "::error file=x%2Cy%3Az.yaml,line=7,col=3,title=system-masters-binding::ClusterRoleBinding " + shown +
                     " grants reader to group system:masters: members are allowed everything before RBAC is asked, so this binding "
                     "adds nothing and removing it revokes nothing"
                     "%0Ax,y:z.yaml:1:1: ClusterRoleBinding " + shown + " refers to ClusterRole reader"
                     "%0Ax,y:z.yaml:7:3: Group system:masters is subject 1 of ClusterRoleBinding " + shown +
                     "%0Areader.yaml:1:1: ClusterRole reader is defined here\n");
}

namespace {

const std::string kUserRule =
    "id: secret-readers\ntitle: a service account that can read secrets\n"
    "description: |\n  Reading secrets reveals tokens,\n  and tokens are identities.\n"
    "remediation: Grant get on the named secrets only.\nreferences: [\"CIS Kubernetes Benchmark 5.1.2\"]\n"
    "cases:\n"
    "  - severity: high\n    query: subjects where kind = ServiceAccount and can(get, secrets)\n    message: \"{subject} can read secrets\"\n"
    "  - severity: low\n    certainty: inconclusive\n    query: subjects where kind = User\n    message: \"{subject} is a user\"\n";

/// The line of `text` that starts with `prefix`, or "".
std::string line_starting(const std::string& text, const std::string& prefix) {
  const std::size_t at = text.starts_with(prefix) ? 0 : text.find("\n" + prefix);
  if (at == std::string::npos) return {};
  const std::size_t begin = at == 0 ? 0 : at + 1;
  return text.substr(begin, text.find('\n', begin) - begin);
}

/// `line` without the id column: what follows the first run of spaces.
std::string after_id(const std::string& line) {
  const std::size_t gap = line.find(' ');
  return gap == std::string::npos ? std::string() : line.substr(line.find_first_not_of(' ', gap));
}

}  // namespace

TEST_CASE("rules: the catalogue as an aligned table - id, severity, title (issue 11)") {
  const auto r = test::run_rbacq({"rules"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("ID "));
  CHECK(after_id(line_starting(r.out, "ID ")) == "SEVERITY  TITLE");
  CHECK(after_id(line_starting(r.out, "system-masters-binding ")) ==
        "high      a binding to group system:masters, which RBAC cannot limit or revoke");
  CHECK(after_id(line_starting(r.out, "wildcard-rule ")) == "medium    a granted rule with * in its verbs, resources or apiGroups");
  // The columns line up: the severities start where SEVERITY does.
  CHECK(line_starting(r.out, "ID ").find("SEVERITY") == line_starting(r.out, "wildcard-rule ").find("medium"));
  CHECK(r.out.ends_with(" rules; 'rbacq rules ID' shows one, with its query\n"));
  const auto json = test::run_rbacq({"rules", "-o", "json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.starts_with("{\n  \"schema\": \"rbacq/v1\",\n  \"rules\": [\n    {\n      \"id\": \""));
  CHECK(contains(json.out, "      \"id\": \"system-masters-binding\",\n      \"title\": \"a binding to group system:masters, which RBAC "
                           "cannot limit or revoke\",\n      \"severity\": \"high\",\n      \"builtin\": true,\n      \"file\": null,\n"));
  CHECK(json.out.ends_with("  \"diagnostics\": []\n}\n"));
}

TEST_CASE("rules ID: one rule's documentation and query - a user rule's file and cases (issue 11)") {
  const auto builtin = test::run_rbacq({"rules", "system-masters-binding"});
  CHECK(builtin.exit_code == 0);
  CHECK(builtin.out.starts_with("system-masters-binding: a binding to group system:masters, which RBAC cannot limit or revoke\n\n"
                                "severity: high, certainty: sure\nsource: built-in\n\n"));
  for (const char* section : {"\nRemediation:\n  ", "\nReferences:\n  - ", "\nQuery:\n  bindings where subject = group:system:masters and annotation(",
                              "Message:\n  {kind} {name} grants {role} to group system:masters"}) {
    CHECK_MESSAGE(contains(builtin.out, section), section);
  }
  test::TempDir dir;
  const std::string file = dir.write("policies/secret-readers.yaml", kUserRule);
  const auto user = test::run_rbacq({"rules", "--rules", (dir.path() / "policies").string(), "secret-readers"});
  CHECK(user.exit_code == 0);
  CHECK(user.out ==
        "secret-readers: a service account that can read secrets\n\n"
        "severity: high (the highest of its 2 cases)\n"
        "source: " + file + "\n\n"
        "Reading secrets reveals tokens,\nand tokens are identities.\n\n"
        "Remediation:\n  Grant get on the named secrets only.\n\n"
        "References:\n  - CIS Kubernetes Benchmark 5.1.2\n\n"
        "Case 1: high, sure\n  Query:\n    subjects where kind = ServiceAccount and can(get, secrets)\n  Message:\n    {subject} can read secrets\n\n"
        "Case 2: low, inconclusive\n  Query:\n    subjects where kind = User\n  Message:\n    {subject} is a user\n");
  const auto json = test::run_rbacq({"rules", "-o", "json", "--rules", (dir.path() / "policies").string(), "secret-readers"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.starts_with("{\n  \"schema\": \"rbacq/v1\",\n  \"rule\": {\n    \"id\": \"secret-readers\",\n"));
  CHECK(contains(json.out, "    \"builtin\": false,\n    \"file\": \"" + file + "\",\n"));
  CHECK(contains(json.out, "      {\n        \"severity\": \"low\",\n        \"certainty\": \"inconclusive\",\n"
                           "        \"query\": \"subjects where kind = User\",\n        \"message\": \"{subject} is a user\"\n      }\n"));
  // The list counts the user's rules.
  CHECK(test::run_rbacq({"rules", "--rules", (dir.path() / "policies").string()}).out.ends_with(" (1 from --rules); 'rbacq rules ID' shows one, with its query\n"));
}

TEST_CASE("rules ID: an unknown id is an error with did-you-mean, and rules prints text or json only (issue 11)") {
  const auto r = test::run_rbacq({"rules", "wildcard-rules"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "rbacq: error: no rule 'wildcard-rules'\nrbacq: note: did you mean 'wildcard-rule'?\nrbacq: note: 'rbacq rules' lists them\n");
  const auto json = test::run_rbacq({"rules", "-o", "json", "no-such-rule-at-all"});
  CHECK(json.exit_code == 2);
  CHECK(contains(json.out, "\"message\": \"no rule 'no-such-rule-at-all'\""));
  const auto sarif = test::run_rbacq({"rules", "-o", "sarif"});
  CHECK(sarif.exit_code == 2);
  CHECK(sarif.err == "rbacq: error: -o sarif is for 'rbacq lint'; other commands print text or json\n");
}

TEST_CASE("lint: PATH . reports on the current directory only, not on --context files outside it (issue 11)") {
  test::TempDir dir;
  dir.write("repo/binding.yaml", kMastersBinding);
  dir.write("ctx/role.yaml", kRole);
  dir.write("ctx/binding.yaml", std::string(kMastersBinding).replace(std::string(kMastersBinding).find("name: masters"), 13, "name: other"));
  for (const std::vector<std::string>& args : {std::vector<std::string>{"lint", "--context", "../ctx"},
                                               std::vector<std::string>{"lint", "--context", "../ctx", "."}}) {
    const auto r = test::run_rbacq_in(dir.path() / "repo", args);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("ctx/binding.yaml") == std::string::npos);  // the context's own finding
    CHECK(r.out.ends_with("\n1 finding (1 high)\n"));
    CHECK(r.out.find("binding.yaml:6:3: error: ClusterRoleBinding masters grants everything") != std::string::npos);
  }
}

TEST_CASE("lint: the report is the same on one thread as on several (issue 11 budget: rules run in parallel)") {
  // Every rule fixture at once: 26 rules, over a hundred findings, the cases spread over threads.
  const auto run_with = [](const char* threads) {
    ::setenv("RBACQ_THREADS", threads, 1);
    auto r = test::run_rbacq({"lint", "-o", "json", "--inconclusive", test::source_path("fixtures/rules")});
    ::unsetenv("RBACQ_THREADS");
    return r;
  };
  const auto one = run_with("1");
  REQUIRE(one.exit_code == 1);
  REQUIRE(contains(one.out, "\"rule\": \"namespace-write\""));
  for (const char* threads : {"2", "5"}) {
    const auto several = run_with(threads);
    CAPTURE(threads);
    CHECK(several.exit_code == one.exit_code);
    CHECK(several.out == one.out);
  }
}
