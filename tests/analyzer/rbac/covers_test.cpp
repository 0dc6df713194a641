// SPDX-License-Identifier: Apache-2.0
// Escalation prevention: Covers and the bind/escalate checks, k8s-rbac-semantics §7, §11 item 13.
#include "analyzer/rbac/covers.hpp"

#include <doctest/doctest.h>

#include "rbac_fixture.hpp"

namespace rbacq::test {

using analyzer::rbac::uncovered_rules;

namespace {
bool covers(const std::vector<analyzer::PolicyRule>& owner, const std::vector<analyzer::PolicyRule>& servant) {
  return uncovered_rules(owner, servant).empty();
}
}  // namespace

TEST_CASE("covers: each atomic part must be covered by one owner rule, different rules may cover different parts") {
  CHECK(covers({rule({"get"}, {""}, {"pods"}), rule({"list"}, {""}, {"pods"})}, {rule({"get", "list"}, {""}, {"pods"})}));
  CHECK_FALSE(covers({rule({"get"}, {""}, {"pods"})}, {rule({"get", "list"}, {""}, {"pods"})}));
  const auto missing = uncovered_rules({rule({"get"}, {""}, {"pods"})}, {rule({"get", "list"}, {""}, {"pods", "secrets"})});
  CHECK(missing.size() == 3);
}

TEST_CASE("covers: '*' in the servant is covered only by '*'") {
  CHECK_FALSE(covers({rule({"get", "list", "watch", "create", "update", "patch", "delete"}, {""}, {"pods"})}, {rule({"*"}, {""}, {"pods"})}));
  CHECK(covers({rule({"*"}, {"*"}, {"*"})}, {rule({"*"}, {""}, {"pods"})}));
  CHECK_FALSE(covers({rule({"get"}, {"", "apps"}, {"pods"})}, {rule({"get"}, {"*"}, {"pods"})}));
  CHECK_FALSE(covers({rule({"get"}, {""}, {"pods", "secrets"})}, {rule({"get"}, {""}, {"*"})}));
}

TEST_CASE("covers: subresources, pods/* and */SUB") {
  CHECK_FALSE(covers({rule({"get"}, {""}, {"pods"})}, {rule({"get"}, {""}, {"pods/log"})}));
  CHECK_FALSE(covers({rule({"get"}, {""}, {"pods/*"})}, {rule({"get"}, {""}, {"pods/log"})}));
  CHECK(covers({rule({"get"}, {"*"}, {"*/scale"})}, {rule({"get"}, {"apps"}, {"deployments/scale"})}));
  CHECK(covers({rule({"get"}, {"*"}, {"*/scale"})}, {rule({"get"}, {"apps"}, {"*/scale"})}));
  CHECK_FALSE(covers({rule({"get"}, {"*"}, {"*/scale"})}, {rule({"get"}, {"apps"}, {"*"})}));
}

TEST_CASE("covers: resourceNames") {
  CHECK_FALSE(covers({rule({"get"}, {""}, {"secrets"}, {"a"})}, {rule({"get"}, {""}, {"secrets"})}));
  CHECK(covers({rule({"get"}, {""}, {"secrets"})}, {rule({"get"}, {""}, {"secrets"}, {"a"})}));
  CHECK(covers({rule({"get"}, {""}, {"secrets"}, {"a", "b"})}, {rule({"get"}, {""}, {"secrets"}, {"a"})}));
  CHECK_FALSE(covers({rule({"get"}, {""}, {"secrets"}, {"a"})}, {rule({"get"}, {""}, {"secrets"}, {"a", "b"})}));
}

TEST_CASE("covers: non-resource URLs") {
  CHECK(covers({url_rule({"get"}, {"/apis/*"})}, {url_rule({"get"}, {"/apis/apps"})}));
  CHECK_FALSE(covers({url_rule({"get"}, {"/apis/*"})}, {url_rule({"get"}, {"/apis"})}));
  CHECK(covers({url_rule({"get"}, {"*"})}, {url_rule({"get"}, {""})}));
  CHECK_FALSE(covers({url_rule({"get"}, {"/*"})}, {url_rule({"get"}, {"*"})}));
  CHECK_FALSE(covers({rule({"*"}, {"*"}, {"*"})}, {url_rule({"get"}, {"/healthz"})}));
}

TEST_CASE("covers: a servant rule with no groups or verbs has no parts and is trivially covered") {
  CHECK(covers({}, {rule({"get"}, {}, {"pods"})}));
  CHECK(covers({}, {rule({}, {""}, {"pods"})}));
  CHECK_FALSE(covers({}, {rule({"get"}, {""}, {"pods"})}));
}

TEST_CASE("bind and escalate checks: the attributes the API server asks about") {
  const Policy p(binding("dev", "rb", "ClusterRole", "admin", "[{kind: User, name: u}]") +
                 cluster_binding("crb", "ClusterRole", "cluster-admin", "[{kind: User, name: u}]") + role("dev", "r", "[get]", "['']", "[pods]"));
  const auto& bindings = p.context().model().bindings;
  const auto rb = analyzer::rbac::bind_check(bindings.at(0));
  CHECK(rb.verb == "bind");
  CHECK(rb.api_group == "rbac.authorization.k8s.io");
  CHECK(rb.resource == "clusterroles");
  CHECK(rb.name == "admin");
  CHECK(rb.namespace_ == "dev");
  CHECK(analyzer::rbac::bind_check(bindings.at(1)).namespace_.empty());
  const auto& r = p.context().model().roles.at(0);
  CHECK(analyzer::rbac::escalate_check(r, true).name.empty());  // create: the URL has no name
  CHECK(analyzer::rbac::escalate_check(r, false).name == "r");
  CHECK(analyzer::rbac::escalate_check(r, false).resource == "roles");

  // bind limited by resourceNames allows binding that role only; escalate by name only helps updates.
  const Policy grants(cluster_role("binder", "[bind]", "[rbac.authorization.k8s.io]", "[clusterroles]", "[admin]") +
                      cluster_role("escalator", "[escalate]", "[rbac.authorization.k8s.io]", "[roles]", "[r]") +
                      cluster_binding("b", "ClusterRole", "binder", "[{kind: User, name: u}]") +
                      cluster_binding("e", "ClusterRole", "escalator", "[{kind: User, name: u}]"));
  CHECK(grants.allows(user("u"), rb));
  CHECK_FALSE(grants.allows(user("u"), analyzer::rbac::bind_check(bindings.at(1))));
  CHECK(grants.allows(user("u"), analyzer::rbac::escalate_check(r, false)));
  CHECK_FALSE(grants.allows(user("u"), analyzer::rbac::escalate_check(r, true)));
}

}  // namespace rbacq::test
