// SPDX-License-Identifier: Apache-2.0
// Which bindings apply and to whom: k8s-rbac-semantics §3–§5 and §11 items 7–12.
#include "analyzer/rbac/authorizer.hpp"

#include <set>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "rbac_fixture.hpp"

namespace rbacq::test {

TEST_CASE("authorizer: item 7, cluster-scoped resources and URLs only through ClusterRoleBindings") {
  const std::string roles = cluster_role("nodes-and-urls", "[get]", "['']", "[nodes]") +
                            "- {verbs: [get], nonResourceURLs: ['/metrics']}\n";
  const Policy rb(roles + binding("dev", "rb", "ClusterRole", "nodes-and-urls", "[{kind: User, name: alice}]"));
  CHECK_FALSE(rb.allows(user("alice"), request("get", "", "nodes", "", "n1")));
  CHECK_FALSE(rb.allows(user("alice"), url_request("get", "/metrics")));
  // RBAC does not know scopes: a request that carries the namespace matches the RoleBinding.
  CHECK(rb.allows(user("alice"), request("get", "", "nodes", "dev", "n1")));

  const Policy crb(roles + cluster_binding("crb", "ClusterRole", "nodes-and-urls", "[{kind: User, name: alice}]"));
  CHECK(crb.allows(user("alice"), request("get", "", "nodes", "", "n1")));
  CHECK(crb.allows(user("alice"), url_request("get", "/metrics")));
  CHECK(crb.allows(user("alice"), request("get", "", "nodes", "any-namespace", "n1")));
}

TEST_CASE("authorizer: item 8, a RoleBinding grants only in its own namespace, also for a ClusterRole") {
  const Policy p(cluster_role("reader", "[get, list]", "['']", "[pods, namespaces]") + role("dev", "local", "[delete]", "['']", "[pods]") +
                 binding("dev", "to-cluster-role", "ClusterRole", "reader", "[{kind: User, name: alice}]") +
                 binding("dev", "to-role", "Role", "local", "[{kind: User, name: alice}]"));
  CHECK(p.allows(user("alice"), request("get", "", "pods", "dev", "x")));
  CHECK(p.allows(user("alice"), request("delete", "", "pods", "dev", "x")));
  CHECK_FALSE(p.allows(user("alice"), request("get", "", "pods", "prod", "x")));
  CHECK_FALSE(p.allows(user("alice"), request("delete", "", "pods", "prod", "x")));
  CHECK_FALSE(p.allows(user("alice"), request("list", "", "pods", "")));  // all namespaces
  // The Namespace object dev is inside dev (RequestInfo sets Namespace=dev), but not prod.
  CHECK(p.allows(user("alice"), request("get", "", "namespaces", "dev", "dev")));
  CHECK_FALSE(p.allows(user("alice"), request("get", "", "namespaces", "prod", "prod")));
}

TEST_CASE("authorizer: a RoleBinding's Role is looked up in the binding's namespace only") {
  const Policy p(role("other", "r", "[get]", "['']", "[pods]") + binding("dev", "rb", "Role", "r", "[{kind: User, name: alice}]"));
  CHECK_FALSE(p.allows(user("alice"), request("get", "", "pods", "dev", "x")));
  CHECK_FALSE(p.allows(user("alice"), request("get", "", "pods", "other", "x")));
  REQUIRE(p.decide(user("alice"), request("get", "", "pods", "dev", "x")).errors.size() == 1);
  CHECK(p.decide(user("alice"), request("get", "", "pods", "dev", "x")).errors[0]->error == R"(role.rbac.authorization.k8s.io "r" not found)");
}

TEST_CASE("authorizer: item 9, ServiceAccount subjects and their namespace") {
  const std::string r = cluster_role("reader", "[get]", "['']", "[pods]");
  const auto sa = [](std::string_view ns, std::string_view name) {
    return analyzer::rbac::authenticated_user(analyzer::rbac::service_account_username(ns, name), {});
  };
  SUBCASE("no namespace in a RoleBinding: the binding's namespace") {
    const Policy p(r + binding("dev", "rb", "ClusterRole", "reader", "[{kind: ServiceAccount, name: app}]"));
    CHECK(p.allows(sa("dev", "app"), request("get", "", "pods", "dev", "x")));
    CHECK_FALSE(p.allows(sa("prod", "app"), request("get", "", "pods", "dev", "x")));
    CHECK(p.who_can(request("get", "", "pods", "dev", "x")) == Strings{"Group system:masters", "ServiceAccount dev/app"});
  }
  SUBCASE("an explicit namespace in a RoleBinding: that service account, in the binding's namespace") {
    const Policy p(r + binding("dev", "rb", "ClusterRole", "reader", "[{kind: ServiceAccount, name: app, namespace: ci}]"));
    CHECK(p.allows(sa("ci", "app"), request("get", "", "pods", "dev", "x")));
    CHECK_FALSE(p.allows(sa("ci", "app"), request("get", "", "pods", "ci", "x")));
    CHECK_FALSE(p.allows(sa("dev", "app"), request("get", "", "pods", "dev", "x")));
  }
  SUBCASE("no namespace in a ClusterRoleBinding: never matches") {
    const Policy p(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: ServiceAccount, name: app}]"));
    CHECK_FALSE(p.allows(sa("default", "app"), request("get", "", "pods", "default", "x")));
    CHECK_FALSE(p.allows(user("system:serviceaccount::app"), request("get", "", "pods", "default", "x")));
    CHECK(p.who_can(request("get", "", "pods", "default", "x")) == Strings{"Group system:masters"});
  }
  SUBCASE("a User subject with a service account's name matches it, by string") {
    const Policy p(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: User, name: 'system:serviceaccount:dev:app'}]"));
    CHECK(p.allows(sa("dev", "app"), request("get", "", "pods", "x", "y")));
  }
  SUBCASE("the service-account groups") {
    const Policy p(r + cluster_binding("all", "ClusterRole", "reader", "[{kind: Group, name: 'system:serviceaccounts:dev'}]"));
    CHECK(p.allows(sa("dev", "anything"), request("get", "", "pods", "prod", "x")));
    CHECK_FALSE(p.allows(sa("prod", "anything"), request("get", "", "pods", "prod", "x")));
  }
}

