// SPDX-License-Identifier: Apache-2.0
#include "analyzer/graph/access_graph.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>

#include "analyzer/rbac/aggregation.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "analyzer/workloads.hpp"

namespace rbacq::analyzer::graph {
namespace {

// vecS vertices: a vertex descriptor is the index NodeId carries. Bidirectional: subjects_of
// and bindings of a role walk edges backwards.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

NodeKind subject_kind(const std::string& written) {
  if (written == "User") return NodeKind::user;
  if (written == "Group") return NodeKind::group;
  if (written == "ServiceAccount") return NodeKind::service_account;
  return NodeKind::other_subject;
}

/// A node for an object of the input; cluster-scoped objects have no namespace.
Node object_node(NodeKind kind, const ObjectMeta& meta, bool cluster_scoped) {
  Node node;
  node.kind = kind;
  node.name = meta.name;
  node.namespace_ = cluster_scoped ? std::string() : meta.namespace_;
  node.loc = meta.loc;
  node.defined = true;
  return node;
}

void sort_unique(std::vector<NodeId>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

bool is_subject(NodeKind kind) {
  return kind == NodeKind::user || kind == NodeKind::group || kind == NodeKind::service_account || kind == NodeKind::other_subject;
}

bool is_binding(NodeKind kind) { return kind == NodeKind::role_binding || kind == NodeKind::cluster_role_binding; }

bool is_role(NodeKind kind) { return kind == NodeKind::role || kind == NodeKind::cluster_role || kind == NodeKind::missing_role; }

bool View::is_seed(NodeId id) const { return std::binary_search(seeds.begin(), seeds.end(), id); }

struct AccessGraph::Impl {
  Graph g;
  std::map<rbac::SubjectKey, NodeId> subjects;
  std::unordered_map<const Binding*, NodeId> bindings;
  std::unordered_map<const Role*, NodeId> roles;
  std::map<std::tuple<std::string, std::string, std::string>, NodeId> missing_roles;  // kind, namespace, name

  NodeId add_node(Node node) {
    const Vertex v = boost::add_vertex(g);
    node.id = NodeId{static_cast<std::uint32_t>(v)};
    g[v] = std::move(node);
    return g[v].id;
  }

  void add_edge(NodeId from, NodeId to, EdgeKind kind, const SourceLocation& loc, std::size_t subject = 0,
                std::string scope_namespace = {}) {
    boost::add_edge(from.value, to.value, Edge{from, to, kind, loc, subject, std::move(scope_namespace)}, g);
  }

  [[nodiscard]] Vertex vertex(NodeId id) const {
    if (id.value >= boost::num_vertices(g)) throw std::out_of_range("graph::NodeId of another graph");
    return id.value;
  }

  /// The subject's node, made on first mention.
  NodeId subject(const rbac::SubjectKey& key, const SourceLocation& mention) {
    if (const auto it = subjects.find(key); it != subjects.end()) return it->second;
    Node node;
    node.kind = subject_kind(key.kind);
    node.name = key.name;
    node.namespace_ = key.namespace_;
    node.loc = mention;
    node.written_kind = key.kind;
    const NodeId id = add_node(std::move(node));
    subjects.emplace(key, id);
    return id;
  }

  void add_role(const Role& role) {
    Node node = object_node(role.cluster ? NodeKind::cluster_role : NodeKind::role, role.meta, role.cluster);
    node.role = &role;
    const NodeId id = add_node(node);
    roles.emplace(&role, id);
    for (std::size_t i = 0; i < role.rules.size(); ++i) {
      Node rule = node;
      rule.kind = NodeKind::rule;
      rule.loc = role.rules[i].loc;
      rule.rule = i;
      add_edge(id, add_node(std::move(rule)), EdgeKind::has_rule, role.rules[i].loc);
    }
  }

  void add_service_account(const ServiceAccount& sa) {
    const NodeId id = subject({"ServiceAccount", sa.meta.name, sa.meta.namespace_}, sa.meta.loc);
    Node& node = g[id.value];
    if (node.defined) return;  // a second definition: the loader has reported it
    node.loc = sa.meta.loc;
    node.defined = true;
    node.service_account = &sa;
  }

  /// A role that a roleRef names and the input lacks. A ClusterRoleBinding's Role can never
  /// exist (it would be looked up in no namespace): it is drawn cluster-scoped.
  NodeId missing_role(const Binding& binding) {
    const RoleRef& ref = binding.role_ref;
    const std::string ns = ref.kind == "Role" && !binding.cluster ? binding.meta.namespace_ : std::string();
    auto key = std::make_tuple(ref.kind, ns, ref.name);
    if (const auto it = missing_roles.find(key); it != missing_roles.end()) return it->second;
    Node node;
    node.kind = NodeKind::missing_role;
    node.name = ref.name;
    node.namespace_ = ns;
    node.loc = ref.loc;
    node.written_kind = ref.kind;
    const NodeId id = add_node(std::move(node));
    missing_roles.emplace(std::move(key), id);
    return id;
  }

  void add_binding(const rbac::ResolvedBinding& resolved) {
    const Binding& b = *resolved.binding;
    Node node = object_node(b.cluster ? NodeKind::cluster_role_binding : NodeKind::role_binding, b.meta, b.cluster);
    node.binding = &b;
    const NodeId id = add_node(std::move(node));
    bindings.emplace(&b, id);
    for (std::size_t s = 0; s < b.subjects.size(); ++s) {
      add_edge(subject(rbac::subject_key(b, s), b.subjects[s].loc), id, EdgeKind::named_by, b.subjects[s].loc, s);
    }
    std::string scope(rbac::binding_namespace(b));
    if (resolved.role != nullptr) {
      add_edge(id, roles.at(resolved.role), EdgeKind::grants, b.role_ref.loc, 0, std::move(scope));
    } else {
      add_edge(id, missing_role(b), EdgeKind::refers_to_missing_role, b.role_ref.loc, 0, std::move(scope));
    }
  }

  /// A subject is in the groups authentication gives every identity of its name: a service
  /// account in system:serviceaccounts[:NS], everyone but system:anonymous in
  /// system:authenticated. Only groups that are nodes (named by a binding) get an edge.
  void add_memberships() {
    const std::size_t n = boost::num_vertices(g);
    for (Vertex v = 0; v < n; ++v) {
      const Node& node = g[v];
      std::string username;
      if (node.kind == NodeKind::user) username = node.name;
      else if (node.kind == NodeKind::service_account && !node.namespace_.empty())
        username = rbac::service_account_username(node.namespace_, node.name);
      else continue;
      for (const std::string& group : rbac::authenticated_user(username, {}).groups) {
        const auto it = subjects.find(rbac::SubjectKey{"Group", group, {}});
        if (it != subjects.end()) add_edge(node.id, it->second, EdgeKind::member_of, {});
      }
    }
  }

  void add_aggregations(const Model& model) {
    for (const Role& target : model.roles) {
      if (!target.cluster || !target.aggregation) continue;
      for (const Role& source : model.roles) {
        if (const LabelSelector* selector = rbac::aggregating_selector(target, source)) {
          add_edge(roles.at(&target), roles.at(&source), EdgeKind::aggregates, selector->loc);
        }
      }
    }
  }

  /// The far ends of `id`'s edges of the `kinds`: out-edges when `forward`, else in-edges.
  [[nodiscard]] std::vector<NodeId> neighbours(NodeId id, std::initializer_list<EdgeKind> kinds, bool forward) const {
    const auto wanted = [&](EdgeKind kind) { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); };
    std::vector<NodeId> out;
    const Vertex v = vertex(id);
    if (forward) {
      for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
        if (wanted(g[e].kind)) out.push_back(g[e].to);
      }
    } else {
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
        if (wanted(g[e].kind)) out.push_back(g[e].from);
      }
    }
    return out;
  }

