// SPDX-License-Identifier: Apache-2.0
// `rbacq can-i` end to end (issue 3): answers, exit codes, the proof, --list and JSON.
#include <doctest/doctest.h>

#include "test_support.hpp"

using rbacq::test::run_rbacq;
using rbacq::test::source_path;

namespace {

const std::string kKubeadm = source_path("fixtures/clusters/kubeadm");

const char* const kDevPolicy = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list]
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [app-config]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: readers, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- {kind: Group, name: developers, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: broken, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: not-there}
subjects:
- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
)";

struct Cluster {
  rbacq::test::TempDir dir;
  std::string path = dir.write("rbac.yaml", kDevPolicy);
};

std::vector<std::string> with(std::vector<std::string> args, const std::string& path) {
  args.emplace_back("-f");
  args.push_back(path);
  return args;
}

}  // namespace

TEST_CASE("can-i: yes and no, exit 0 and 1, -q prints nothing") {
  const Cluster c;
  auto r = run_rbacq(with({"can-i", "get", "pods", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "yes\n");
  r = run_rbacq(with({"can-i", "get", "pods", "-n", "prod", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "no\n");
  r = run_rbacq(with({"can-i", "-q", "get", "pods", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  r = run_rbacq(with({"can-i", "-q", "delete", "pods", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 1);
}

TEST_CASE("can-i: --as system:serviceaccount:NS:NAME gets the service-account groups") {
  const Cluster c;
  const auto r = run_rbacq(with({"can-i", "list", "pods", "-n", "dev", "--as", "system:serviceaccount:dev:ci", "--explain"}, c.path));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("user: system:serviceaccount:dev:ci (groups system:serviceaccounts, system:serviceaccounts:dev, "
                   "system:authenticated)\n") != std::string::npos);
  // The SA subject without namespace means dev: the same name in another namespace is not it.
  CHECK(run_rbacq(with({"can-i", "list", "pods", "-n", "dev", "--as", "system:serviceaccount:prod:ci"}, c.path)).exit_code == 1);
}

TEST_CASE("can-i: --exact-groups evaluates only the groups given") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("authenticated.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everyone}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
subjects: [{kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}]
)");
  CHECK(run_rbacq(with({"can-i", "get", "configmaps", "--as", "zoe"}, path)).exit_code == 0);
  CHECK(run_rbacq(with({"can-i", "get", "configmaps", "--as", "zoe", "--exact-groups"}, path)).exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "get", "configmaps", "--as", "system:anonymous"}, path)).exit_code == 1);
}

TEST_CASE("can-i: --explain proves a yes with subject, binding, role and rule locations") {
  const Cluster c;
  const auto r = run_rbacq(with({"can-i", "get", "pods", "--subresource", "log", "-n", "dev", "--as", "bob", "--as-group", "developers",
                                 "--explain"},
                                c.path));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "yes\n"
                 "asked as: can user:bob with groups (developers) get pods/log in dev\n"
                 "request: get pods/log in namespace dev\n"
                 "user: bob (groups developers, system:authenticated)\n"
                 "allowed by 1 grant:\n" +
                     c.path + ":18:3: note: Group developers is subject 1 of RoleBinding dev/readers\n" + c.path +
                     ":13:1: note: RoleBinding dev/readers grants Role dev/pod-reader in namespace dev\n" + c.path +
                     ":5:3: note: rule 1 of Role dev/pod-reader allows it: verbs=[get list] apiGroups=[\"\"] resources=[pods pods/log]\n");
}

TEST_CASE("can-i --explain: the statement it was asked as gives the same answer in rbacq query (issue 9)") {
  const Cluster c;
  const std::vector<std::vector<std::string>> questions{
      {"get", "pods", "--subresource", "log", "-n", "dev", "--as", "bob", "--as-group", "developers"},
      {"get", "pods", "-n", "dev", "--as", "bob", "--as-group", "developers", "--exact-groups"},
      {"get", "pods", "-n", "dev", "--as", "bob", "--exact-groups"},
      {"list", "pods", "-A", "--as", "system:serviceaccount:dev:ci"},
      {"get", "pods", "-n", "dev", "--as", "system:serviceaccount:dev:ci"},
      {"get", "secrets/app-config", "-n", "dev", "--as", "x", "--as-group", "developers"},
      {"get", "Pods", "--api-group", "", "-n", "dev", "--as", "x", "--as-group", "developers"},
      {"get", "pods/exec", "-n", "dev", "--as", "x", "--as-group", "developers"},
      {"get", "nodes", "--as", "bob"},
      {"get", "namespaces/dev", "--as", "bob"},
      {"get", "/healthz", "--as", "bob"},
      {"get", "pods", "--as", "system:serviceaccount:dev", "-n", "dev"},
  };
  for (const auto& q : questions) {
    std::vector<std::string> args{"can-i"};
    args.insert(args.end(), q.begin(), q.end());
    args.emplace_back("--explain");
    const auto r = run_rbacq(with(args, c.path));
    const std::size_t at = r.out.find("asked as: ");
    REQUIRE_MESSAGE(at != std::string::npos, r.out);
    const std::string statement = r.out.substr(at + 10, r.out.find('\n', at) - at - 10);
    const auto asked = run_rbacq(with({"-o", "json", "query", statement}, c.path));
    INFO(statement);
    CHECK(asked.exit_code == 0);
    const bool allowed_in_query = asked.out.find("\"allowed\": true") != std::string::npos;
    CHECK(allowed_in_query == (r.exit_code == 0));
  }
}

TEST_CASE("can-i: --explain of a no names what came close") {
  const Cluster c;
  auto r = run_rbacq(with({"can-i", "get", "secrets/db-password", "-n", "dev", "--as", "bob", "--as-group", "developers", "--explain"}, c.path));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("denied: no RBAC rule of a binding that applies allows it") != std::string::npos);
  CHECK(r.out.find(c.path + ":8:3: note: rule 2 of Role dev/pod-reader allows it only for the names [app-config]\n") != std::string::npos);
  r = run_rbacq(with({"can-i", "get", "pods", "-n", "prod", "--as", "bob", "--as-group", "developers", "--explain"}, c.path));
  CHECK(r.out.find(c.path + ":13:1: note: RoleBinding dev/readers would allow it in namespace dev, but it grants only there\n") !=
        std::string::npos);
}

TEST_CASE("can-i: a missing role is a warning and the reason of a no, never the cause") {
  const Cluster c;
  const auto r = run_rbacq(with({"can-i", "get", "pods", "-n", "dev", "--as", "alice"}, c.path));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "no - RBAC: clusterrole.rbac.authorization.k8s.io \"not-there\" not found\n");
  CHECK(r.err == c.path + ":24:10: warning: RoleBinding dev/broken refers to ClusterRole 'not-there', which is not defined: "
                          "clusterrole.rbac.authorization.k8s.io \"not-there\" not found; it grants nothing until it exists (not a "
                          "deny: other bindings still count) [rbac-missing-role]\n");
  // alice in developers is still allowed through the other binding.
  CHECK(run_rbacq(with({"can-i", "get", "pods", "-n", "dev", "--as", "alice", "--as-group", "developers"}, c.path)).exit_code == 0);
}

TEST_CASE("can-i: system:masters is allowed before RBAC, and the answer says no binding revokes it") {
  const auto r = run_rbacq({"can-i", "delete", "nodes", "--as", "kubernetes-admin", "--as-group", "system:masters", "-f", kKubeadm});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "yes\n");
  CHECK(r.err == "rbacq: note: the user is in group system:masters: the privileged-group authorizer allows every request before "
                 "RBAC is asked, so no binding grants this and no binding change revokes it\n");
  // With no RBAC at all.
  rbacq::test::TempDir dir;
  const std::string empty = dir.write("empty.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
  const auto json = run_rbacq({"-o", "json", "can-i", "get", "secrets", "-A", "--as", "a", "--as-group", "system:masters", "-f", empty});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"via\": \"privileged-group\"") != std::string::npos);
  CHECK(json.out.find("\"grants\": []") != std::string::npos);
}

