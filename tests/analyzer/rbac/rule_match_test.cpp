// SPDX-License-Identifier: Apache-2.0
// Rule matching, k8s-rbac-semantics §2 and §11 items 1–6.
#include "analyzer/rbac/rule_match.hpp"

#include <doctest/doctest.h>

#include "rbac_fixture.hpp"

namespace rbacq::test {
namespace {

using analyzer::rbac::rule_allows;

}  // namespace

TEST_CASE("rule matching: item 1, verbs, groups, resources and names are case-sensitive") {
  const auto r = rule({"get"}, {"apps"}, {"deployments"}, {"web"});
  CHECK(rule_allows(request("get", "apps", "deployments", "ns", "web"), r));
  CHECK_FALSE(rule_allows(request("GET", "apps", "deployments", "ns", "web"), r));
  CHECK_FALSE(rule_allows(request("get", "Apps", "deployments", "ns", "web"), r));
  CHECK_FALSE(rule_allows(request("get", "apps", "Deployments", "ns", "web"), r));
  CHECK_FALSE(rule_allows(request("get", "apps", "deployments", "ns", "Web"), r));
  CHECK_FALSE(rule_allows(url_request("GET", "/healthz"), url_rule({"get"}, {"/healthz"})));
  CHECK_FALSE(rule_allows(url_request("get", "/Healthz"), url_rule({"get"}, {"/healthz"})));
}

TEST_CASE("rule matching: item 2, '*' is a wildcard only as a whole element") {
  CHECK(rule_allows(request("escalate", "rbac.authorization.k8s.io", "roles", "ns"), rule({"*"}, {"*"}, {"*"})));
  CHECK(rule_allows(request("impersonate", "", "users"), rule({"*"}, {""}, {"users"})));
  CHECK(rule_allows(request("my-custom-verb", "", "pods", "ns"), rule({"*"}, {""}, {"pods"})));
  // Partial stars are literal strings.
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), rule({"g*"}, {""}, {"pods"})));
  CHECK_FALSE(rule_allows(request("get", "apps", "deployments", "ns"), rule({"get"}, {"app*"}, {"deployments"})));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), rule({"get"}, {""}, {"po*"})));
  CHECK(rule_allows(request("get", "", "po*", "ns"), rule({"get"}, {""}, {"po*"})));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns", "web-1"), rule({"get"}, {""}, {"pods"}, {"web-*"})));
  // A wildcard in a request is a string too: only a rule "*" (or the same string) matches it.
  CHECK(rule_allows(request("*", "", "pods", "ns"), rule({"*"}, {""}, {"pods"})));
  CHECK_FALSE(rule_allows(request("*", "", "pods", "ns"), rule({"get"}, {""}, {"pods"})));
}

TEST_CASE("rule matching: item 3, empty lists grant nothing and '' is the core group") {
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), rule({"get"}, {}, {"pods"})));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), rule({"get"}, {""}, {})));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), rule({}, {""}, {"pods"})));
  CHECK(rule_allows(request("get", "", "pods", "ns"), rule({"get"}, {""}, {"pods"})));
  CHECK_FALSE(rule_allows(request("get", "apps", "pods", "ns"), rule({"get"}, {""}, {"pods"})));
  CHECK(rule_allows(request("get", "", "pods", "ns"), rule({"get"}, {"*"}, {"pods"})));
  CHECK(rule_allows(request("get", "example.com", "widgets", "ns"), rule({"get"}, {"*"}, {"widgets"})));
}

TEST_CASE("rule matching: item 4, subresources need their own rule, pods/* is literal, */SUB and * match them") {
  const auto pods = rule({"get"}, {""}, {"pods"});
  CHECK(rule_allows(request("get", "", "pods", "ns"), pods));
  CHECK_FALSE(rule_allows(request("get", "", "pods/status", "ns"), pods));
  CHECK_FALSE(rule_allows(request("get", "", "pods/log", "ns"), pods));
  CHECK_FALSE(rule_allows(request("create", "", "pods/exec", "ns"), rule({"create"}, {""}, {"pods"})));

  const auto pods_star = rule({"get", "create"}, {""}, {"pods/*"});
  CHECK_FALSE(rule_allows(request("get", "", "pods/log", "ns"), pods_star));
  CHECK_FALSE(rule_allows(request("create", "", "pods/exec", "ns"), pods_star));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), pods_star));
  CHECK(rule_allows(request("get", "", "pods/*", "ns"), pods_star));  // only the literal subresource "*"

  const auto any_scale = rule({"get"}, {"*"}, {"*/scale"});
  CHECK(rule_allows(request("get", "apps", "deployments/scale", "ns"), any_scale));
  CHECK(rule_allows(request("get", "", "replicationcontrollers/scale", "ns"), any_scale));
  CHECK_FALSE(rule_allows(request("get", "apps", "deployments", "ns"), any_scale));
  CHECK_FALSE(rule_allows(request("get", "apps", "deployments/status", "ns"), any_scale));
  CHECK_FALSE(rule_allows(request("get", "apps", "deployments/xscale", "ns"), any_scale));

  const auto all = rule({"get"}, {""}, {"*"});
  CHECK(rule_allows(request("get", "", "pods", "ns"), all));
  CHECK(rule_allows(request("get", "", "pods/log", "ns"), all));

  CHECK(rule_allows(request("get", "", "pods/status", "ns"), rule({"get"}, {""}, {"pods/status"})));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), rule({"get"}, {""}, {"pods/status"})));
}

