// SPDX-License-Identifier: Apache-2.0
// ClusterRole aggregation as the controller computes it: k8s-rbac-semantics §8, §11 item 14.
#include "analyzer/rbac/aggregation.hpp"

#include <doctest/doctest.h>

#include "rbac_fixture.hpp"

namespace rbacq::test {
namespace {

using analyzer::Labels;

/// A ClusterRole with labels (flow mapping), an optional aggregationRule (YAML flow list of
/// selectors) and rules given as "verb resource" pairs in the core group.
std::string labelled(std::string_view name, std::string_view labels, const Strings& rules, std::string_view selectors = {}) {
  std::string out = "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: " + std::string(name) +
                    ", labels: " + std::string(labels.empty() ? "{}" : labels) + "}\n";
  if (!selectors.empty()) out += "aggregationRule: {clusterRoleSelectors: " + std::string(selectors) + "}\n";
  out += rules.empty() ? "rules: []\n" : "rules:\n";
  for (const std::string& r : rules) {
    const auto space = r.find(' ');
    out += "- {verbs: [" + r.substr(0, space) + "], apiGroups: [''], resources: [" + r.substr(space + 1) + "]}\n";
  }
  return out;
}

/// The aggregated rules of `name` as "verb resource" strings.
Strings rules_of(const Policy& p, std::string_view name) {
  Strings out;
  for (const auto& role : p.context().model().roles) {
    if (!role.cluster || role.meta.name != name) continue;
    for (const auto& r : role.rules) out.push_back(r.verbs.at(0) + " " + r.resources.at(0));
  }
  return out;
}

analyzer::LabelSelector selector(Labels match_labels, std::vector<analyzer::LabelSelectorRequirement> expressions = {}) {
  analyzer::LabelSelector s;
  s.match_labels = std::move(match_labels);
  s.match_expressions = std::move(expressions);
  return s;
}

}  // namespace

TEST_CASE("aggregation: matchLabels and matchExpressions are ANDed within a selector") {
  const Labels labels{{"team", "a"}, {"tier", "web"}};
  CHECK(analyzer::rbac::selector_matches(selector({{"team", "a"}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({{"team", "a"}, {"tier", "web"}}), labels));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({{"team", "a"}, {"tier", "db"}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({}, {{"tier", "In", {"db", "web"}}}), labels));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({}, {{"tier", "In", {"db"}}}), labels));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({}, {{"missing", "In", {"x"}}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({}, {{"tier", "NotIn", {"db"}}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({}, {{"missing", "NotIn", {"x"}}}), labels));  // absent key: not in
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({}, {{"tier", "NotIn", {"web"}}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({}, {{"team", "Exists", {}}}), labels));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({}, {{"missing", "Exists", {}}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({}, {{"missing", "DoesNotExist", {}}}), labels));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({}, {{"team", "DoesNotExist", {}}}), labels));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({{"team", "a"}}, {{"tier", "DoesNotExist", {}}}), labels));
  CHECK(analyzer::rbac::selector_matches(selector({}), labels));  // {} matches everything
  CHECK(analyzer::rbac::selector_matches(selector({}), {}));
  CHECK_FALSE(analyzer::rbac::selector_matches(selector({}, {{"team", "in", {"a"}}}), labels));  // operators are exact
  CHECK(analyzer::rbac::selector_problem(selector({}, {{"team", "In", {}}})) == "operator In on 'team' needs at least one value");
  CHECK(analyzer::rbac::selector_problem(selector({}, {{"team", "Exists", {"a"}}})) == "operator Exists on 'team' takes no values");
}

TEST_CASE("aggregation: selectors are ORed, sources in name order, rules deduplicated, the target's own rules replaced") {
  const Policy p(labelled("target", "", {"get written-by-hand"}, "[{matchLabels: {a: 'true'}}, {matchLabels: {b: 'true'}}]") +
                 labelled("z-source", "{a: 'true'}", {"get z", "get shared"}) + labelled("m-source", "{b: 'true'}", {"get m"}) +
                 labelled("a-source", "{a: 'true'}", {"get a", "get shared"}) + labelled("unlabelled", "", {"get nothing"}));
  // Selector 1 first (a-source, z-source by name), then selector 2 (m-source).
  CHECK(rules_of(p, "target") == Strings{"get a", "get shared", "get z", "get m"});
  CHECK(lines(p.context().diagnostics()) ==
        Strings{"7:3: warning: this rule of ClusterRole 'target' has no effect: the role has an aggregationRule, and the "
                "aggregation controller replaces its rules with those of the ClusterRoles it selects [aggregation-replaced]"});
}

