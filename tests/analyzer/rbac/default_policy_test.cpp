// SPDX-License-Identifier: Apache-2.0
// The compiled-in default policy (--with-defaults): k8s-rbac-semantics §10.
#include "analyzer/catalogue/default_policy.hpp"

#include <algorithm>

#include <doctest/doctest.h>

#include "analyzer/catalogue/api_resources.hpp"

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

namespace {

/// Kubernetes 1.`minor`'s default policy, as --with-defaults --k8s-version 1.MINOR loads it.
struct MinorPolicy {
  analyzer::Model model;
  Diagnostics problems;
  explicit MinorPolicy(int minor) { analyzer::catalogue::load_default_policy(minor, model, problems); }
  [[nodiscard]] bool has(std::string_view kind, std::string_view name) const {
    const auto named = [&](const auto& o) { return o.meta.kind == kind && o.meta.name == name; };
    return std::ranges::any_of(model.roles, named) || std::ranges::any_of(model.bindings, named);
  }
  /// Whether the ClusterRole `role` has a rule naming `resource` in `group`.
  [[nodiscard]] bool grants(std::string_view role, std::string_view group, std::string_view resource) const {
    for (const auto& r : model.roles) {
      if (r.meta.name != role) continue;
      for (const auto& rule : r.rules) {
        const auto in = [](const std::vector<std::string>& list, std::string_view v) {
          return std::find(list.begin(), list.end(), v) != list.end();
        };
        if (in(rule.api_groups, group) && in(rule.resources, resource)) return true;
      }
    }
    return false;
  }
};

/// A controller's ClusterRole and its ClusterRoleBinding are there in `minor`, or both are not.
bool has_controller(const MinorPolicy& p, std::string_view controller) {
  const std::string name = "system:controller:" + std::string(controller);
  const bool role = p.has("ClusterRole", name);
  CHECK_MESSAGE(role == p.has("ClusterRoleBinding", name), name);
  return role;
}

}  // namespace

TEST_CASE("default policy per minor: each minor loads without problems, and the counts are the derived ones") {
  // ClusterRoles, ClusterRoleBindings, Roles, RoleBindings (README.md's table).
  struct Counts {
    std::size_t cluster_roles, cluster_role_bindings, roles, role_bindings;
  };
  const auto counts = [](int minor) {
    const MinorPolicy p(minor);
    CHECK_MESSAGE(p.problems.items().empty(), minor);
    Counts c{0, 0, 0, 0};
    for (const auto& r : p.model.roles) ++(r.cluster ? c.cluster_roles : c.roles);
    for (const auto& b : p.model.bindings) ++(b.cluster ? c.cluster_role_bindings : c.role_bindings);
    return c;
  };
  for (int minor = analyzer::catalogue::kOldestMinor; minor <= analyzer::catalogue::kNewestMinor; ++minor) {
    CAPTURE(minor);
    const Counts c = counts(minor);
    // 31 cluster roles and 7 namespace roles with their bindings in every minor; the controllers
    // of gated features join as their gates turn on by default (1.33: 2, 1.34: 2 more).
    const std::size_t controllers = minor >= 34 ? 37 : minor >= 33 ? 35 : 33;
    CHECK(c.cluster_roles == 31 + controllers);
    CHECK(c.cluster_role_bindings == 12 + controllers);
    CHECK(c.roles == 7);
    CHECK(c.role_bindings == 7);
  }
}

TEST_CASE("default policy per minor: the controllers of gated features exist from the minor their gate is on by default") {
  for (int minor = analyzer::catalogue::kOldestMinor; minor <= analyzer::catalogue::kNewestMinor; ++minor) {
    CAPTURE(minor);
    const MinorPolicy p(minor);
    CHECK(has_controller(p, "resource-claim-controller") == (minor >= 34));      // DynamicResourceAllocation GA 1.34
    CHECK(has_controller(p, "volumeattributesclass-protection-controller") == (minor >= 34));  // VolumeAttributesClass GA 1.34
    CHECK(has_controller(p, "service-cidrs-controller") == (minor >= 33));       // MultiCIDRServiceAllocator GA 1.33
    CHECK(has_controller(p, "selinux-warning-controller") == (minor >= 33));     // SELinuxChangePolicy beta, on, 1.33
    CHECK_FALSE(has_controller(p, "device-taint-eviction-controller"));         // DRADeviceTaints off through 1.35
    CHECK(has_controller(p, "replicaset-controller"));
    CHECK(p.has("ClusterRoleBinding", "cluster-admin"));
  }
}

TEST_CASE("default policy per minor: the scheduler's and the kubelet's DRA rules exist from 1.34") {
  for (int minor = analyzer::catalogue::kOldestMinor; minor <= analyzer::catalogue::kNewestMinor; ++minor) {
    CAPTURE(minor);
    const MinorPolicy p(minor);
    CHECK(p.grants("system:kube-scheduler", "resource.k8s.io", "resourceclaims") == (minor >= 34));
    CHECK(p.grants("system:kube-scheduler", "", "pods/finalizers") == (minor >= 34));
    CHECK(p.grants("system:node", "resource.k8s.io", "resourceslices") == (minor >= 34));
    CHECK(p.grants("system:kube-scheduler", "", "pods"));  // the rest is the same
    CHECK(p.grants("system:node", "", "pods"));
  }
}

TEST_CASE("default policy per minor: --k8s-version chooses the policy, and the hint and query's default column follow it") {
  analyzer::AnalysisOptions options;
  options.with_defaults = true;
  options.k8s_minor = 30;
  const analyzer::AnalysisContext old(load(""), options);
  CHECK(old.default_policy_minor() == 30);
  const auto sa = [](std::string_view name) {
    return analyzer::rbac::authenticated_user(analyzer::rbac::service_account_username("kube-system", name), {});
  };
  // The user's 1.30 kubeadm cluster has no resource-claim controller: nothing grants it on 1.30.
  CHECK_FALSE(old.authorizer().authorize(sa("resource-claim-controller"), request("list", "", "pods", "")).allowed());
  options.k8s_minor = 35;
  const analyzer::AnalysisContext now(load(""), options);
  CHECK(now.authorizer().authorize(sa("resource-claim-controller"), request("list", "", "pods", "")).allowed());
  CHECK(now.defaults_added() == old.defaults_added() + 8);

  options.with_defaults = false;
  const analyzer::AnalysisContext none(load(""), options);
  CHECK_FALSE(none.default_policy_minor().has_value());

  CHECK(analyzer::catalogue::is_default_role(30, true, "", "view"));
  CHECK_FALSE(analyzer::catalogue::is_default_role(30, true, "", "system:controller:resource-claim-controller"));
  CHECK(analyzer::catalogue::is_default_role(34, true, "", "system:controller:resource-claim-controller"));
  CHECK(analyzer::catalogue::is_default_role(27, false, "kube-system", "extension-apiserver-authentication-reader"));
  CHECK_FALSE(analyzer::catalogue::is_default_role(27, false, "dev", "extension-apiserver-authentication-reader"));
  CHECK_FALSE(analyzer::catalogue::is_default_role(26, true, "", "view"));  // outside the catalogue
}

}  // namespace rbacq::test