TEST_CASE("authorizer: item 10, anonymous and the User '*' that is not a wildcard") {
  const std::string r = cluster_role("reader", "[get]", "['']", "[pods]");
  const auto anonymous = analyzer::rbac::authenticated_user("system:anonymous", {});
  CHECK(anonymous.groups == Strings{"system:unauthenticated"});
  const Policy authenticated(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: Group, name: 'system:authenticated'}]"));
  CHECK_FALSE(authenticated.allows(anonymous, request("get", "", "pods", "ns", "x")));
  CHECK(authenticated.allows(analyzer::rbac::authenticated_user("alice", {}), request("get", "", "pods", "ns", "x")));
  const Policy unauthenticated(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: Group, name: 'system:unauthenticated'}]"));
  CHECK(unauthenticated.allows(anonymous, request("get", "", "pods", "ns", "x")));
  CHECK_FALSE(unauthenticated.allows(analyzer::rbac::authenticated_user("alice", {}), request("get", "", "pods", "ns", "x")));

  const Policy star(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: User, name: '*'}]"));
  CHECK_FALSE(star.allows(user("alice"), request("get", "", "pods", "ns", "x")));
  CHECK(star.allows(user("*"), request("get", "", "pods", "ns", "x")));
  const Policy group_star(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: Group, name: '*'}]"));
  CHECK_FALSE(group_star.allows(user("alice", {"dev"}), request("get", "", "pods", "ns", "x")));
}

