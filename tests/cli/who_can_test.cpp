// SPDX-License-Identifier: Apache-2.0
// `rbacq who-can` end to end (issue 3).
#include <doctest/doctest.h>

#include "test_support.hpp"

using rbacq::test::run_rbacq;
using rbacq::test::source_path;

TEST_CASE("who-can: the kubeadm incident, system:masters first") {
  const std::string kubeadm = source_path("fixtures/clusters/kubeadm");
  const auto r = run_rbacq({"who-can", "get", "secrets", "-n", "kube-system", "-f", kubeadm});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::string crb = kubeadm + "/cluster-admin.yaml:23:1";
  const std::string sa = kubeadm + "/admin-serviceaccount.yaml:13:1";
  CHECK(r.out == "who can get secrets in namespace kube-system:\n\n"
                 "SUBJECT                           SCOPE         GRANTED BY                                                                   AT\n"
                 "Group system:masters              everywhere    privileged group: allowed before RBAC, no binding revokes it\n"
                 "Group system:masters              cluster-wide  ClusterRoleBinding cluster-admin → ClusterRole cluster-admin, rule 1         " +
                     crb +
                     "\n"
                     "ServiceAccount kube-system/admin  cluster-wide  ClusterRoleBinding add-on-cluster-admin → ClusterRole cluster-admin, rule 1  " +
                     sa +
                     "\n\n"
                     "Group system:masters: identities whose credential carries this group (a client certificate with O=system:masters): "
                     "allowed everything before RBAC\n");
}

TEST_CASE("who-can: groups with their members, RoleBindings only in their namespace") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rbac.yaml", R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: ci}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-creator}
rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-creates, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-creator}
subjects: [{kind: Group, name: "system:serviceaccounts:ci", apiGroup: rbac.authorization.k8s.io}]
)");
  auto r = run_rbacq({"-o", "json", "who-can", "create", "pods", "-n", "ci", "-f", path});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(R"("name": "system:serviceaccounts:ci")") != std::string::npos);
  CHECK(r.out.find(R"("description": "every service account of namespace ci, including ones created later")") != std::string::npos);
  CHECK(r.out.find("\"serviceAccounts\": [\n          \"ci/builder\",\n          \"ci/default\"\n        ]") != std::string::npos);
  CHECK(r.out.find(R"("scope": "ci")") != std::string::npos);
  r = run_rbacq({"-o", "json", "who-can", "create", "pods", "-n", "prod", "-f", path});
  CHECK(r.out.find("system:serviceaccounts:ci") == std::string::npos);
  r = run_rbacq({"who-can", "create", "pods", "-A", "-f", path});
  CHECK(r.out.find("system:serviceaccounts:ci") == std::string::npos);  // no namespace: ClusterRoleBindings only
  CHECK(r.err == "rbacq: note: RoleBindings also allow this inside 1 namespace: ci (ask with -n NS to see who)\n");
}

TEST_CASE("who-can: the escalation verbs and special resources resolve") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rbac.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: escalators}
rules:
- {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [cluster-admin]}
- {apiGroups: [""], resources: [groups, users], verbs: [impersonate]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: escalators}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalators}
subjects: [{kind: User, name: mallory, apiGroup: rbac.authorization.k8s.io}]
)");
  CHECK(run_rbacq({"who-can", "bind", "clusterroles/cluster-admin", "-f", path}).out.find("User mallory") != std::string::npos);
  CHECK(run_rbacq({"who-can", "bind", "clusterroles/view", "-f", path}).out.find("User mallory") == std::string::npos);
  CHECK(run_rbacq({"who-can", "impersonate", "groups", "-f", path}).out.find("User mallory") != std::string::npos);
  CHECK(run_rbacq({"who-can", "impersonate", "users", "-f", path}).out.find("User mallory") != std::string::npos);
}