TEST_CASE("can-i: non-resource URLs and cluster-scoped resources need a ClusterRoleBinding") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rb.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: wide}
rules:
- {apiGroups: [""], resources: [nodes], verbs: [get]}
- {nonResourceURLs: ["/metrics", "/debug/*"], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: local, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: wide}
subjects: [{kind: User, name: carol}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: global}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: wide}
subjects: [{kind: User, name: dave}]
)");
  CHECK(run_rbacq(with({"can-i", "get", "/metrics", "--as", "carol"}, path)).exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "get", "nodes", "-n", "dev", "--as", "carol"}, path)).exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "get", "/metrics", "--as", "dave"}, path)).exit_code == 0);
  CHECK(run_rbacq(with({"can-i", "get", "/debug/pprof/heap", "--as", "dave"}, path)).exit_code == 0);
  CHECK(run_rbacq(with({"can-i", "get", "/debug", "--as", "dave"}, path)).exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "get", "nodes/n1", "--as", "dave"}, path)).exit_code == 0);
  // --api-group keeps -n even for a cluster-scoped type: what RBAC would say to such a request.
  CHECK(run_rbacq(with({"can-i", "get", "nodes", "-n", "dev", "--api-group", "", "--as", "carol"}, path)).exit_code == 0);
  const auto note = run_rbacq(with({"can-i", "get", "nodes", "-n", "dev", "--as", "carol"}, path));
  CHECK(note.err == "rbacq: note: nodes is cluster-scoped: the API server's request has no namespace, so -n is ignored (only "
                    "ClusterRoleBindings can allow it)\n"
                    "rbacq: note: kubectl auth can-i would say yes: it sends namespace dev with the question, and RoleBinding dev/local "
                    "allows nodes there; but a real request for nodes has no namespace, so only ClusterRoleBindings can allow it — the "
                    "answer here is the real request's\n");
}