TEST_CASE("authorizer: subject kinds are exact and apiGroup is ignored") {
  const std::string r = cluster_role("reader", "[get]", "['']", "[pods]");
  CHECK_FALSE(Policy(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: user, name: alice}]"))
                  .allows(user("alice"), request("get", "", "pods", "ns", "x")));
  CHECK_FALSE(Policy(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: Robot, name: alice}]"))
                  .allows(user("alice"), request("get", "", "pods", "ns", "x")));
  CHECK(Policy(r + cluster_binding("crb", "ClusterRole", "reader", "[{kind: User, name: alice, apiGroup: example.com}]"))
            .allows(user("alice"), request("get", "", "pods", "ns", "x")));
}

TEST_CASE("authorizer: item 11, a missing role is a resolution error, never a deny") {
  const Policy p(cluster_role("reader", "[get]", "['']", "[pods]") +
                 cluster_binding("broken", "ClusterRole", "does-not-exist", "[{kind: User, name: alice}]") +
                 binding("dev", "broken-rb", "Role", "nope", "[{kind: User, name: alice}]") +
                 cluster_binding("wrong-kind", "Role", "reader", "[{kind: User, name: alice}]") +
                 cluster_binding("works", "ClusterRole", "reader", "[{kind: User, name: alice}]"));
  const auto d = p.decide(user("alice"), request("get", "", "pods", "dev", "x"));
  CHECK(d.allowed());
  CHECK(d.grants.size() == 1);
  REQUIRE(d.errors.size() == 3);
  CHECK(d.errors[0]->error == R"(clusterrole.rbac.authorization.k8s.io "does-not-exist" not found)");
  CHECK(d.errors[1]->error == R"(role.rbac.authorization.k8s.io "reader" not found)");  // a ClusterRoleBinding to a Role
  CHECK(d.errors[2]->error == R"(role.rbac.authorization.k8s.io "nope" not found)");
  CHECK(d.errors[0]->binding->role_ref.loc.line != 0);

  const auto denied = p.decide(user("alice"), request("delete", "", "pods", "dev", "x"));
  CHECK_FALSE(denied.allowed());
  CHECK(denied.reason() == R"(RBAC: clusterrole.rbac.authorization.k8s.io "does-not-exist" not found, )"
                           R"(role.rbac.authorization.k8s.io "reader" not found, role.rbac.authorization.k8s.io "nope" not found)");
  // Errors are reported only for bindings that apply to the user (VisitRulesFor checks first).
  CHECK(p.decide(user("bob"), request("get", "", "pods", "dev", "x")).errors.empty());
}

TEST_CASE("authorizer: item 12, system:masters is allowed before RBAC") {
  const Policy empty("");
  const auto d = empty.decide(user("admin", {"system:masters"}), request("delete", "", "nodes", "", "n1"));
  CHECK(d.allowed());
  CHECK(d.via == analyzer::rbac::Via::privileged_group);
  CHECK(d.grants.empty());
  CHECK(empty.allows(user("admin", {"system:masters"}), url_request("get", "/anything")));
  CHECK(empty.who_can(request("get", "", "secrets", "kube-system")) == Strings{"Group system:masters"});
  // A user *named* system:masters is nobody special.
  CHECK_FALSE(empty.allows(user("system:masters"), request("get", "", "pods", "ns")));

  // Deleting the cluster-admin binding revokes nothing: there is none here, and it is allowed.
  const Policy with_binding(cluster_role("cluster-admin", "['*']", "['*']", "['*']") +
                            cluster_binding("cluster-admin", "ClusterRole", "cluster-admin", "[{kind: Group, name: 'system:masters'}]"));
  const auto both = with_binding.decide(user("admin", {"system:masters"}), request("get", "", "secrets", "kube-system", "x"));
  CHECK(both.via == analyzer::rbac::Via::privileged_group);
  CHECK(both.grants.size() == 1);  // RBAC would allow it too: the binding is redundant
}