  /// A binding's roleRef leads to a role or to a missing one.
  static constexpr std::initializer_list<EdgeKind> kRoleRef = {EdgeKind::grants, EdgeKind::refers_to_missing_role};
};

AccessGraph::AccessGraph(const Model& model, const std::vector<rbac::ResolvedBinding>& bindings) : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  for (const Role& role : model.roles) impl.add_role(role);
  for (const ServiceAccount& sa : model.service_accounts) impl.add_service_account(sa);
  for (const rbac::ResolvedBinding& resolved : bindings) impl.add_binding(resolved);
  // The service accounts workloads run as, defined or not: a pod may name one nobody created.
  for (const Workload& w : model.workloads) {
    if (const std::string* account = service_account_of(w)) impl.subject({"ServiceAccount", *account, w.meta.namespace_}, w.pod.loc);
  }
  impl.add_memberships();
  impl.add_aggregations(model);
}

AccessGraph::~AccessGraph() = default;
AccessGraph::AccessGraph(AccessGraph&&) noexcept = default;
AccessGraph& AccessGraph::operator=(AccessGraph&&) noexcept = default;

std::size_t AccessGraph::node_count() const { return boost::num_vertices(impl_->g); }
std::size_t AccessGraph::edge_count() const { return boost::num_edges(impl_->g); }
const Node& AccessGraph::node(NodeId id) const { return impl_->g[impl_->vertex(id)]; }

