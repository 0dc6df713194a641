// SPDX-License-Identifier: Apache-2.0
// The access graph: nodes and edges built from manifests, and the RBAC-worded walks over them.
#include "analyzer/graph/access_graph.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rbac/rbac_fixture.hpp"

namespace rbacq::test {
namespace {

using analyzer::graph::AccessGraph;
using analyzer::graph::Edge;
using analyzer::graph::EdgeKind;
using analyzer::graph::NodeId;
using analyzer::graph::NodeKind;

// Line numbers matter: the tests check the locations edges carry.
constexpr std::string_view kManifests = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
- {verbs: [get, list], apiGroups: [''], resources: [pods]}
- {verbs: [get], apiGroups: [''], resources: [configmaps]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: alice-reads}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
subjects:
- {kind: User, name: alice}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: dev-reads, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
subjects:
- {kind: User, name: bob}
- {kind: Group, name: 'system:serviceaccounts:dev'}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: app, namespace: dev}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: broken, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: gone}
subjects:
- {kind: User, name: alice}
- {kind: ServiceAccount, name: app}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: combined}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {example.com/aggregate-to-combined: 'true'}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: part, labels: {example.com/aggregate-to-combined: 'true'}}
rules:
- {verbs: [delete], apiGroups: [''], resources: [secrets]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: dev}
spec:
  template:
    spec:
      serviceAccountName: ghost
      containers: [{name: web, image: nginx}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: odd}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: nowhere}
subjects:
- {kind: user, name: carol}
)";

analyzer::rbac::SubjectKey user_key(std::string name) { return {"User", std::move(name), {}}; }
analyzer::rbac::SubjectKey group(std::string name) { return {"Group", std::move(name), {}}; }
analyzer::rbac::SubjectKey service_account(std::string ns, std::string name) { return {"ServiceAccount", std::move(name), std::move(ns)}; }

const analyzer::Binding& binding_named(const Policy& p, std::string_view name) {
  const auto& bindings = p.context().model().bindings;
  return *std::find_if(bindings.begin(), bindings.end(), [&](const analyzer::Binding& b) { return b.meta.name == name; });
}

const analyzer::Role& role_named(const Policy& p, std::string_view name) {
  const auto& roles = p.context().model().roles;
  return *std::find_if(roles.begin(), roles.end(), [&](const analyzer::Role& r) { return r.meta.name == name; });
}