TEST_CASE("authorizer: the allow reason names the first grant as upstream words it") {
  const Policy p(cluster_role("reader", "[get]", "['']", "[pods]") +
                 binding("dev", "rb", "ClusterRole", "reader", "[{kind: Group, name: g}, {kind: ServiceAccount, name: app}]") +
                 cluster_binding("crb", "ClusterRole", "reader", "[{kind: User, name: alice}]"));
  CHECK(p.decide(user("alice"), request("get", "", "pods", "dev")).reason() ==
        R"(RBAC: allowed by ClusterRoleBinding "crb" of ClusterRole "reader" to User "alice")");
  CHECK(p.decide(user("system:serviceaccount:dev:app"), request("get", "", "pods", "dev")).reason() ==
        R"(RBAC: allowed by RoleBinding "rb/dev" of ClusterRole "reader" to ServiceAccount "app/dev")");
  const auto d = p.decide(user("bob", {"g"}), request("get", "", "pods", "dev"));
  REQUIRE(d.grants.size() == 1);
  CHECK(d.grants[0].subject == 0);
  CHECK(d.grants[0].rule == 0);
  CHECK(d.reason() == R"(RBAC: allowed by RoleBinding "rb/dev" of ClusterRole "reader" to Group "g")");
}

TEST_CASE("authorizer: every grant is reported, with its subject, binding and rule") {
  const Policy p(cluster_role("a", "[get]", "['']", "[pods]") + "- {verbs: ['*'], apiGroups: ['*'], resources: ['*']}\n" +
                 cluster_binding("one", "ClusterRole", "a", "[{kind: User, name: x}, {kind: User, name: alice}]") +
                 binding("dev", "two", "ClusterRole", "a", "[{kind: Group, name: devs}]"));
  const auto d = p.decide(user("alice", {"devs"}), request("get", "", "pods", "dev"));
  REQUIRE(d.grants.size() == 4);
  CHECK(d.grants[0].binding().meta.name == "one");
  CHECK(d.grants[0].subject == 1);
  CHECK(d.grants[0].rule == 0);
  CHECK(d.grants[1].rule == 1);
  CHECK(d.grants[2].binding().meta.name == "two");
}

TEST_CASE("who-can: the subject locator, with system:masters first") {
  const Policy p(cluster_role("admin", "['*']", "['*']", "['*']") + role("ns1", "pod-reader", "[get]", "['*']", "[pods]") +
                 cluster_binding("admin", "ClusterRole", "admin", "[{kind: User, name: super-admin}, {kind: Group, name: super-admins}]") +
                 binding("ns1", "reader", "Role", "pod-reader", "[{kind: User, name: admin}, {kind: Group, name: admins}]"));
  CHECK(p.who_can(request("get", "", "pods", "ns1")) ==
        Strings{"Group system:masters", "Group admins", "Group super-admins", "User admin", "User super-admin"});
  CHECK(p.who_can(request("create", "", "pods", "ns1")) == Strings{"Group system:masters", "Group super-admins", "User super-admin"});
  CHECK(p.who_can(request("get", "", "pods", "ns2")) == Strings{"Group system:masters", "Group super-admins", "User super-admin"});
  // A namespace "*" is a literal name; "" is all namespaces.
  CHECK(p.who_can(request("get", "", "pods", "*")) == Strings{"Group system:masters", "Group super-admins", "User super-admin"});
  CHECK(p.who_can(request("get", "", "pods", "")) == Strings{"Group system:masters", "Group super-admins", "User super-admin"});
  CHECK(p.who_can(url_request("get", "/healthz")) == Strings{"Group system:masters"});  // resources '*' is not a URL
  const auto result = p.authorizer().who_can(request("get", "", "pods", "ns1"));
  CHECK(result.subjects.front().privileged);
  CHECK_FALSE(result.subjects[1].privileged);
}