std::optional<NodeId> AccessGraph::find_subject(const rbac::SubjectKey& subject) const {
  const auto it = impl_->subjects.find(subject);
  return it == impl_->subjects.end() ? std::nullopt : std::optional(it->second);
}

std::optional<NodeId> AccessGraph::find_binding(const Binding& binding) const {
  const auto it = impl_->bindings.find(&binding);
  return it == impl_->bindings.end() ? std::nullopt : std::optional(it->second);
}

std::optional<NodeId> AccessGraph::find_role(const Role& role) const {
  const auto it = impl_->roles.find(&role);
  return it == impl_->roles.end() ? std::nullopt : std::optional(it->second);
}

std::optional<NodeId> AccessGraph::find_rule(const Role& role, std::size_t rule) const {
  const auto id = find_role(role);
  if (!id) return std::nullopt;
  for (const NodeId r : impl_->neighbours(*id, {EdgeKind::has_rule}, true)) {
    if (node(r).rule == rule) return r;
  }
  return std::nullopt;
}

std::vector<NodeId> AccessGraph::bindings_of(NodeId subject) const {
  std::vector<NodeId> out = impl_->neighbours(subject, {EdgeKind::named_by}, true);
  for (const NodeId group : groups_of(subject)) {
    const std::vector<NodeId> more = impl_->neighbours(group, {EdgeKind::named_by}, true);
    out.insert(out.end(), more.begin(), more.end());
  }
  sort_unique(out);
  return out;
}

std::vector<NodeId> AccessGraph::subjects_of(NodeId role_or_binding) const {
  const std::vector<NodeId> bindings =
      is_binding(node(role_or_binding).kind) ? std::vector<NodeId>{role_or_binding} : impl_->neighbours(role_or_binding, Impl::kRoleRef, false);
  std::vector<NodeId> out;
  for (const NodeId b : bindings) {
    for (const NodeId s : impl_->neighbours(b, {EdgeKind::named_by}, false)) {
      out.push_back(s);
      const std::vector<NodeId> members = members_of(s);
      out.insert(out.end(), members.begin(), members.end());
    }
  }
  sort_unique(out);
  return out;
}