/// Nodes as "Kind-ish ns/name" strings, for readable comparisons.
Strings names(const AccessGraph& g, const std::vector<NodeId>& ids) {
  Strings out;
  for (const NodeId id : ids) {
    const auto& n = g.node(id);
    std::string name = n.namespace_.empty() ? n.name : n.namespace_ + "/" + n.name;
    if (n.kind == NodeKind::rule) name += "#" + std::to_string(n.rule);
    out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Edge> edges_between(const AccessGraph& g, NodeId from, NodeId to) {
  std::vector<Edge> out;
  for (const Edge& e : g.out_edges(from)) {
    if (e.to == to) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("graph: a subject's bindings and roles, direct and through its groups") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId alice = g.find_subject(user_key("alice")).value();
  CHECK(g.node(alice).kind == NodeKind::user);
  CHECK_FALSE(g.node(alice).defined);
  CHECK(names(g, g.bindings_of(alice)) == Strings{"alice-reads", "dev/broken"});
  CHECK(names(g, g.roles_of(alice)) == Strings{"dev/gone", "reader"});

  // dev/app is named by `broken` and, as a member of system:serviceaccounts:dev, bound by dev-reads.
  const NodeId app = g.find_subject(service_account("dev", "app")).value();
  CHECK(g.node(app).defined);
  CHECK(g.node(app).service_account != nullptr);
  CHECK(names(g, g.groups_of(app)) == Strings{"system:serviceaccounts:dev"});
  CHECK(names(g, g.bindings_of(app)) == Strings{"dev/broken", "dev/dev-reads"});
  CHECK(names(g, g.roles_of(app)) == Strings{"dev/gone", "reader"});

  // The subject entry is the evidence of a named_by edge.
  const NodeId alice_reads = g.find_binding(binding_named(p, "alice-reads")).value();
  const auto named = edges_between(g, alice, alice_reads);
  REQUIRE(named.size() == 1);
  CHECK(named[0].kind == EdgeKind::named_by);
  CHECK(named[0].subject == 0);
  CHECK(named[0].loc.line == 13);
}

TEST_CASE("graph: subjects of a role through its bindings and through a group") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId reader = g.find_role(role_named(p, "reader")).value();
  // dev/ghost is a member too: the service account a workload runs as, though nothing defines it.
  CHECK(names(g, g.subjects_of(reader)) == Strings{"alice", "bob", "dev/app", "dev/ghost", "system:serviceaccounts:dev"});
  const NodeId dev_reads = g.find_binding(binding_named(p, "dev-reads")).value();
  CHECK(names(g, g.subjects_of(dev_reads)) == Strings{"bob", "dev/app", "dev/ghost", "system:serviceaccounts:dev"});
  const NodeId sa_group = g.find_subject(group("system:serviceaccounts:dev")).value();
  CHECK(names(g, g.members_of(sa_group)) == Strings{"dev/app", "dev/ghost"});
  // A group no binding names is no node: nothing to be a member of.
  CHECK_FALSE(g.find_subject(group("system:authenticated")).has_value());
}

TEST_CASE("graph: a role's rules in order, each with its location") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId reader = g.find_role(role_named(p, "reader")).value();
  CHECK(g.node(reader).kind == NodeKind::cluster_role);
  const auto rules = g.rules_of(reader);
  REQUIRE(rules.size() == 2);
  CHECK(g.node(rules[0]).kind == NodeKind::rule);
  CHECK(g.node(rules[0]).rule == 0);
  CHECK(g.node(rules[1]).rule == 1);
  CHECK(g.node(rules[1]).loc.line == 6);
  CHECK(g.find_rule(role_named(p, "reader"), 1) == rules[1]);
  CHECK_FALSE(g.find_rule(role_named(p, "reader"), 2).has_value());
}

TEST_CASE("graph: a RoleBinding of a ClusterRole grants in its namespace, a ClusterRoleBinding cluster-wide") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId reader = g.find_role(role_named(p, "reader")).value();
  const NodeId dev_reads = g.find_binding(binding_named(p, "dev-reads")).value();
  const NodeId alice_reads = g.find_binding(binding_named(p, "alice-reads")).value();
  CHECK(g.node(dev_reads).kind == NodeKind::role_binding);
  CHECK(g.node(dev_reads).namespace_ == "dev");
  CHECK(g.node(alice_reads).kind == NodeKind::cluster_role_binding);

  const auto in_dev = edges_between(g, dev_reads, reader);
  REQUIRE(in_dev.size() == 1);
  CHECK(in_dev[0].kind == EdgeKind::grants);
  CHECK(in_dev[0].scope_namespace == "dev");
  CHECK(in_dev[0].loc.line == 18);  // the roleRef
  const auto everywhere = edges_between(g, alice_reads, reader);
  REQUIRE(everywhere.size() == 1);
  CHECK(everywhere[0].scope_namespace.empty());
}

TEST_CASE("graph: a dangling roleRef leads to a missing-role node") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId broken = g.find_binding(binding_named(p, "broken")).value();
  const auto roles = g.roles_of(broken);
  REQUIRE(roles.size() == 1);
  const auto& gone = g.node(roles[0]);
  CHECK(gone.kind == NodeKind::missing_role);
  CHECK(gone.written_kind == "Role");
  CHECK(gone.name == "gone");
  CHECK(gone.namespace_ == "dev");
  CHECK_FALSE(gone.defined);
  CHECK(gone.loc.line == 30);
  const auto edge = edges_between(g, broken, roles[0]);
  REQUIRE(edge.size() == 1);
  CHECK(edge[0].kind == EdgeKind::refers_to_missing_role);
  CHECK(edge[0].scope_namespace == "dev");
  CHECK(names(g, g.subjects_of(roles[0])) == Strings{"alice", "dev/app"});
  CHECK(g.rules_of(roles[0]).empty());

  // A ClusterRoleBinding's Role can never exist: the missing node is cluster-scoped. A subject
  // of an unknown kind is a node of its own kind, which matches nobody.
  const NodeId odd = g.find_binding(binding_named(p, "odd")).value();
  const auto nowhere = g.roles_of(odd);
  REQUIRE(nowhere.size() == 1);
  CHECK(g.node(nowhere[0]).namespace_.empty());
  const auto carol = g.find_subject({"user", "carol", {}});
  REQUIRE(carol.has_value());
  CHECK(g.node(*carol).kind == NodeKind::other_subject);
  CHECK(g.node(*carol).written_kind == "user");
}