TEST_CASE("who-can: who may do it only for named objects is shown apart (issue 3 user test)") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rbac.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: leader, namespace: ctl}
rules: [{apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get, update], resourceNames: [ctl-leader]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: leader, namespace: ctl}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: leader}
subjects: [{kind: ServiceAccount, name: controller}]
)");
  auto r = run_rbacq({"who-can", "update", "leases", "-n", "ctl", "-f", path});
  CHECK(r.out == "who can update leases.coordination.k8s.io in namespace ctl:\n\n"
                 "SUBJECT               SCOPE       GRANTED BY                                                    AT\n"
                 "Group system:masters  everywhere  privileged group: allowed before RBAC, no binding revokes it\n\n"
                 "only for some objects (ask with TYPE/NAME for one):\n\n"
                 "SUBJECT                        SCOPE   ONLY FOR NAMES, GRANTED BY                                     AT\n"
                 "ServiceAccount ctl/controller  in ctl  [ctl-leader] RoleBinding ctl/leader → Role ctl/leader, rule 1  " +
                     path +
                     ":6:1\n\n"
                     "Group system:masters: identities whose credential carries this group (a client certificate with O=system:masters): "
                     "allowed everything before RBAC\n");
  r = run_rbacq({"who-can", "update", "leases/ctl-leader", "-n", "ctl", "-f", path});
  CHECK(r.out.find("ServiceAccount ctl/controller") != std::string::npos);
  CHECK(r.out.find("RoleBinding ctl/leader → Role ctl/leader, rule 1") != std::string::npos);
  CHECK(r.out.find("only for some objects") == std::string::npos);
  r = run_rbacq({"-o", "json", "who-can", "update", "leases", "-n", "ctl", "-f", path});
  CHECK(r.out.find("\"onlyForNames\": [\n    {\n      \"kind\": \"ServiceAccount\",\n      \"name\": \"controller\"") != std::string::npos);
}

TEST_CASE("who-can: missing roles in scope are warnings and JSON errors") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rbac.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: dangling}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: gone}
subjects: [{kind: User, name: x, apiGroup: rbac.authorization.k8s.io}]
)");
  const auto r = run_rbacq({"who-can", "get", "pods", "-f", path});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("[rbac-missing-role]") != std::string::npos);
  const auto json = run_rbacq({"-o", "json", "who-can", "get", "pods", "-f", path});
  CHECK(json.out.find(R"("message": "clusterrole.rbac.authorization.k8s.io \"gone\" not found")") != std::string::npos);
}