TEST_CASE("rule matching: item 5, resourceNames") {
  const auto all_names = rule({"get", "list", "create"}, {""}, {"secrets"});
  CHECK(rule_allows(request("get", "", "secrets", "ns", "a"), all_names));
  CHECK(rule_allows(request("list", "", "secrets", "ns"), all_names));

  const auto named = rule({"get", "list", "create", "watch", "deletecollection", "update"}, {""}, {"secrets"}, {"a", "b"});
  CHECK(rule_allows(request("get", "", "secrets", "ns", "a"), named));
  CHECK(rule_allows(request("update", "", "secrets", "ns", "b"), named));
  CHECK_FALSE(rule_allows(request("get", "", "secrets", "ns", "c"), named));
  CHECK_FALSE(rule_allows(request("create", "", "secrets", "ns"), named));
  CHECK_FALSE(rule_allows(request("list", "", "secrets", "ns"), named));
  CHECK_FALSE(rule_allows(request("watch", "", "secrets", "ns"), named));
  CHECK_FALSE(rule_allows(request("deletecollection", "", "secrets", "ns"), named));
  // A list or watch of one object by field selector carries the name (newer releases).
  CHECK(rule_allows(request("list", "", "secrets", "ns", "a"), named));

  const auto empty_name = rule({"list"}, {""}, {"secrets"}, {""});
  CHECK(rule_allows(request("list", "", "secrets", "ns"), empty_name));
  CHECK_FALSE(rule_allows(request("list", "", "secrets", "ns", "a"), empty_name));
}

TEST_CASE("rule matching: a grant limited to names, for who-can's second table") {
  const auto named = rule({"update"}, {"coordination.k8s.io"}, {"leases"}, {"leader"});
  CHECK(analyzer::rbac::rule_allows_named(request("update", "coordination.k8s.io", "leases", "ns"), named));
  CHECK_FALSE(analyzer::rbac::rule_allows_named(request("update", "coordination.k8s.io", "leases", "ns", "leader"), named));
  CHECK_FALSE(analyzer::rbac::rule_allows_named(request("delete", "coordination.k8s.io", "leases", "ns"), named));
  CHECK_FALSE(analyzer::rbac::rule_allows_named(request("update", "coordination.k8s.io", "leases", "ns"),
                                                rule({"update"}, {"coordination.k8s.io"}, {"leases"})));
}

TEST_CASE("rule matching: item 6, non-resource URLs") {
  CHECK(rule_allows(url_request("get", "/healthz"), url_rule({"get"}, {"/healthz"})));
  CHECK_FALSE(rule_allows(url_request("get", "/healthz/"), url_rule({"get"}, {"/healthz"})));  // no slash normalisation
  CHECK_FALSE(rule_allows(url_request("get", "/healthz/etcd"), url_rule({"get"}, {"/healthz"})));
  CHECK(rule_allows(url_request("post", "/anything"), url_rule({"*"}, {"*"})));
  CHECK(rule_allows(url_request("get", ""), url_rule({"get"}, {"*"})));

  const auto prefix = url_rule({"get"}, {"/healthz*"});
  CHECK(rule_allows(url_request("get", "/healthz"), prefix));
  CHECK(rule_allows(url_request("get", "/healthzfoo"), prefix));  // a string prefix, not a path segment
  CHECK(rule_allows(url_request("get", "/healthz/etcd"), prefix));

  const auto apis = url_rule({"get"}, {"/apis/*"});
  CHECK_FALSE(rule_allows(url_request("get", "/apis"), apis));
  CHECK(rule_allows(url_request("get", "/apis/"), apis));
  CHECK(rule_allows(url_request("get", "/apis/apps/v1"), apis));

  CHECK(rule_allows(url_request("get", "/apifoo"), url_rule({"get"}, {"/api**"})));  // like /api*
  CHECK_FALSE(rule_allows(url_request("get", "/api/x/v1"), url_rule({"get"}, {"/api/*/v1"})));  // only a trailing *
  CHECK(rule_allows(url_request("get", "/api/*/v1"), url_rule({"get"}, {"/api/*/v1"})));
  CHECK_FALSE(rule_allows(url_request("put", "/healthz"), prefix));
}

TEST_CASE("rule matching: a rule is either for resources or for URLs") {
  analyzer::PolicyRule both = rule({"get"}, {""}, {"pods"});
  both.non_resource_urls = {"/healthz"};
  CHECK(rule_allows(request("get", "", "pods", "ns"), both));
  CHECK(rule_allows(url_request("get", "/healthz"), both));
  CHECK_FALSE(rule_allows(request("get", "", "pods", "ns"), url_rule({"get"}, {"*"})));
  CHECK_FALSE(rule_allows(url_request("get", "/api"), rule({"*"}, {"*"}, {"*"})));
}

TEST_CASE("rule text: what --explain prints for a rule") {
  CHECK(analyzer::rbac::rule_text(rule({"get", "list"}, {""}, {"pods"}, {"web"})) ==
        R"(verbs=[get list] apiGroups=[""] resources=[pods] resourceNames=[web])");
  CHECK(analyzer::rbac::rule_text(url_rule({"get"}, {"/healthz", "/livez"})) == "verbs=[get] nonResourceURLs=[/healthz /livez]");
}

}  // namespace rbacq::test
