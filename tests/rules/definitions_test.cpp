// SPDX-License-Identifier: Apache-2.0
// Several definitions of one object (two versions of an install manifest): rules that judge an
// object by itself report every definition at its own line; the cluster's view is the one that
// wins, and findings say which (issue 11).
#include <doctest/doctest.h>

#include "test_support.hpp"

using rbacq::test::run_rbacq;

namespace {

const char* const kOld = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: operator}
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["*"]
)";

const char* const kNew = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: operator}
rules:
- apiGroups: [apps]
  resources: ["*"]
  verbs: [get]
)";

const char* const kBinding = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: operator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
subjects:
- {kind: ServiceAccount, name: operator, namespace: operators}
)";

}  // namespace

TEST_CASE("lint: every definition of an object is judged at its own line - findings say which one the cluster keeps (issue 11)") {
  rbacq::test::TempDir dir;
  const std::string v1 = dir.write("a-v1/operator.yaml", kOld);
  const std::string v2 = dir.write("b-v2/operator.yaml", kNew);
  // A binding refers to the role by name: to whichever definition is applied.
  dir.write("c/binding.yaml", kBinding);
  const auto r = run_rbacq({"lint", "--fail-on", "critical", dir.path().string()});
  CAPTURE(r.out);
  CAPTURE(r.err);
  // Both definitions have a wildcard: the earlier (replaced) one and the later one.
  CHECK(r.out.find(v1 + ":5:3: warning: rule 1 of ClusterRole operator uses a wildcard") != std::string::npos);
  CHECK(r.out.find(v2 + ":5:3: warning: rule 1 of ClusterRole operator uses a wildcard") != std::string::npos);
  CHECK(r.out.find(v2 + ":1:1: note: a later definition of ClusterRole operator replaces this one in the cluster: it is here") !=
        std::string::npos);
  CHECK(r.out.find(v1 + ":1:1: note: ClusterRole is also defined here, earlier: the definition above replaces it in the cluster") !=
        std::string::npos);
  // Bound through its name, the earlier definition is not unused.
  CHECK(r.out.find("[unused-role]") == std::string::npos);
  // The query language shows the earlier definition as replaced; the cluster's view (grants,
  // can) knows only the later one.
  const auto q = run_rbacq({"query", "select name, replaced, rules from roles order by replaced", "-f", dir.path().string()});
  CHECK(q.out == "NAME      REPLACED  RULES\noperator  false     1\noperator  true      1\n");
  const auto rules = run_rbacq({"query", "select role, replaced, verbs from rules where allows(delete, pods)", "-f", dir.path().string()});
  CHECK(rules.out == "ROLE      REPLACED  VERBS\noperator  true      [*]\n");
}

TEST_CASE("lint: earlier definitions without a namespace get the default one, so they are bound and resolve as the later (issue 11)") {
  rbacq::test::TempDir dir;
  const std::string manifest = rbacq::test::read_file(rbacq::test::source_path("fixtures/lint/definitions/namespaceless.yaml"));
  dir.write("a.yaml", manifest);
  std::string changed = manifest;  // a second version: another resource
  changed.replace(changed.find("configmaps"), 10, "secrets");
  dir.write("b.yaml", changed);
  const auto r = run_rbacq({"lint", "--inconclusive", "--only", "unused-role", "--only", "dangling-role-ref", dir.path().string()});
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no findings (2 rules, 2 files)\n");
  const auto q = run_rbacq({"query", "select name, namespace, replaced, bound from roles order by replaced", "-f", dir.path().string()});
  CHECK(q.out == "NAME  NAMESPACE  REPLACED  BOUND\napp   default    false     true\napp   default    true      true\n");
}

TEST_CASE("lint: of three definitions that meet once namespaces are defaulted, the one applied last is kept (issue 11)") {
  rbacq::test::TempDir dir;
  const char* const role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app%s}\nrules:\n"
                           "- {apiGroups: [\"\"], resources: [%s], verbs: [get]}\n";
  const auto write = [&](const std::string& file, const std::string& ns, const std::string& resource) {
    std::string text(role);
    text.replace(text.find("%s"), 2, ns.empty() ? "" : ", namespace: " + ns);
    text.replace(text.find("%s"), 2, resource);
    dir.write(file, text);
  };
  write("a.yaml", "default", "secrets");
  write("b.yaml", "", "configmaps");
  write("c.yaml", "default", "pods");
  const auto q = run_rbacq({"query", "select namespace, replaced, rule.resources from roles order by replaced", "-f", dir.path().string()});
  CHECK(q.out == "NAMESPACE  REPLACED  RULE.RESOURCES\ndefault    false     [pods]\ndefault    true      [secrets]\n"
                 "default    true      [configmaps]\n");
}

TEST_CASE("lint: an earlier definition of an aggregated ClusterRole is aggregated by its labels, not unused (issue 11)") {
  rbacq::test::TempDir dir;
  const std::string part = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: part\n  labels: {example.com/aggregate-to-foo: \"true\"}\n"
                           "rules:\n- {apiGroups: [example.com], resources: [widgets], verbs: [get]}\n";
  dir.write("a.yaml", part);
  dir.write("b.yaml", part);
  dir.write("c.yaml",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: foo}\naggregationRule:\n  clusterRoleSelectors:\n"
            "  - matchLabels: {example.com/aggregate-to-foo: \"true\"}\nrules: []\n---\n"
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: foo}\n"
            "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: foo}\nsubjects:\n- {kind: Group, name: devs}\n");
  const auto r = run_rbacq({"lint", "--only", "unused-role", dir.path().string()});
  CHECK(r.out == "no findings (1 rule, 3 files)\n");
  // Its own written rules, on a definition with an aggregationRule, grant nothing.
  const auto written = run_rbacq({"query", "select role, replaced, bound from rules where role = foo", "-f", dir.path().string()});
  CHECK(written.out == "ROLE  REPLACED  BOUND\nfoo   false     true\n");
}
