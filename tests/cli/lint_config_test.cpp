// SPDX-License-Identifier: Apache-2.0
// `rbacq lint` with suppressions through the real binary (issue 11): the rbacq.io/ignore
// annotation, .rbacq.yaml (found upward or --config), deny assertions and baselines.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using namespace rbacq;

namespace {

constexpr std::string_view kAnnotated =
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: ClusterRole\n"
    "metadata:\n"
    "  name: legacy-admin\n"
    "  annotations:\n"
    "    rbacq.io/ignore: \"wildcard-rule -- break-glass role, reviewed\"\n"
    "rules:\n"
    "- {apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}\n"
    "---\n"
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: ClusterRoleBinding\n"
    "metadata: {name: legacy-admin}\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: legacy-admin}\n"
    "subjects:\n"
    "- {kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io}\n";

constexpr std::string_view kTeam =
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: Role\n"
    "metadata: {name: pods, namespace: dev}\n"
    "rules:\n"
    "- {apiGroups: [\"\"], resources: [pods], verbs: [\"*\"]}\n"
    "---\n"
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: ClusterRole\n"
    "metadata: {name: secret-reader}\n"
    "rules:\n"
    "- {apiGroups: [\"\"], resources: [secrets], verbs: [get]}\n"
    "---\n"
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: RoleBinding\n"
    "metadata: {name: deployer, namespace: kube-system}\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}\n"
    "subjects:\n"
    "- {kind: ServiceAccount, name: deployer, namespace: ci}\n"
    "---\n"
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: RoleBinding\n"
    "metadata: {name: pods, namespace: dev}\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pods}\n"
    "subjects:\n"
    "- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}\n";

/// A repository: repo/deploy/legacy.yaml (annotated) and repo/deploy/team.yaml, and
/// repo/.rbacq.yaml when `config` is given.
struct Repo {
  test::TempDir dir;
  std::string root;
  std::string deploy;
  explicit Repo(std::string_view config = {}, std::string_view legacy = kAnnotated) {
    dir.write("repo/deploy/legacy.yaml", legacy);
    dir.write("repo/deploy/team.yaml", kTeam);
    root = (dir.path() / "repo").string();
    deploy = root + "/deploy";
    if (!config.empty()) dir.write("repo/.rbacq.yaml", config);
  }
};


bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// `rbacq lint ARGS` with the two rules these tests are about and the policy assertions, so that
/// the tests do not change with the catalogue (the roles are bound, as wildcard-rule asks).
test::CommandResult lint(std::vector<std::string> args) {
  args.insert(args.begin(), {"lint", "--only", "wildcard-rule", "--only", "system-masters-binding", "--only", "policy-assertion"});
  return test::run_rbacq(args);
}

}  // namespace

TEST_CASE("lint: rbacq.io/ignore with a reason suppresses that rule's findings on the object (issue 11)") {
  const Repo repo;
  const auto r = lint({repo.deploy});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(has(r.out, "legacy-admin"));
  CHECK(has(r.out, repo.deploy + "/team.yaml:5:3: warning: rule 1 of Role pods uses a wildcard"));
  CHECK(r.out.ends_with("\n1 finding (1 medium); 1 suppressed\n"));
}

TEST_CASE("lint: rbacq.io/ignore without a reason is a warning at the annotation and suppresses nothing (issue 11)") {
  std::string legacy(kAnnotated);
  legacy.replace(legacy.find("\"wildcard-rule -- break-glass role, reviewed\""), 45, "wildcard-rule");
  const Repo repo({}, legacy);
  const auto r = lint({repo.deploy});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, repo.deploy + "/legacy.yaml:6:22: warning: rbacq.io/ignore gives no reason, so it suppresses nothing [lint-suppression]\n"));
  CHECK(has(r.out, "ClusterRole legacy-admin uses a wildcard"));
  CHECK(r.out.ends_with("\n2 findings (2 medium)\n"));
}

