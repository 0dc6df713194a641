// SPDX-License-Identifier: Apache-2.0
// The compiled-in default policy (--with-defaults): k8s-rbac-semantics §10.
#include "analyzer/catalogue/default_policy.hpp"

#include <doctest/doctest.h>

#include "analyzer/rbac/identity.hpp"
#include "rbac_fixture.hpp"

namespace rbacq::test {
namespace {

/// A user bound to a default ClusterRole in namespace dev.
Policy bound_in_dev(std::string_view cluster_role_name) {
  return Policy(binding("dev", "b", "ClusterRole", cluster_role_name, "[{kind: User, name: u}]"), true);
}

}  // namespace

TEST_CASE("default policy: loads without problems and without user input") {
  const Policy p("", true);
  for (const auto& d : p.context().diagnostics().items()) CHECK(d.id == "input-empty");  // the empty test input
  CHECK(p.context().defaults_added() > 40);
  for (const auto& r : p.context().model().roles) CHECK(r.meta.loc.file.str().starts_with("<built-in>/"));
}

TEST_CASE("default policy: view cannot read secrets, edit can, admin includes edit") {
  const Policy view = bound_in_dev("view");
  CHECK(view.allows(user("u"), request("get", "", "pods", "dev", "x")));
  CHECK(view.allows(user("u"), request("list", "apps", "deployments", "dev")));
  CHECK_FALSE(view.allows(user("u"), request("get", "", "secrets", "dev", "x")));
  CHECK_FALSE(view.allows(user("u"), request("list", "", "secrets", "dev")));
  CHECK(view.allows(user("u"), request("get", "", "namespaces", "dev", "dev")));  // this namespace
  CHECK_FALSE(view.allows(user("u"), request("get", "", "pods", "prod", "x")));

  const Policy edit = bound_in_dev("edit");
  CHECK(edit.allows(user("u"), request("get", "", "secrets", "dev", "x")));
  CHECK(edit.allows(user("u"), request("impersonate", "", "serviceaccounts", "dev", "default")));
  CHECK(edit.allows(user("u"), request("create", "", "pods/exec", "dev", "x")));
  CHECK(edit.allows(user("u"), request("create", "", "pods/attach", "dev", "x")));
  CHECK(edit.allows(user("u"), request("create", "", "serviceaccounts/token", "dev", "default")));
  CHECK_FALSE(edit.allows(user("u"), request("create", "rbac.authorization.k8s.io", "rolebindings", "dev")));

  const Policy admin = bound_in_dev("admin");
  for (const auto& r : edit.authorizer().rules_for(user("u"), "dev").rules) {
    analyzer::rbac::RequestAttributes a;
    const auto& rule = r.policy_rule();
    if (rule.resources.empty()) continue;
    a = request(rule.verbs.at(0), rule.api_groups.at(0), rule.resources.at(0), "dev",
                rule.resource_names.empty() ? "x" : rule.resource_names.at(0));
    CHECK_MESSAGE(admin.allows(user("u"), a), rule.resources.at(0));
  }
  CHECK(admin.allows(user("u"), request("create", "rbac.authorization.k8s.io", "rolebindings", "dev")));
  CHECK_FALSE(admin.allows(user("u"), request("create", "rbac.authorization.k8s.io", "clusterrolebindings", "")));
}

TEST_CASE("default policy: anonymous reads /healthz and /version but not /api") {
  const Policy p("", true);
  const auto anonymous = analyzer::rbac::authenticated_user("system:anonymous", {});
  CHECK(p.allows(anonymous, url_request("get", "/healthz")));
  CHECK(p.allows(anonymous, url_request("get", "/version")));
  CHECK(p.allows(anonymous, url_request("get", "/version/")));
  CHECK(p.allows(anonymous, url_request("get", "/livez")));
  CHECK_FALSE(p.allows(anonymous, url_request("get", "/api")));
  CHECK_FALSE(p.allows(anonymous, url_request("get", "/apis")));
  CHECK_FALSE(p.allows(anonymous, url_request("get", "/metrics")));
  const auto alice = analyzer::rbac::authenticated_user("alice", {});
  CHECK(p.allows(alice, url_request("get", "/api")));
  CHECK(p.allows(alice, url_request("get", "/apis/apps/v1")));
  CHECK(p.allows(alice, request("create", "authorization.k8s.io", "selfsubjectaccessreviews", "")));
  CHECK_FALSE(p.allows(alice, request("get", "", "pods", "default", "x")));
  CHECK(p.allows(user("m", {"system:monitoring"}), url_request("get", "/metrics")));
  CHECK(p.allows(analyzer::rbac::authenticated_user("system:serviceaccount:a:b", {}), url_request("get", "/openid/v1/jwks")));
}

TEST_CASE("default policy: system:masters is bound to cluster-admin, and the node binding has no subjects") {
  const Policy p("", true);
  // Nodes are deleted by the controllers only; kubelets go through the Node authorizer.
  CHECK(p.who_can(request("delete", "", "nodes", "", "n1")) ==
        Strings{"Group system:masters", "ServiceAccount kube-system/generic-garbage-collector",
                "ServiceAccount kube-system/namespace-controller", "ServiceAccount kube-system/node-controller"});
  for (const auto& b : p.context().model().bindings) {
    if (b.meta.name == "system:node") CHECK(b.subjects.empty());
  }
  const auto masters = p.authorizer().who_can(request("delete", "", "nodes", "", "n1")).subjects.at(0);
  CHECK(masters.grants.size() == 1);
  CHECK(masters.grants.at(0).binding().meta.name == "cluster-admin");
}

TEST_CASE("default policy: the controllers and components have their bindings, as in a kubeadm cluster") {
  const Policy p("", true);
  const auto sa = [](std::string_view name) {
    return analyzer::rbac::authenticated_user(analyzer::rbac::service_account_username("kube-system", name), {});
  };
  CHECK(p.allows(sa("generic-garbage-collector"), request("list", "", "secrets", "")));
  CHECK(p.allows(sa("namespace-controller"), request("delete", "", "namespaces", "dev", "dev")));
  CHECK(p.allows(sa("replicaset-controller"), request("create", "", "pods", "dev")));
  CHECK_FALSE(p.allows(sa("replicaset-controller"), request("get", "", "secrets", "dev", "x")));
  CHECK(p.allows(analyzer::rbac::authenticated_user("system:kube-scheduler", {}),
                 request("get", "", "configmaps", "kube-system", "extension-apiserver-authentication")));
  CHECK(p.allows(analyzer::rbac::authenticated_user("system:kube-controller-manager", {}),
                 request("update", "coordination.k8s.io", "leases", "kube-system", "kube-controller-manager")));
}

TEST_CASE("default policy: objects in the input override the defaults of the same name") {
  const Policy p(cluster_role("view", "[get]", "['']", "[secrets]") + binding("dev", "b", "ClusterRole", "view", "[{kind: User, name: u}]"),
                 true);
  CHECK(p.allows(user("u"), request("get", "", "secrets", "dev", "x")));
  CHECK_FALSE(p.allows(user("u"), request("get", "", "pods", "dev", "x")));
  std::size_t views = 0;
  for (const auto& r : p.context().model().roles) views += r.meta.name == "view" ? 1U : 0U;
  CHECK(views == 1);
}

TEST_CASE("default policy: the input's roles join the default aggregation") {
  const Policy p(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widgets-view
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
- {verbs: [get], apiGroups: [example.com], resources: [widgets]}
)" + binding("dev", "b", "ClusterRole", "admin", "[{kind: User, name: u}]"),
                 true);
  CHECK(p.allows(user("u"), request("get", "example.com", "widgets", "dev", "w")));  // view ⊂ edit ⊂ admin
}

}  // namespace rbacq::test