TEST_CASE("graph: aggregation is an edge from the aggregating ClusterRole, at its selector") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId combined = g.find_role(role_named(p, "combined")).value();
  const NodeId part = g.find_role(role_named(p, "part")).value();
  CHECK(g.aggregated_roles(combined) == std::vector<NodeId>{part});
  const auto edge = edges_between(g, combined, part);
  REQUIRE(edge.size() == 1);
  CHECK(edge[0].kind == EdgeKind::aggregates);
  CHECK(edge[0].loc.line == 40);
  // The copied rule is a rule of the aggregating role, pointing at the text it came from.
  const auto rules = g.rules_of(combined);
  REQUIRE(rules.size() == 1);
  CHECK(g.node(rules[0]).loc.line == 47);
  CHECK(g.aggregated_roles(part).empty());
}

TEST_CASE("graph: an invalid aggregation selector makes no edge, as the controller does not sync the role") {
  const Policy p(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: combined}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {agg: 'true'}
  - matchExpressions: [{key: agg, operator: Sometimes}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: part, labels: {agg: 'true'}}
rules: []
)");
  const AccessGraph& g = p.context().graph();
  CHECK(g.aggregated_roles(g.find_role(role_named(p, "combined")).value()).empty());
}

TEST_CASE("graph: service accounts workloads run as are nodes, defined or not") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const auto ghost = g.find_subject(service_account("dev", "ghost"));
  REQUIRE(ghost.has_value());
  CHECK_FALSE(g.node(*ghost).defined);
  CHECK(g.node(*ghost).loc.line == 55);  // the pod spec that names it
  // Still a member of its namespace's group, so bound through it.
  CHECK(names(g, g.bindings_of(*ghost)) == Strings{"dev/dev-reads"});
}

TEST_CASE("graph: the neighbourhood of a selection") {
  const Policy p(kManifests);
  const AccessGraph& g = p.context().graph();
  const NodeId dev_reads = g.find_binding(binding_named(p, "dev-reads")).value();
  const NodeId seeds[] = {dev_reads};
  const auto view = g.neighbourhood(seeds);
  std::vector<NodeId> ids;
  for (const auto& n : view.nodes) ids.push_back(n.id);
  // Its subjects, its role and the role's rules; not the role's other bindings.
  CHECK(names(g, ids) == Strings{"bob", "dev/dev-reads", "reader", "reader#0", "reader#1", "system:serviceaccounts:dev"});
  CHECK(view.is_seed(dev_reads));
  CHECK_FALSE(view.is_seed(g.find_role(role_named(p, "reader")).value()));
  // Edges between the nodes kept: 2 subjects, 1 grant, 2 rules.
  CHECK(view.edges.size() == 5);

  // A subject: its group and the bindings that apply to it; a role: its bindings and rules.
  const NodeId app = g.find_subject(service_account("dev", "app")).value();
  const NodeId reader = g.find_role(role_named(p, "reader")).value();
  const NodeId more[] = {app, reader};
  ids.clear();
  for (const auto& n : g.neighbourhood(more).nodes) ids.push_back(n.id);
  CHECK(names(g, ids) == Strings{"alice-reads", "dev/app", "dev/broken", "dev/dev-reads", "reader", "reader#0", "reader#1",
                                 "system:serviceaccounts:dev"});

  CHECK(g.whole().nodes.size() == g.node_count());
  CHECK(g.whole().edges.size() == g.edge_count());
  CHECK(g.whole().seeds.empty());
}

TEST_CASE("graph: built once, on first use") {
  const Policy p(kManifests);
  CHECK(&p.context().graph() == &p.context().graph());
}

}  // namespace rbacq::test