TEST_CASE("can-i: bind on a ClusterRole is asked in the RoleBinding's namespace, as the API server asks it (issue 10)") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rbac.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: binder}
rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [admin]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rita-binds, namespace: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: binder}
subjects: [{kind: User, name: rita}]
)");
  // Upstream BindingAuthorized: a RoleBinding in ops to ClusterRole admin needs bind on
  // clusterroles named admin, asked in ops — so ops's RoleBindings count.
  auto r = run_rbacq(with({"can-i", "bind", "clusterroles/admin", "-n", "ops", "--as", "rita"}, path));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("bind on clusterroles is asked in namespace ops") != std::string::npos);
  CHECK(run_rbacq(with({"can-i", "bind", "clusterroles/admin", "-n", "dev", "--as", "rita"}, path)).exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "bind", "clusterroles/edit", "-n", "ops", "--as", "rita"}, path)).exit_code == 1);
  // A ClusterRoleBinding to cluster-admin needs bind with no namespace: the RoleBinding does not help.
  CHECK(run_rbacq(with({"can-i", "bind", "clusterroles/admin", "-A", "--as", "rita"}, path)).exit_code == 1);
  // The query language asks the same.
  r = run_rbacq(with({"query", "can user:rita bind clusterroles named admin in ops"}, path));
  CHECK(r.out.find("true") != std::string::npos);
  r = run_rbacq(with({"-o", "json", "query", "who can bind clusterroles named admin in ops"}, path));
  CHECK(r.out.find(R"("name": "rita")") != std::string::npos);
}