TEST_CASE("lint: .rbacq.yaml disables rules and re-grades them before --fail-on (issue 11)") {
  {
    const Repo repo("rules: {disable: [wildcard-rule]}\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "no findings (1 rule, 2 files)\n");
  }
  {
    const Repo repo("rules:\n  severity: {wildcard-rule: critical}\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "team.yaml:5:3: error: rule 1 of Role pods uses a wildcard"));
    CHECK(r.out.ends_with("\n1 finding (1 critical); 1 suppressed\n"));
  }
  {
    const Repo repo("fail-on: medium\n");
    CHECK(lint({repo.deploy}).exit_code == 1);
    CHECK(lint({"--fail-on", "high", repo.deploy}).exit_code == 0);  // the command line wins
  }
}

TEST_CASE("lint: exclude and ignore entries of .rbacq.yaml, and expired ones (issue 11)") {
  {
    const Repo repo("exclude: [\"deploy/team.*\"]\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "no findings (2 rules, 1 file); 1 suppressed\n");
  }
  {
    const Repo repo("ignore:\n  - rule: wildcard-rule\n    object: Role/dev/pods\n    path: deploy/**\n    reason: pods are ours\n"
                    "    expires: 2999-12-31\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "no findings (2 rules, 2 files); 2 suppressed\n");
  }
  {
    const Repo repo("ignore:\n  - rule: wildcard-rule\n    object: Role/dev/pods\n    reason: pods are ours\n    expires: 2001-01-31\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "/repo/.rbacq.yaml:2:5: warning: the ignore entry for wildcard-rule expired on 2001-01-31, so it no longer "
                     "suppresses anything [config-expired]\n"));
    CHECK(r.out.ends_with("\n1 finding (1 medium); 1 suppressed\n"));
  }
}

TEST_CASE("lint: a deny assertion with rows is a policy-assertion finding with its proof, one without rows is not (issue 11)") {
  {
    const Repo repo("deny:\n  - \"can sa:ci/deployer get secrets in kube-system\"\n  - can sa:ci/deployer get secrets in dev\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, repo.deploy + "/team.yaml:18:3: error: policy assertion violated: can sa:ci/deployer get secrets in kube-system "
                                   "[policy-assertion]\n"));
    CHECK(has(r.out, "note: ServiceAccount ci/deployer is subject 1 of RoleBinding kube-system/deployer\n"));
    CHECK(has(r.out, "/repo/.rbacq.yaml:2:5: note: the assertion is here\n"));
    CHECK_FALSE(has(r.out, "in dev"));
    CHECK(r.out.ends_with("\n2 findings (1 high, 1 medium); 1 suppressed\n"));
  }
  {
    // No object: the finding is at the entry of the config, outside the PATHs.
    const Repo repo("deny:\n  - query: count bindings where subject = sa:ci/deployer\n    severity: low\n"
                    "    message: \"{count} binding(s) for the deployer\"\n");
    const auto r = lint({repo.deploy});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "/repo/.rbacq.yaml:2:5: warning: 1 binding(s) for the deployer [policy-assertion]\n"));
  }
  {
    const Repo repo("deny:\n  - query: count bindings where subject = sa:ci/nobody\n");
    const auto r = lint({repo.deploy});
    CHECK_FALSE(has(r.out, "policy-assertion"));
  }
}

TEST_CASE("lint -o sarif: a policy assertion's finding has its rule in the log's rule list (issue 11)") {
  const Repo repo("deny:\n  - \"can sa:ci/deployer get secrets in kube-system\"\n");
  const auto r = lint({"-o", "sarif", repo.deploy});
  CHECK(r.exit_code == 1);
  const auto result = r.out.find("\"ruleId\": \"policy-assertion\"");
  REQUIRE(result != std::string::npos);
  CHECK(r.out.find("\"ruleIndex\"", result) < r.out.find("\"level\"", result));
  const auto descriptor = r.out.find("\"id\": \"policy-assertion\"");
  REQUIRE(descriptor != std::string::npos);
  CHECK(descriptor < r.out.find("\"results\""));
  CHECK(has(r.out, "A statement the repository's .rbacq.yaml denies is true"));
  const Repo unconfigured;
  const auto plain = lint({"-o", "sarif", unconfigured.deploy});
  CHECK_FALSE(has(plain.out, "policy-assertion"));
}