std::vector<NodeId> AccessGraph::roles_of(NodeId subject_or_binding) const {
  const std::vector<NodeId> bindings =
      is_binding(node(subject_or_binding).kind) ? std::vector<NodeId>{subject_or_binding} : bindings_of(subject_or_binding);
  std::vector<NodeId> out;
  for (const NodeId b : bindings) {
    const std::vector<NodeId> roles = impl_->neighbours(b, Impl::kRoleRef, true);
    out.insert(out.end(), roles.begin(), roles.end());
  }
  sort_unique(out);
  return out;
}

std::vector<NodeId> AccessGraph::rules_of(NodeId role) const {
  std::vector<NodeId> out = impl_->neighbours(role, {EdgeKind::has_rule}, true);
  std::sort(out.begin(), out.end(), [&](NodeId a, NodeId b) { return node(a).rule < node(b).rule; });
  return out;
}

std::vector<NodeId> AccessGraph::groups_of(NodeId subject) const { return impl_->neighbours(subject, {EdgeKind::member_of}, true); }

std::vector<NodeId> AccessGraph::members_of(NodeId group) const { return impl_->neighbours(group, {EdgeKind::member_of}, false); }

std::vector<NodeId> AccessGraph::aggregated_roles(NodeId cluster_role) const {
  return impl_->neighbours(cluster_role, {EdgeKind::aggregates}, true);
}

std::vector<Edge> AccessGraph::out_edges(NodeId id) const {
  std::vector<Edge> out;
  for (const auto e : boost::make_iterator_range(boost::out_edges(impl_->vertex(id), impl_->g))) out.push_back(impl_->g[e]);
  return out;
}

std::vector<Edge> AccessGraph::in_edges(NodeId id) const {
  std::vector<Edge> out;
  for (const auto e : boost::make_iterator_range(boost::in_edges(impl_->vertex(id), impl_->g))) out.push_back(impl_->g[e]);
  return out;
}

View AccessGraph::whole() const {
  View view;
  view.nodes.reserve(node_count());
  for (const Vertex v : boost::make_iterator_range(boost::vertices(impl_->g))) view.nodes.push_back(impl_->g[v]);
  view.edges.reserve(edge_count());
  for (const auto e : boost::make_iterator_range(boost::edges(impl_->g))) view.edges.push_back(impl_->g[e]);
  return view;
}

View AccessGraph::neighbourhood(std::span<const NodeId> seeds) const {
  std::vector<NodeId> kept;
  const auto keep = [&](const std::vector<NodeId>& ids) { kept.insert(kept.end(), ids.begin(), ids.end()); };
  const auto keep_role = [&](NodeId role) {
    kept.push_back(role);
    keep(rules_of(role));
  };
  for (const NodeId seed : seeds) {
    const NodeKind kind = node(seed).kind;
    kept.push_back(seed);
    if (is_binding(kind)) {
      keep(impl_->neighbours(seed, {EdgeKind::named_by}, false));
      for (const NodeId role : impl_->neighbours(seed, Impl::kRoleRef, true)) keep_role(role);
    } else if (is_role(kind)) {
      keep_role(seed);
      keep(impl_->neighbours(seed, Impl::kRoleRef, false));
      keep(aggregated_roles(seed));
    } else if (is_subject(kind)) {
      keep(groups_of(seed));
      keep(bindings_of(seed));
    } else if (kind == NodeKind::rule) {
      keep(impl_->neighbours(seed, {EdgeKind::has_rule}, false));
    }
  }
  sort_unique(kept);

  View view;
  view.seeds.assign(seeds.begin(), seeds.end());
  sort_unique(view.seeds);
  for (const NodeId id : kept) {
    view.nodes.push_back(node(id));
    for (const auto e : boost::make_iterator_range(boost::out_edges(impl_->vertex(id), impl_->g))) {
      const Edge& edge = impl_->g[e];
      if (std::binary_search(kept.begin(), kept.end(), edge.to)) view.edges.push_back(edge);
    }
  }
  return view;
}

}  // namespace rbacq::analyzer::graph