TEST_CASE("can-i: TYPE/NAME, a create without name, and the pods/exec trap") {
  const Cluster c;
  auto r = run_rbacq(with({"can-i", "get", "pods/exec", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 0);  // the pod named exec
  CHECK(r.err == "rbacq: note: 'pods/exec' is read as TYPE/NAME, as kubectl does: the pod named 'exec'. For the subresource, ask "
                 "'get pods --subresource exec'\n");
  r = run_rbacq(with({"can-i", "get", "pods", "--subresource", "exec", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "get", "secrets/app-config", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path)).exit_code == 0);
  CHECK(run_rbacq(with({"can-i", "list", "secrets", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path)).exit_code == 1);
}

TEST_CASE("can-i: usage mistakes are exit 2 with a message that helps") {
  const Cluster c;
  auto r = run_rbacq(with({"can-i", "get", "pods"}, c.path));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "rbacq: error: say whose access to check with --as USER: offline there is no current user\n"
                 "rbacq: note: for example --as alice --as-group developers, or --as system:serviceaccount:NS:NAME\n");
  r = run_rbacq({"can-i", "get", "pods", "--as", "a"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no input: give the manifests with -f PATH") != std::string::npos);
  r = run_rbacq(with({"can-i", "get", "secert", "--as", "a"}, c.path));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "rbacq: error: the resource type 'secert' is not served by Kubernetes 1.35 and no loaded CustomResourceDefinition "
                 "defines it\nrbacq: note: did you mean: secrets?\nrbacq: note: to ask about it anyway, give its group: --api-group "
                 "GROUP (\"\" for the core group)\n");
  r = run_rbacq(with({"can-i", "get", "pods", "--as", "a", "--k8s-version", "1.12"}, c.path));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "rbacq: error: --k8s-version '1.12' is not one rbacq knows: give 1.27 to 1.35\n");
  r = run_rbacq(with({"can-i", "get", "pods", "-n", "dev", "-A", "--as", "a"}, c.path));
  CHECK(r.exit_code == 2);
  r = run_rbacq(with({"can-i", "--list", "get", "pods", "--as", "a"}, c.path));
  CHECK(r.exit_code == 2);
}

TEST_CASE("can-i: errors in the input give exit 2, with the answer still printed") {
  rbacq::test::TempDir dir;
  dir.write("good.yaml", kDevPolicy);
  dir.write("bad.yaml", "kind: Role\nmetadata: {name: [\n");
  const auto r = run_rbacq({"can-i", "get", "pods", "-n", "dev", "--as", "x", "--as-group", "developers", "-f", dir.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "yes\n");
  CHECK(r.err.find("[input-yaml]") != std::string::npos);
}

TEST_CASE("can-i --list: the effective rules in one namespace, merged per resource") {
  const Cluster c;
  const auto r = run_rbacq(with({"can-i", "--list", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Resources   Non-Resource URLs   Resource Names   Verbs        Scope\n"
                 "pods        []                  []               [get list]   namespace\n"
                 "pods/log    []                  []               [get list]   namespace\n"
                 "secrets     []                  [app-config]     [get]        namespace\n");
  const auto none = run_rbacq(with({"can-i", "--list", "--no-headers", "-n", "prod", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(none.out.empty());
  const auto json = run_rbacq(with({"-o", "json", "can-i", "--list", "-n", "dev", "--as", "bob", "--as-group", "developers"}, c.path));
  CHECK(json.out.find("\"namespace\": \"dev\"") != std::string::npos);
  CHECK(json.out.find("\"privileged\": false") != std::string::npos);
}

TEST_CASE("can-i -o json: the documented fields") {
  const Cluster c;
  const auto r = run_rbacq(with({"-o", "json", "can-i", "get", "pods", "-n", "dev", "--as", "alice"}, c.path));
  CHECK(r.exit_code == 1);
  for (const char* field : {R"("schema": "rbacq/v1")", R"("allowed": false)", R"("decision": "no_opinion")", R"("via": null)",
                            R"("reason": "RBAC: clusterrole.rbac.authorization.k8s.io \"not-there\" not found")", R"("grants": [])",
                            R"("message": "clusterrole.rbac.authorization.k8s.io \"not-there\" not found")", R"("namespace": "dev")"}) {
    CHECK_MESSAGE(r.out.find(field) != std::string::npos, field);
  }
  CHECK(r.err.empty());
}

TEST_CASE("can-i --with-defaults: the default policy answers what the issue asks (issue 3)") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("bindings.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: viewers, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: User, name: viewer}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: editors, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects: [{kind: User, name: editor}]
)");
  const auto ask = [&](std::vector<std::string> args) {
    args.emplace_back("--with-defaults");
    return run_rbacq(with(std::move(args), path)).exit_code;
  };
  CHECK(ask({"can-i", "get", "secrets", "-n", "dev", "--as", "viewer"}) == 1);
  CHECK(ask({"can-i", "get", "pods", "-n", "dev", "--as", "viewer"}) == 0);
  CHECK(ask({"can-i", "impersonate", "serviceaccounts", "-n", "dev", "--as", "editor"}) == 0);
  CHECK(ask({"can-i", "create", "pods", "--subresource", "exec", "-n", "dev", "--as", "editor"}) == 0);
  CHECK(ask({"can-i", "get", "/healthz", "--as", "system:anonymous"}) == 0);
  CHECK(ask({"can-i", "get", "/version", "--as", "system:anonymous"}) == 0);
  CHECK(ask({"can-i", "get", "/api", "--as", "system:anonymous"}) == 1);
  // Without the defaults, view and edit do not exist.
  CHECK(run_rbacq(with({"can-i", "get", "pods", "-n", "dev", "--as", "viewer"}, path)).exit_code == 1);
}

TEST_CASE("can-i: a binding to a default role says --with-defaults would resolve it (issue 3 user test)") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rb.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: User, name: ops, apiGroup: rbac.authorization.k8s.io}]
)");
  auto r = run_rbacq(with({"can-i", "get", "secrets", "--as", "ops"}, path));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(path + ":4:10: note: 'cluster-admin' is part of Kubernetes' default policy, which every cluster has: add "
                          "--with-defaults to include it\n") != std::string::npos);
  r = run_rbacq(with({"can-i", "get", "secrets", "--as", "ops", "--with-defaults"}, path));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "rbacq: note: --with-defaults: Kubernetes 1.35's default policy (--k8s-version 1.35; default 1.35)\n");
}