TEST_CASE("lint: a broken .rbacq.yaml is exit 2, each mistake at file:line:col (issue 11)") {
  const Repo repo("rules:\n  disable: [wildcard-rul]\ndeny:\n  - can sa:ci/deployer get secrts in dev\n");
  const auto r = lint({repo.deploy});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "/repo/.rbacq.yaml:2:13: error: there is no rule 'wildcard-rul' [config-invalid]\n"));
  CHECK(has(r.err, "/repo/.rbacq.yaml:2:13: note: did you mean 'wildcard-rule'?\n"));
  const Repo unknown_resource("deny:\n  - can sa:ci/deployer get secrts in dev\n");
  const auto u = lint({unknown_resource.deploy});
  CHECK(u.exit_code == 2);
  CHECK(has(u.err, "/repo/.rbacq.yaml:2:28: error: the resource type 'secrts' is not served"));
  CHECK(has(u.err, "[query-check]\n"));
  const auto missing = lint({"--config", repo.root + "/none.yaml", repo.deploy});
  CHECK(missing.exit_code == 2);
  CHECK(has(missing.err, "none.yaml: error: no such config file [config-invalid]\n"));
}

TEST_CASE("lint: .rbacq.yaml is found upward from the first PATH, --config names another (issue 11)") {
  const Repo repo("rules: {disable: [wildcard-rule]}\n");
  const auto nested = lint({repo.deploy + "/team.yaml"});
  CHECK(nested.exit_code == 0);
  CHECK(nested.out == "no findings (1 rule, 1 file)\n");
  const std::string other = repo.dir.write("other.yaml", "fail-on: low\n");
  const auto given = lint({"--config", other, repo.deploy + "/team.yaml"});
  CHECK(given.exit_code == 1);
  CHECK(given.out.ends_with("\n1 finding (1 medium)\n"));
}

TEST_CASE("lint: --write-baseline then --baseline reports only new findings, and what was fixed (issue 11)") {
  const Repo repo;
  const std::string baseline = (repo.dir.path() / "baseline.txt").string();
  const auto written = lint({"--write-baseline", baseline, repo.deploy});
  CHECK(written.exit_code == 0);
  CHECK(written.out == "no findings (2 rules, 2 files); 1 suppressed; 1 baselined\n");
  const std::string text = test::read_file(baseline);
  CHECK(text.starts_with("# rbacq baseline"));
  CHECK(has(text, "\twildcard-rule\tRole/dev/pods\trule 1 of Role pods uses a wildcard: verbs [*], apiGroups [\"\"], resources [pods]\n"));
  CHECK(lint({"--write-baseline", baseline, repo.deploy}).exit_code == 0);
  CHECK(test::read_file(baseline) == text);  // deterministic

  const auto again = lint({"-o", "json", "--baseline", baseline, repo.deploy});
  CHECK(again.exit_code == 0);
  CHECK(has(again.out, "\"findings\": []"));
  CHECK(has(again.out, "\"suppressed\": 1,\n    \"baselined\": 1,\n    \"fixedSinceBaseline\": 0,"));

  // A new finding is reported; the old one, once gone, is "fixed since the baseline".
  repo.dir.write("repo/deploy/team.yaml", std::string(kTeam).replace(std::string(kTeam).find("resources: [pods]"), 17, "resources: [\"*\"]"));
  const auto changed = lint({"--baseline", baseline, repo.deploy});
  CHECK(changed.exit_code == 0);
  CHECK(has(changed.out, "rule 1 of Role pods uses a wildcard: verbs [*], apiGroups [\"\"], resources [*]"));
  CHECK(has(changed.err, "baseline.txt:4:1: note: wildcard-rule on Role/dev/pods: fixed since the baseline [baseline-fixed]\n"));
  CHECK(changed.out.ends_with("\n1 finding (1 medium); 1 suppressed; 1 fixed since the baseline\n"));

  const auto broken = lint({"--baseline", repo.deploy + "/team.yaml", repo.deploy});
  CHECK(broken.exit_code == 2);
  CHECK(has(broken.err, "team.yaml:1:1: error: not a baseline line"));
}