TEST_CASE("who-can: a mistyped command or option gets rbacq's voice and a suggestion") {
  auto r = run_rbacq({"who-cna", "get", "pods"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("rbacq: note: did you mean 'who-can'?\n") != std::string::npos);
  r = run_rbacq({"who-can", "get", "pods", "--as", "alice", "--with-defaults"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("rbacq: note: run 'rbacq who-can --help' for the options and examples\n") != std::string::npos);
}

TEST_CASE("who-can --as, and a positional file after -n: the command line that works (issue 10)") {
  const std::string kubeadm = source_path("fixtures/clusters/kubeadm");
  auto r = run_rbacq({"who-can", "get", "pods", "--as", "alice", "-f", kubeadm});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "rbacq: error: The following arguments were not expected: alice --as\n"
                 "rbacq: note: who-can lists every subject and takes no --as; for one user, did you mean 'rbacq can-i get pods --as "
                 "alice -f " + kubeadm + "'?\n"
                 "rbacq: note: run 'rbacq who-can --help' for the options and examples\n");
  // The line it suggests works.
  CHECK(run_rbacq({"can-i", "get", "pods", "--as", "alice", "-f", kubeadm}).out == "no\n");
  // A file or directory where a value goes: the -f is missing.
  for (const char* command : {"who-can", "can-i"}) {
    CAPTURE(command);
    r = run_rbacq({command, "get", "pods", "-n", "dev", "--as", "alice", kubeadm});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("rbacq: note: did you mean -f " + kubeadm + "?\n") != std::string::npos);
  }
  // Not for a word that names nothing on disk.
  r = run_rbacq({"who-can", "get", "pods", "-n", "dev", "not-a-file-here", "--with-defaults"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean -f") == std::string::npos);
}

TEST_CASE("who-can: usage errors") {
  CHECK(run_rbacq({"who-can", "get", "pods"}).exit_code == 2);
  CHECK(run_rbacq({"who-can", "get", "--with-defaults"}).exit_code == 2);
  const auto r = run_rbacq({"who-can", "get", "deploymnets", "--with-defaults"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean: deployments.apps?") != std::string::npos);
}

TEST_CASE("who-can and can-i: names from the input never reach the terminal raw (review of issue 3)") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("esc.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                                                 "metadata: {name: \"r\\e[31m\"}\n"
                                                 "rules: [{apiGroups: [\"\"], resources: [pods], verbs: [get], resourceNames: [\"a\\e[0m\"]}]\n"
                                                 "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n"
                                                 "metadata: {name: \"b\\nfake.yaml:1:1: error: forged\"}\n"
                                                 "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \"r\\e[31m\"}\n"
                                                 "subjects:\n- {kind: Group, name: \"system:serviceaccounts:\\e[31mEVIL\\nfake.yaml:1:1: error: x\"}\n"
                                                 "- {kind: User, name: \"u\\e]0;title\\a\"}\n");
  const std::vector<std::vector<std::string>> commands = {
      {"who-can", "get", "pods", "-n", "x", "-f", path},
      {"who-can", "get", "pods/a\x1b[0m", "-n", "x", "-f", path},
      {"can-i", "get", "pods/a\x1b[0m", "-n", "x", "--as", "u\x1b]0;title\a", "--explain", "-f", path},
      {"can-i", "get", "pods/zz", "-n", "x", "--as", "u\x1b]0;title\a", "--explain", "-f", path},
      {"can-i", "--list", "-n", "x", "--as", "u\x1b]0;title\a", "-f", path},
  };
  for (const auto& args : commands) {
    const auto r = run_rbacq(args);
    INFO(args.front(), " ", args.at(3));
    CHECK(r.exit_code != 2);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\nfake.yaml") == std::string::npos);
    CHECK(r.err.find("\nfake.yaml") == std::string::npos);
  }
  // JSON carries the real names, escaped only as JSON escapes them; text escapes them for a
  // terminal (issue 9: escaping happens in the renderer, not in the answer).
  const auto json = run_rbacq({"-o", "json", "who-can", "get", "pods", "-n", "x", "-f", path});
  CHECK(json.out.find(R"("name": "u\u001b]0;title\u0007")") != std::string::npos);
  const auto query = run_rbacq({"-o", "json", "query", "who can get pods in x", "-f", path});
  CHECK(query.out.find(R"(ClusterRoleBinding b\nfake.yaml:1:1: error: forged grants ClusterRole r\u001b[31m cluster-wide)") !=
        std::string::npos);
  const auto text = run_rbacq({"query", "who can get pods in x", "--explain", "-f", path});
  CHECK(text.out.find(R"(ClusterRoleBinding b\nfake.yaml:1:1: error: forged grants ClusterRole r\x1b[31m cluster-wide)") !=
        std::string::npos);
}

TEST_CASE("rbacq query says what who-can -A says: RoleBindings also allow it inside namespaces (issue 9)") {
  const std::string shop = rbacq::test::source_path("fixtures/query/clusters/shop");
  const auto who = run_rbacq({"who-can", "get", "secrets", "-A", "-f", shop});
  CHECK(who.err == "rbacq: note: RoleBindings also allow this inside 2 namespaces: dev, prod (ask with -n NS to see who)\n");
  const auto query = run_rbacq({"query", "who can get secrets cluster-wide", "-f", shop});
  CHECK(query.err == "rbacq: note: RoleBindings also allow this inside 2 namespaces: dev, prod (ask with 'in NAMESPACE' to see who)\n");
  const auto json = run_rbacq({"-o", "json", "query", "who can get secrets cluster-wide", "-f", shop});
  CHECK(json.out.find(R"x("RoleBindings also allow this inside 2 namespaces: dev, prod (ask with 'in NAMESPACE' to see who)")x") !=
        std::string::npos);
  // Asked in any namespace, the answer already lists those namespaces: no note.
  CHECK(run_rbacq({"query", "who can get secrets", "-f", shop}).err.find("RoleBindings also allow") == std::string::npos);
}