TEST_CASE("can-i and who-can --with-defaults: the answer says which minor's default policy it counted (issue 10)") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("rb.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\n"
                                                "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n"
                                                "subjects: [{kind: User, name: ops}]\n");
  const std::string note = "rbacq: note: --with-defaults: Kubernetes 1.30's default policy (--k8s-version 1.30; default 1.35)\n";
  auto r = run_rbacq(with({"can-i", "get", "pods", "--as", "ops", "--with-defaults", "--k8s-version", "1.30"}, path));
  CHECK(r.exit_code == 0);
  CHECK(r.err == note);
  r = run_rbacq(with({"who-can", "list", "resourceclaims.resource.k8s.io", "-A", "--with-defaults", "--k8s-version", "1.30"}, path));
  CHECK(r.err == note);
  CHECK(r.out.find("resource-claim-controller") == std::string::npos);  // 1.30 has no such controller
  r = run_rbacq(with({"who-can", "list", "resourceclaims.resource.k8s.io", "-A", "--with-defaults"}, path));
  CHECK(r.out.find("ServiceAccount kube-system/resource-claim-controller") != std::string::npos);
  r = run_rbacq(with({"-o", "json", "can-i", "get", "pods", "--as", "ops", "--with-defaults", "--k8s-version", "1.30"}, path));
  CHECK(r.out.find("\"notes\": [\n    \"--with-defaults: Kubernetes 1.30's default policy (--k8s-version 1.30; default 1.35)\"\n  ]") !=
        std::string::npos);
  r = run_rbacq(with({"can-i", "get", "pods", "--as", "ops"}, path));
  CHECK(r.err.find("default policy (--k8s-version") == std::string::npos);  // without --with-defaults, no note
}

TEST_CASE("can-i: objects without a namespace are in --default-namespace, with a note") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("chart.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: app}]
)");
  auto r = run_rbacq(with({"can-i", "get", "pods", "--as", "system:serviceaccount:default:app"}, path));
  CHECK(r.exit_code == 0);
  CHECK(r.err == path + ":1:1: note: 2 namespaced objects in this file have no namespace: taken to be in namespace 'default', as "
                        "kubectl apply would (choose another with --default-namespace NS) [input-namespace]\n");
  r = run_rbacq(with({"can-i", "get", "pods", "-n", "web", "--as", "system:serviceaccount:web:app", "--default-namespace", "web"}, path));
  CHECK(r.exit_code == 0);
}