TEST_CASE("aggregation: never selects itself, empty selector selects all others, no match empties the role") {
  const Policy all(labelled("everything", "{k: v}", {"get own"}, "[{}]") + labelled("b", "", {"get b"}) + labelled("a", "", {"get a"}));
  CHECK(rules_of(all, "everything") == Strings{"get a", "get b"});
  const Policy none(labelled("lonely", "", {}, "[{matchLabels: {nobody: 'true'}}]"));
  CHECK(rules_of(none, "lonely").empty());
}

TEST_CASE("aggregation: a partial dump whose aggregated roles are missing is one warning, as the controller empties it") {
  const Policy p(labelled("admin", "", {"get pods", "get secrets"}, "[{matchLabels: {to-admin: 'true'}}]"));
  CHECK(rules_of(p, "admin").empty());
  CHECK(lines(p.context().diagnostics()) ==
        Strings{"5:18: warning: no ClusterRole in the input matches the aggregationRule of ClusterRole 'admin', so the aggregation "
                "controller would leave it empty: its 2 written rules are not counted; add the ClusterRoles it aggregates (or "
                "--with-defaults for admin, edit and view) [aggregation-replaced]"});
}

TEST_CASE("aggregation: chains converge transitively, as admin <- edit <- view") {
  const Policy p(labelled("admin", "", {}, "[{matchLabels: {to-admin: 'true'}}]") +
                 labelled("edit", "{to-admin: 'true'}", {}, "[{matchLabels: {to-edit: 'true'}}]") +
                 labelled("view", "{to-edit: 'true'}", {}, "[{matchLabels: {to-view: 'true'}}]") +
                 labelled("piece-admin", "{to-admin: 'true'}", {"delete roles"}) + labelled("piece-edit", "{to-edit: 'true'}", {"create pods"}) +
                 labelled("piece-view", "{to-view: 'true'}", {"get pods"}));
  CHECK(rules_of(p, "view") == Strings{"get pods"});
  CHECK(rules_of(p, "edit") == Strings{"create pods", "get pods"});
  CHECK(rules_of(p, "admin") == Strings{"create pods", "get pods", "delete roles"});
  // Aggregated rules remember the role that wrote them.
  for (const auto& role : p.context().model().roles) {
    if (role.meta.name == "admin") CHECK(role.rules[1].aggregated_from == "piece-view");
  }
  CHECK(p.allows(user("u"), request("get", "", "pods", "x")) == false);
}

TEST_CASE("aggregation: a selector the controller refuses leaves the role as written") {
  const Policy p(labelled("target", "", {"get own"}, "[{matchExpressions: [{key: a, operator: Equals, values: [x]}]}]") +
                 labelled("source", "{a: x}", {"get source"}));
  CHECK(rules_of(p, "target") == Strings{"get own"});
  REQUIRE(p.context().diagnostics().items().size() == 1);
  CHECK(p.context().diagnostics().items()[0].id == "aggregation-selector");
}

TEST_CASE("aggregation: roles that select each other are reported, not looped on") {
  const Policy p(labelled("a", "{x: a}", {"get a"}, "[{matchLabels: {x: b}}]") + labelled("b", "{x: b}", {"get b"}, "[{matchLabels: {x: a}}]"));
  // a takes b's rules and b takes a's: both end with what the other had; still finite.
  CHECK(rules_of(p, "a").size() <= 1);
  CHECK(rules_of(p, "b").size() <= 1);
}

TEST_CASE("aggregation: aggregated rules count for authorization, bindings see the result") {
  const Policy p(labelled("agg", "", {}, "[{matchLabels: {grant: 'yes'}}]") + labelled("piece", "{grant: 'yes'}", {"get secrets"}) +
                 cluster_binding("b", "ClusterRole", "agg", "[{kind: User, name: u}]"));
  CHECK(p.allows(user("u"), request("get", "", "secrets", "kube-system", "x")));
}

TEST_CASE("aggregation: semantic equality compares lists in order, not locations") {
  auto a = rule({"get", "list"}, {""}, {"pods"});
  auto b = a;
  b.loc.line = 99;
  CHECK(analyzer::rbac::semantically_equal(a, b));
  b.verbs = {"list", "get"};
  CHECK_FALSE(analyzer::rbac::semantically_equal(a, b));
}

}  // namespace rbacq::test