TEST_CASE("who-can anywhere: the union of who-can in every namespace, in one pass (issue 11)") {
  const Policy p(cluster_role("admin", "['*']", "['*']", "['*']") + cluster_role("reader", "[get]", "['']", "[pods]") +
                 role("ns1", "pod-reader", "[get]", "['*']", "[pods]") + role("ns2", "cm-reader", "[get]", "['']", "[configmaps]") +
                 cluster_binding("admin", "ClusterRole", "admin", "[{kind: User, name: super-admin}]") +
                 binding("ns1", "reader", "Role", "pod-reader", "[{kind: User, name: admin}, {kind: ServiceAccount, name: app}]") +
                 binding("ns2", "cm", "Role", "cm-reader", "[{kind: Group, name: cm}]") +
                 binding("ns3", "r", "ClusterRole", "reader", "[{kind: Group, name: 'system:serviceaccounts:ns3'}]") +
                 binding("ns4", "gone", "Role", "missing", "[{kind: User, name: nobody}]"));
  const auto names = [](const analyzer::rbac::WhoCanResult& r) {
    std::set<std::string> out;
    for (const auto& s : r.subjects) out.insert(fmt::format("{} {}{}{}", s.subject.kind, s.subject.namespace_, s.subject.namespace_.empty() ? "" : "/", s.subject.name));
    return out;
  };
  for (const auto& r : {request("get", "", "pods"), request("get", "", "configmaps"), request("delete", "", "pods"), request("get", "apps", "deployments")}) {
    CAPTURE(r.resource);
    // What the query language asks for "in any namespace": cluster-wide, then each namespace whose RoleBindings allow it.
    std::set<std::string> expected = names(p.authorizer().who_can(r));
    for (const std::string& ns : p.authorizer().namespaces_allowing(r)) {
      auto in = r;
      in.namespace_ = ns;
      for (const std::string& n : names(p.authorizer().who_can(in))) expected.insert(n);
    }
    CHECK(names(p.authorizer().who_can_anywhere(r)) == expected);
  }
  CHECK(names(p.authorizer().who_can_anywhere(request("get", "", "pods"))) ==
        std::set<std::string>{"Group system:masters", "Group system:serviceaccounts:ns3", "ServiceAccount ns1/app", "User admin",
                              "User super-admin"});
}

TEST_CASE("who-can: the index finds every form of rule and filters names and scope exactly") {
  const Policy p(cluster_role("star-verb", "['*']", "['']", "[pods]") + cluster_role("star-group", "[get]", "['*']", "[pods]") +
                 cluster_role("star-resource", "[get]", "['']", "['*']") + cluster_role("star-sub", "[get]", "['']", "['*/log']") +
                 cluster_role("named", "[get]", "['']", "[pods]", "[web]") +
                 cluster_role("literal", "[get]", "['']", "['pods/*']") +
                 cluster_binding("1", "ClusterRole", "star-verb", "[{kind: User, name: star-verb}]") +
                 cluster_binding("2", "ClusterRole", "star-group", "[{kind: User, name: star-group}]") +
                 cluster_binding("3", "ClusterRole", "star-resource", "[{kind: User, name: star-resource}]") +
                 binding("dev", "4", "ClusterRole", "star-sub", "[{kind: User, name: star-sub}]") +
                 cluster_binding("5", "ClusterRole", "named", "[{kind: User, name: named}]") +
                 cluster_binding("6", "ClusterRole", "literal", "[{kind: User, name: literal}]"));
  CHECK(p.who_can(request("get", "", "pods", "dev", "web")) ==
        Strings{"Group system:masters", "User named", "User star-group", "User star-resource", "User star-verb"});
  CHECK(p.who_can(request("get", "", "pods", "dev", "db")) ==
        Strings{"Group system:masters", "User star-group", "User star-resource", "User star-verb"});
  CHECK(p.who_can(request("get", "", "pods/log", "dev")) == Strings{"Group system:masters", "User star-resource", "User star-sub"});
  CHECK(p.who_can(request("get", "", "pods/log", "prod")) == Strings{"Group system:masters", "User star-resource"});
  CHECK(p.who_can(request("get", "", "pods/*", "prod")) == Strings{"Group system:masters", "User literal", "User star-resource"});
  CHECK(p.who_can(request("delete", "", "pods", "prod", "x")) == Strings{"Group system:masters", "User star-verb"});
}