TEST_CASE("can-i: how the question was read is said, in text and JSON") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("empty.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
  auto r = run_rbacq(with({"can-i", "get", "pods", "--subresource", "logs", "--as", "a"}, path));
  CHECK(r.err == "rbacq: note: pods has no subresource 'logs' in Kubernetes 1.35 (it has: attach, binding, ephemeralcontainers, "
                 "eviction, exec, log, portforward, proxy, status, resize); did you mean 'log'?\n");
  r = run_rbacq(with({"can-i", "get", "deploy/web", "--api-group", "apps", "--as", "a"}, path));
  CHECK(r.err == "rbacq: note: with --api-group, TYPE is taken literally: 'deploy' is not a resource name (did you mean "
                 "'deployments'?)\n");
  r = run_rbacq(with({"can-i", "get", "pods", "--as", "system:serviceaccount:dev"}, path));
  CHECK(r.err == "rbacq: note: 'system:serviceaccount:dev' is not a valid service-account name "
                 "(system:serviceaccount:NAMESPACE:NAME): it is asked as a plain user of that name, without service-account groups\n");
  r = run_rbacq(with({"-o", "json", "can-i", "get", "nodes", "-n", "x", "--as", "a"}, path));
  CHECK(r.out.find(R"x("notes": [
    "nodes is cluster-scoped: the API server's request has no namespace, so -n is ignored (only ClusterRoleBindings can allow it)"
  ])x") != std::string::npos);
  // The kubelet's subresources of nodes are known.
  r = run_rbacq(with({"can-i", "get", "nodes", "--subresource", "metrics", "--as", "a"}, path));
  CHECK(r.err.empty());
}

TEST_CASE("can-i: --api-group without -n asks a cluster-scoped type the catalogue knows with no namespace") {
  rbacq::test::TempDir dir;
  const std::string path = dir.write("crb.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules: [{apiGroups: [""], resources: [nodes], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: in-default, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
subjects: [{kind: User, name: u, apiGroup: rbac.authorization.k8s.io}]
)");
  CHECK(run_rbacq(with({"-o", "json", "can-i", "get", "nodes", "--api-group", "", "--as", "u"}, path)).exit_code == 1);
  CHECK(run_rbacq(with({"can-i", "get", "nodes", "--api-group", "", "-n", "default", "--as", "u"}, path)).exit_code == 0);
}

TEST_CASE("can-i -o json: usage errors are a JSON document too") {
  const auto r = run_rbacq({"-o", "json", "can-i", "get", "pods", "--with-defaults"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "{\n  \"schema\": \"rbacq/v1\",\n  \"error\": {\n    \"message\": \"say whose access to check with --as USER: offline "
                 "there is no current user\",\n    \"notes\": [\n      \"for example --as alice --as-group developers, or --as "
                 "system:serviceaccount:NS:NAME\"\n    ]\n  }\n}\n");
}

TEST_CASE("can-i: a namespace-less object that lands on an existing one replaces it, with a warning (review of issue 3)") {
  rbacq::test::TempDir dir;
  const std::string rb = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n";
  const std::string ref = "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}\n";
  const std::string a = dir.write("a.yaml", rb + "metadata: {name: rb, namespace: default}\n" + ref + "subjects: [{kind: User, name: alice}]\n");
  dir.write("b.yaml", rb + "metadata: {name: rb}\n" + ref + "subjects: [{kind: User, name: bob}]\n");
  const std::string b = (dir.path() / "b.yaml").string();
  auto r = run_rbacq({"can-i", "get", "pods", "--as", "alice", "--with-defaults", "-f", dir.path().string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(b + ":1:1: warning: RoleBinding 'default/rb' is defined more than once when objects without a namespace are put "
                       "in 'default'; this definition replaces the earlier one [input-duplicate]\n" +
                   a + ":1:1: note: earlier definition is here\n") != std::string::npos);
  CHECK(run_rbacq({"can-i", "get", "pods", "--as", "bob", "--with-defaults", "-f", dir.path().string()}).exit_code == 0);
}
