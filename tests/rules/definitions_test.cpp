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
