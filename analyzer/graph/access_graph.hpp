// SPDX-License-Identifier: Apache-2.0
// The access graph (DESIGN §5): subjects, bindings, roles and rules as nodes; "named by",
// "grants", "has rule", "aggregates" and "member of" as edges, each with the kind of link and
// the place in the manifests that makes it. Escalation edges will join them. Boost.Graph stays
// behind this header: callers see NodeIds and plain structs, never a vertex descriptor.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/subject_key.hpp"
#include "support/source_location.hpp"

namespace rbacq::analyzer::graph {

/// What a node stands for. Renderers and walkers must accept kinds they do not know: the
/// escalation analysis adds the last four (not produced yet).
enum class NodeKind : std::uint8_t {
  user,
  group,
  service_account,
  other_subject,  // a subject whose kind is none of the three: it matches nobody
  role_binding,
  cluster_role_binding,
  role,
  cluster_role,
  missing_role,  // what a roleRef names when no such role is in the input
  rule,          // one rule of a role, after aggregation
  namespace_service_accounts,  // every service account of a namespace, present and future
  node,                        // a cluster node (kubelet)
  cluster_admin,               // full control of the cluster
  credential,                  // a kubeconfig user, certificate or token
};

[[nodiscard]] bool is_subject(NodeKind kind);
[[nodiscard]] bool is_binding(NodeKind kind);
/// Role, ClusterRole or missing role: what a binding's roleRef leads to.
[[nodiscard]] bool is_role(NodeKind kind);

/// Edges point the way access flows: subject → binding → role → rule (and, later, subject →
/// what it can become), so that a path from a subject is a forward walk.
enum class EdgeKind : std::uint8_t {
  named_by,                // subject → binding that lists it (Edge::subject is the index)
  grants,                  // binding → the role its roleRef resolves to
  refers_to_missing_role,  // binding → missing_role: a dangling roleRef, which grants nothing
  has_rule,                // role → rule
  aggregates,              // ClusterRole → ClusterRole whose rules its aggregationRule copies
  member_of,               // subject → group that authentication gives every identity of that name
};

/// A node's handle; valid only with the graph that returned it.
struct NodeId {
  std::uint32_t value = 0;
  friend auto operator<=>(NodeId, NodeId) = default;
};

struct Node {
  NodeId id;
  NodeKind kind = NodeKind::user;
  /// The object's name; a missing role: the roleRef's name; a rule: its role's name; a subject:
  /// the name a binding writes (a ServiceAccount: without its namespace).
  std::string name;
  /// "" for cluster-scoped things and for users and groups.
  std::string namespace_;
  /// Where it is defined; for what only others mention (users, groups, undefined service
  /// accounts, missing roles), the first place that mentions it.
  SourceLocation loc;
  /// An object of the input defines it (service accounts, roles, bindings, rules).
  bool defined = false;
  const Binding* binding = nullptr;                // bindings
  const Role* role = nullptr;                      // roles and rules
  std::size_t rule = 0;                            // rules: index in role->rules
  const ServiceAccount* service_account = nullptr;  // defined service accounts
  /// A subject's kind as written (User, Group, ServiceAccount, or what an other_subject says);
  /// a missing role's roleRef kind (Role, ClusterRole, or what it says).
  std::string written_kind;
};

struct Edge {
  NodeId from;
  NodeId to;
  EdgeKind kind = EdgeKind::named_by;
  /// The manifest text that makes the edge: the subject entry, the roleRef, the rule, the
  /// aggregation selector; none for member_of (authentication makes it).
  SourceLocation loc;
  std::size_t subject = 0;  // named_by: index in the binding's subjects
  /// grants and refers_to_missing_role: the namespace the binding grants in, "" cluster-wide.
  std::string scope_namespace;
};

/// A part of the graph, as plain data for renderers: nodes by id, the edges between them.
struct View {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  /// The nodes the view was asked around (sorted); empty for the whole graph.
  std::vector<NodeId> seeds;
  [[nodiscard]] bool is_seed(NodeId id) const;
};

/// Built once from a model and the authorizer's resolved bindings, both of which must outlive
/// it; immutable afterwards, so concurrent reads are safe.
class AccessGraph {
 public:
  AccessGraph(const Model& model, const std::vector<rbac::ResolvedBinding>& bindings);
  ~AccessGraph();
  AccessGraph(const AccessGraph&) = delete;
  AccessGraph& operator=(const AccessGraph&) = delete;
  AccessGraph(AccessGraph&&) noexcept;
  AccessGraph& operator=(AccessGraph&&) noexcept;

  [[nodiscard]] std::size_t node_count() const;
  [[nodiscard]] std::size_t edge_count() const;
  [[nodiscard]] const Node& node(NodeId id) const;

  /// Lookups from what the model and the authorizer hand out (Grant, WhoCanSubject, …).
  [[nodiscard]] std::optional<NodeId> find_subject(const rbac::SubjectKey& subject) const;
  [[nodiscard]] std::optional<NodeId> find_binding(const Binding& binding) const;
  [[nodiscard]] std::optional<NodeId> find_role(const Role& role) const;
  [[nodiscard]] std::optional<NodeId> find_rule(const Role& role, std::size_t rule) const;

  /// The bindings that apply to a subject: those naming it and those naming a group it is a
  /// member of. Sorted by id.
  [[nodiscard]] std::vector<NodeId> bindings_of(NodeId subject) const;
  /// The subjects a role or binding applies to: the ones its bindings name, and the known
  /// members of the groups they name (a group's own node included). Sorted by id.
  [[nodiscard]] std::vector<NodeId> subjects_of(NodeId role_or_binding) const;
  /// The roles (missing ones included) of the bindings that apply to a subject, or of one
  /// binding. Sorted by id.
  [[nodiscard]] std::vector<NodeId> roles_of(NodeId subject_or_binding) const;
  /// A role's rules, in the role's order.
  [[nodiscard]] std::vector<NodeId> rules_of(NodeId role) const;
  /// The groups a subject is a member of, and the members of a group the graph knows.
  [[nodiscard]] std::vector<NodeId> groups_of(NodeId subject) const;
  [[nodiscard]] std::vector<NodeId> members_of(NodeId group) const;
  /// The ClusterRoles whose rules a ClusterRole's aggregationRule copies.
  [[nodiscard]] std::vector<NodeId> aggregated_roles(NodeId cluster_role) const;

  [[nodiscard]] std::vector<Edge> out_edges(NodeId id) const;
  [[nodiscard]] std::vector<Edge> in_edges(NodeId id) const;

  /// Everything, for `inventory -o dot`.
  [[nodiscard]] View whole() const;
  /// The part of the graph a selection touches: the seeds; for a binding, its subjects, its
  /// role and that role's rules; for a role, its rules, its bindings and the ClusterRoles it
  /// aggregates; for a subject, the groups it is in and the bindings that apply to it; for a
  /// rule, its role. Edges: every edge between the nodes kept. Ids not of this graph throw.
  [[nodiscard]] View neighbourhood(std::span<const NodeId> seeds) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rbacq::analyzer::graph