TEST_CASE("lint --only: just the rules named, and an unknown id is a usage error with did-you-mean (issue 11)") {
  const Repo repo("deny:\n  - \"can sa:ci/deployer get secrets in kube-system\"\n");
  const auto only = test::run_rbacq({"lint", "--only", "wildcard-rule", repo.deploy});
  CHECK(only.exit_code == 0);
  CHECK_FALSE(has(only.out, "[policy-assertion]"));
  CHECK(only.out.ends_with("\n1 finding (1 medium); 1 suppressed\n"));
  const auto assertions = test::run_rbacq({"lint", "--only", "policy-assertion", repo.deploy});
  CHECK(assertions.exit_code == 1);
  CHECK(has(assertions.out, "[policy-assertion]\n"));
  CHECK(assertions.out.ends_with("\n1 finding (1 high)\n"));
  const auto unknown = test::run_rbacq({"lint", "--only", "wildcard-rules", repo.deploy});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(has(unknown.err, "no rule 'wildcard-rules'"));
  CHECK(has(unknown.err, "did you mean 'wildcard-rule'?"));
}

TEST_CASE("lint: rules.options in .rbacq.yaml sets a rule's option, and an option the rule lacks is an error with did-you-mean (issue 11)") {
  const Repo plain;
  const auto before = test::run_rbacq({"lint", "--only", "secrets-read", plain.deploy});
  CHECK(before.exit_code == 1);
  CHECK(has(before.out, "lets sa:ci/deployer read the Secrets of kube-system"));
  const Repo trusted("rules:\n  options:\n    secrets-read:\n      trusted-subjects: [\"sa:ci/deployer\"]\n");
  const auto after = test::run_rbacq({"lint", "--only", "secrets-read", trusted.deploy});
  CHECK(after.exit_code == 0);
  CHECK(after.out == "no findings (1 rule, 2 files)\n");
  const Repo typo("rules:\n  options:\n    secrets-read:\n      trusted-subject: [\"sa:ci/deployer\"]\n    unused-role: {x: [a]}\n");
  const auto broken = test::run_rbacq({"lint", typo.deploy});
  CHECK(broken.exit_code == 2);
  CHECK(has(broken.err, "/repo/.rbacq.yaml:4:7: error: rule secrets-read has no option 'trusted-subject' [config-invalid]\n"));
  CHECK(has(broken.err, "/repo/.rbacq.yaml:4:7: note: did you mean 'trusted-subjects'?\n"));
  CHECK(has(broken.err, "/repo/.rbacq.yaml:5:19: error: rule unused-role has no option 'x' [config-invalid]\n"));
  const Repo scalar("rules:\n  options:\n    secrets-read:\n      trusted-subjects: sa:ci/deployer\n");
  const auto s = test::run_rbacq({"lint", scalar.deploy});
  CHECK(s.exit_code == 2);
  CHECK(has(s.err, "/repo/.rbacq.yaml:4:25: error: option trusted-subjects of secrets-read is a list of values, as in [sa:ci/deployer], "
                   "not a scalar [config-invalid]\n"));
}

TEST_CASE("lint: rules.disable turns policy assertions off too (issue 11)") {
  const Repo repo("rules: {disable: [policy-assertion]}\ndeny:\n  - \"can sa:ci/deployer get secrets in kube-system\"\n");
  const auto r = lint({repo.deploy});
  CHECK_FALSE(has(r.out, "[policy-assertion]"));
}