TEST_CASE("who-can and can-i: a RoleBinding without a namespace applies nowhere (review of issue 3)") {
  const Policy p(cluster_role("node-reader", "[get]", "['']", "[nodes, pods]") +
                 "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\n"
                 "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}\n"
                 "subjects: [{kind: User, name: bob}]\n");
  CHECK(p.who_can(request("get", "", "nodes", "", "n1")) == Strings{"Group system:masters"});
  CHECK_FALSE(p.allows(user("bob"), request("get", "", "nodes", "", "n1")));
  CHECK(p.authorizer().namespaces_allowing(request("get", "", "pods", "")).empty());
}

TEST_CASE("who-can: grants limited to names are a separate answer") {
  const Policy p(cluster_role("lease", "[update]", "[coordination.k8s.io]", "[leases]", "[leader]") +
                 binding("dev", "rb", "ClusterRole", "lease", "[{kind: ServiceAccount, name: ctl}]"));
  CHECK(p.who_can(request("update", "coordination.k8s.io", "leases", "dev")) == Strings{"Group system:masters"});
  const auto named = p.authorizer().who_can_named(request("update", "coordination.k8s.io", "leases", "dev"));
  REQUIRE(named.subjects.size() == 1);
  CHECK(named.subjects[0].subject.name == "ctl");
  CHECK(named.subjects[0].subject.namespace_ == "dev");
  CHECK(p.authorizer().who_can_named(request("update", "coordination.k8s.io", "leases", "prod")).subjects.empty());
  CHECK(p.who_can(request("update", "coordination.k8s.io", "leases", "dev", "leader")) ==
        Strings{"Group system:masters", "ServiceAccount dev/ctl"});
}

TEST_CASE("who-can: resolution errors of bindings in scope are reported") {
  const Policy p(cluster_binding("broken", "ClusterRole", "gone", "[{kind: User, name: alice}]") +
                 binding("dev", "broken-rb", "Role", "gone", "[{kind: User, name: bob}]"));
  CHECK(p.authorizer().who_can(request("get", "", "pods", "dev")).errors.size() == 2);
  CHECK(p.authorizer().who_can(request("get", "", "pods", "prod")).errors.size() == 1);
  CHECK(p.authorizer().who_can(url_request("get", "/healthz")).errors.size() == 1);
}

TEST_CASE("rules for a user in a namespace: SelfSubjectRulesReview") {
  const Policy p(cluster_role("reader", "[get]", "['']", "[pods]") + role("dev", "writer", "[create]", "['']", "[pods]") +
                 role("prod", "deleter", "[delete]", "['']", "[pods]") +
                 cluster_binding("crb", "ClusterRole", "reader", "[{kind: User, name: alice}]") +
                 binding("dev", "rb", "Role", "writer", "[{kind: User, name: alice}]") +
                 binding("prod", "rb", "Role", "deleter", "[{kind: User, name: alice}]") +
                 binding("dev", "missing", "Role", "gone", "[{kind: User, name: alice}]"));
  const auto review = p.authorizer().rules_for(user("alice"), "dev");
  REQUIRE(review.rules.size() == 2);
  CHECK(review.rules[0].policy_rule().verbs == Strings{"get"});
  CHECK(review.rules[1].policy_rule().verbs == Strings{"create"});
  CHECK(review.errors.size() == 1);
  CHECK_FALSE(review.privileged);
  CHECK(p.authorizer().rules_for(user("alice"), "").rules.size() == 1);
  CHECK(p.authorizer().rules_for(user("x", {"system:masters"}), "dev").privileged);
}

}  // namespace rbacq::test