TEST_CASE("lint --baseline on some files: findings elsewhere are not 'fixed since the baseline' (issue 11)") {
  const Repo repo;
  const std::string baseline = (repo.dir.path() / "baseline.txt").string();
  REQUIRE(test::run_rbacq({"lint", "--write-baseline", baseline, repo.deploy}).exit_code == 0);
  // The pre-commit form: one changed file, the rest as context.
  const auto r = test::run_rbacq({"lint", "--baseline", baseline, "--context", repo.deploy, repo.deploy + "/team.yaml"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(has(r.err, "fixed since the baseline"));
}

TEST_CASE("lint --write-baseline keeps what the run could not find again, and never writes from a broken run (issue 11)") {
  const Repo repo;
  const std::string baseline = (repo.dir.path() / "baseline.txt").string();
  REQUIRE(test::run_rbacq({"lint", "--write-baseline", baseline, repo.deploy}).exit_code == 0);
  const std::string full = test::read_file(baseline);
  CHECK(has(full, "\twildcard-rule\t"));
  CHECK(has(full, "\tsecrets-read\t"));
  // One rule, or one file: the other entries stay.
  CHECK(test::run_rbacq({"lint", "--only", "secrets-read", "--write-baseline", baseline, repo.deploy}).exit_code == 0);
  CHECK(test::read_file(baseline) == full);
  CHECK(test::run_rbacq({"lint", "--write-baseline", baseline, "--context", repo.deploy, repo.deploy + "/legacy.yaml"}).exit_code == 0);
  CHECK(test::read_file(baseline) == full);
  // Input errors: the findings may be incomplete, so nothing is written.
  repo.dir.write("repo/deploy/broken.yaml", "kind: Role\nmetadata: {name: [\n");
  const auto broken = test::run_rbacq({"lint", "--write-baseline", baseline, repo.deploy});
  CHECK(broken.exit_code == 2);
  CHECK(has(broken.err, "baseline.txt: error: the baseline was not written: the run has errors"));
  CHECK(test::read_file(baseline) == full);
  // A file that is not a baseline is not overwritten.
  const std::string manifest = repo.deploy + "/team.yaml";
  const std::string before = test::read_file(manifest);
  const auto wrong = test::run_rbacq({"lint", "--write-baseline", manifest, repo.deploy + "/legacy.yaml"});
  CHECK(wrong.exit_code == 2);
  CHECK(has(wrong.err, "team.yaml: error: the file exists and is not a baseline: not overwritten [baseline-invalid]"));
  CHECK(test::read_file(manifest) == before);
}

TEST_CASE("lint: a policy assertion is reported at a row in the linted files when one is, not hidden behind --context (issue 11)") {
  const Repo repo("deny:\n  - \"who can get secrets where subject != group:system:masters order by subject\"\n");
  // In context only: a subject that sorts before the deployer.
  repo.dir.write("ctx/reader.yaml",
                 "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: aaa}\n"
                 "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}\n"
                 "subjects:\n- {kind: Group, name: aaa, apiGroup: rbac.authorization.k8s.io}\n");
  const auto r = test::run_rbacq({"lint", "--only", "policy-assertion", "--context", (repo.dir.path() / "ctx").string(), repo.deploy});
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, repo.deploy + "/legacy.yaml:15:3: error: policy assertion violated: who can get secrets where subject != "
                                 "group:system:masters order by subject (3 rows) [policy-assertion]\n"));
  CHECK(has(r.out, "/ctx/reader.yaml:6:3: note: row 3: subject=group:aaa"));
  CHECK(r.out.ends_with("\n1 finding (1 high)\n"));
}

TEST_CASE("lint --write-baseline keeps inconclusive findings too, so --inconclusive --baseline does not report them as new (issue 11)") {
  const Repo repo;
  repo.dir.write("repo/deploy/dangling.yaml",
                 "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: later, namespace: dev}\n"
                 "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: not-yet}\n"
                 "subjects:\n- {kind: User, name: bob, apiGroup: rbac.authorization.k8s.io}\n");
  const auto shown = test::run_rbacq({"lint", "--only", "dangling-role-ref", "--inconclusive", repo.deploy});
  REQUIRE(has(shown.out, "[dangling-role-ref]"));
  const std::string baseline = (repo.dir.path() / "baseline.txt").string();
  REQUIRE(test::run_rbacq({"lint", "--only", "dangling-role-ref", "--write-baseline", baseline, repo.deploy}).exit_code == 0);
  CHECK(has(test::read_file(baseline), "\tdangling-role-ref\t"));
  const auto again = test::run_rbacq({"lint", "--only", "dangling-role-ref", "--inconclusive", "--baseline", baseline, repo.deploy});
  CHECK(again.out == "no findings (1 rule, 3 files); 1 baselined\n");
}

TEST_CASE("lint: a baseline or configuration kept among the manifests is not read as a manifest (issue 11 follow-up)") {
  // `--write-baseline deploy/baseline.yaml deploy/` then `--baseline deploy/baseline.yaml deploy/`:
  // the second run read the baseline as a manifest and failed with exit 2.
  const Repo repo;
  repo.dir.write("repo/deploy/lint-config.yaml", "rules:\n  disable: [unused-role]\n");
  const std::string baseline = repo.deploy + "/baseline.yaml";
  const std::string config = repo.deploy + "/lint-config.yaml";
  const auto written = lint({"--config", config, "--write-baseline", baseline, repo.deploy});
  CAPTURE(written.err);
  REQUIRE(written.exit_code == 0);
  CHECK(has(test::read_file(baseline), "\twildcard-rule\t"));
  const auto again = lint({"--config", config, "--baseline", baseline, repo.deploy});
  CAPTURE(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.err.empty());  // neither the baseline nor the configuration is an input
  CAPTURE(again.out);
  CHECK(again.out == "no findings (2 rules, 2 files); 1 suppressed; 1 baselined\n");
  // Named as a path of its own, a file is read whatever it is.
  const auto named = lint({"--config", config, "--baseline", baseline, repo.deploy, baseline});
  CAPTURE(named.out);
  CAPTURE(named.err);
  CHECK(has(named.out, "(2 rules, 3 files)"));
  CHECK(has(named.err, "/deploy/baseline.yaml: warning: no Kubernetes object in this file"));
}

TEST_CASE("lint: every mistake of a broken .rbacq.yaml in one run, option names too, and no summary of rules that did not run (issue 11 follow-up)") {
  // A wrong rule id used to stop the check before option names; the summary then said "no
  // findings (26 rules, …)" although no rule had run.
  Repo repo("rules:\n  disable: [no-such-rule]\n  options:\n    wildcard-rule:\n      trusted: [user:x]\n");
  const auto r = lint({repo.deploy});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "/repo/.rbacq.yaml:2:13: error: there is no rule 'no-such-rule' [config-invalid]"));
  CHECK(has(r.err, "/repo/.rbacq.yaml:5:7: error: rule wildcard-rule has no option 'trusted' [config-invalid]"));
  CHECK(r.out == "no rule ran: the configuration or baseline has errors (above)\n");
  // The Markdown comment counts the configuration's errors, not those of the manifests.
  repo.dir.write("repo/deploy/broken.yaml", "kind: [\n");
  const auto md = lint({"-o", "markdown", repo.deploy});
  CAPTURE(md.out);
  CHECK(md.out.starts_with("### rbacq: no rule ran\n"));
  CHECK(has(md.out, "the baseline has 2 errors:"));
}

TEST_CASE("lint: a .rbacq.yaml of two documents has the first one's option names checked as well (issue 11 follow-up)") {
  const Repo repo("rules:\n  options:\n    wildcard-rule:\n      trusted: [user:x]\n---\nfail-on: low\n");
  const auto r = lint({repo.deploy});
  CAPTURE(r.err);
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "a config file holds one document: merge them [config-invalid]"));
  CHECK(has(r.err, "/repo/.rbacq.yaml:4:7: error: rule wildcard-rule has no option 'trusted' [config-invalid]"));
}
