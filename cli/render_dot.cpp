// SPDX-License-Identifier: Apache-2.0
#include "cli/render_dot.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::graph::Edge;
using analyzer::graph::EdgeKind;
using analyzer::graph::Node;
using analyzer::graph::NodeId;
using analyzer::graph::NodeKind;
using analyzer::graph::View;

/// Backslashes and quotes escaped for a quoted DOT string; with `entities`, `&` too, which
/// Graphviz reads as the start of an HTML entity in labels ("&lt;" would show as "<").
std::string dot_escaped(std::string_view text, bool entities) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (entities && c == '&') out += "&amp;";
    else out.push_back(c);
  }
  return out;
}

/// A quoted DOT id. Unlike a label, an id is never shown, but two nodes must never share one:
/// backslashes and quotes are escaped before printable() adds its own `\x..` escapes, which
/// keeps the encoding one-to-one (and free of control bytes).
std::string dot_id(std::string_view text) { return "\"" + printable(dot_escaped(text, false)) + "\""; }

/// Lines of a label, each escaped, joined by DOT's line break.
std::string label(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i != 0) out += "\\n";
    out += dot_label_text(lines[i]);
  }
  return out + "\"";
}

/// Short list items joined by commas, broken into lines of about `width` characters, so that a
/// rule over twenty resources stays a readable box.
std::vector<std::string> wrapped(const std::vector<std::string>& items, std::size_t width = 36) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& written : items) {
    const std::string item = written.empty() ? std::string("\"\"") : written;
    if (!line.empty() && line.size() + item.size() + 1 > width) {
      lines.push_back(line + ",");
      line.clear();
    }
    line += (line.empty() ? "" : ",") + item;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

/// "get,list pods", "get,list deployments (apps)", "get URL /healthz", "get secrets named a,b":
/// verbs, then what they apply to, as RBAC writes them (`*` included).
std::vector<std::string> rule_lines(const analyzer::PolicyRule& rule) {
  std::vector<std::string> lines = rule.verbs.empty() ? std::vector<std::string>{"(no verbs)"} : wrapped(rule.verbs);
  const bool urls = !rule.non_resource_urls.empty();
  std::vector<std::string> targets = wrapped(urls ? rule.non_resource_urls : rule.resources);
  if (targets.empty()) targets.emplace_back("(no resources)");
  lines.back() += (urls ? " URL " : " ") + targets.front();
  lines.insert(lines.end(), targets.begin() + 1, targets.end());
  const bool core_only = rule.api_groups.size() == 1 && rule.api_groups.front().empty();
  if (!urls && !core_only && !rule.api_groups.empty()) {
    const bool any = std::find(rule.api_groups.begin(), rule.api_groups.end(), "*") != rule.api_groups.end();
    std::vector<std::string> groups = any ? std::vector<std::string>{"any API group"} : wrapped(rule.api_groups);
    groups.front() = "(" + groups.front();
    groups.back() += ")";
    lines.insert(lines.end(), groups.begin(), groups.end());
  }
  if (!rule.resource_names.empty()) {
    std::vector<std::string> names = wrapped(rule.resource_names);
    names.front() = "named " + names.front();
    lines.insert(lines.end(), names.begin(), names.end());
  }
  return lines;
}

/// Where a node's text is, for the tooltip (SVG shows it on hover).
std::string tooltip(const SourceLocation& loc, std::string_view what = {}) {
  if (loc.file.empty() && what.empty()) return {};
  std::string text = loc.file.empty() ? std::string(what) : to_string(loc);
  if (!what.empty() && !loc.file.empty()) text = fmt::format("{} ({})", what, text);
  return fmt::format(", tooltip={}", label({text}));
}

/// Order of kinds inside a namespace: who, then through what, then what.
int rank(NodeKind kind) {
  switch (kind) {
    case NodeKind::credential: return 0;
    case NodeKind::user:
    case NodeKind::group:
    case NodeKind::service_account:
    case NodeKind::other_subject:
    case NodeKind::namespace_service_accounts: return 1;
    case NodeKind::role_binding:
    case NodeKind::cluster_role_binding: return 2;
    case NodeKind::role:
    case NodeKind::cluster_role:
    case NodeKind::missing_role: return 3;
    case NodeKind::rule: return 4;
    case NodeKind::node:
    case NodeKind::cluster_admin: return 5;
  }
  return 6;
}

std::string_view kind_word(NodeKind kind) {
  switch (kind) {
    case NodeKind::user: return "User";
    case NodeKind::group: return "Group";
    case NodeKind::service_account: return "ServiceAccount";
    case NodeKind::other_subject: return "subject";
    case NodeKind::role_binding: return "RoleBinding";
    case NodeKind::cluster_role_binding: return "ClusterRoleBinding";
    case NodeKind::role: return "Role";
    case NodeKind::cluster_role: return "ClusterRole";
    case NodeKind::missing_role: return "missing";
    case NodeKind::rule: return "rule";
    case NodeKind::namespace_service_accounts: return "every ServiceAccount";
    case NodeKind::node: return "Node";
    case NodeKind::cluster_admin: return "cluster-admin";
    case NodeKind::credential: return "credential";
  }
  return "node";
}

/// A name inside an id, with the separators it may contain escaped.
std::string id_part(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '/' || c == '#') out += fmt::format("%{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    else out.push_back(c);
  }
  return out;
}

/// The node's key: its kind and names ("ClusterRole/view", "RoleBinding/dev/ci", "ClusterRole/view#3"),
/// so that it stays the same when other objects come and go, and differs for different nodes.
std::string node_key(const Node& n) {
  // A rule is keyed by its role: the role's kind tells a Role's rules from a ClusterRole's.
  const bool rule = n.kind == NodeKind::rule && n.role != nullptr;
  std::string key(rule ? kind_word(n.role->cluster ? NodeKind::cluster_role : NodeKind::role) : kind_word(n.kind));
  if (n.kind == NodeKind::other_subject || n.kind == NodeKind::missing_role) key += "/" + id_part(n.written_kind);
  if (!n.namespace_.empty()) key += "/" + id_part(n.namespace_);
  key += "/" + id_part(n.name);
  if (n.kind == NodeKind::rule) key += fmt::format("#{}", n.rule + 1);
  return key;
}

std::string node_id(const Node& n) { return dot_id(node_key(n)); }

/// The rule a rule node stands for (nullptr for other nodes).
const analyzer::PolicyRule* policy_rule(const Node& n) {
  return n.kind == NodeKind::rule && n.role != nullptr && n.rule < n.role->rules.size() ? &n.role->rules[n.rule] : nullptr;
}

std::string node_attributes(const Node& n) {
  const analyzer::PolicyRule* rule = policy_rule(n);
  std::vector<std::string> lines;
  std::string style;
  switch (n.kind) {
    case NodeKind::user:
    case NodeKind::group:
    case NodeKind::service_account:
      lines = {std::string(kind_word(n.kind)), n.name};
      if (n.kind == NodeKind::service_account && n.namespace_.empty()) lines.emplace_back("(no namespace: matches nobody)");
      style = fmt::format("shape=ellipse, style=\"{}\", fillcolor=\"{}\"{}", n.kind == NodeKind::service_account && !n.defined ? "filled,dashed" : "filled",
                          n.kind == NodeKind::service_account ? "#dff0d8" : "#dbe9f6", n.kind == NodeKind::group ? ", peripheries=2" : "");
      break;
    case NodeKind::other_subject:
      lines = {n.written_kind, n.name, "(unknown subject kind: matches nobody)"};
      style = "shape=ellipse, style=dashed, color=\"#999999\", fontcolor=\"#666666\"";
      break;
    case NodeKind::role_binding:
    case NodeKind::cluster_role_binding:
      lines = {std::string(kind_word(n.kind)), n.name};
      style = "shape=box, style=filled, fillcolor=\"#fcf3cf\"";
      break;
    case NodeKind::role:
    case NodeKind::cluster_role:
      lines = {std::string(kind_word(n.kind)), n.name};
      style = fmt::format("shape=box, style=\"rounded,filled\", fillcolor=\"{}\"", n.kind == NodeKind::role ? "#fad7a0" : "#f8c471");
      break;
    case NodeKind::missing_role:
      lines = {"missing " + n.written_kind, n.name};
      style = "shape=box, style=\"rounded,dashed\", color=\"#c0392b\", fontcolor=\"#c0392b\"";
      break;
    case NodeKind::rule:
      lines = rule != nullptr ? rule_lines(*rule) : std::vector<std::string>{"rule"};
      style = "shape=note, style=filled, fillcolor=\"#ffffff\", fontsize=9";
      break;
    case NodeKind::namespace_service_accounts:
      lines = {"every ServiceAccount", "of namespace " + n.namespace_};
      style = "shape=ellipse, style=filled, fillcolor=\"#dff0d8\", peripheries=2";
      break;
    case NodeKind::node:
      lines = {"Node", n.name};
      style = "shape=box3d";
      break;
    case NodeKind::cluster_admin:
      lines = {"cluster-admin"};
      style = "shape=doubleoctagon, style=filled, fillcolor=\"#f1948a\"";
      break;
    case NodeKind::credential:
      lines = {"credential", n.name};
      style = "shape=cds, style=filled, fillcolor=\"#d7bde2\"";
      break;
  }
  std::string what;
  if (rule != nullptr && !rule->aggregated_from.empty()) what = "aggregated from ClusterRole " + rule->aggregated_from;
  return fmt::format("label={}, {}{}", label(lines), style, tooltip(n.loc, what));
}

std::string edge_attributes(const Edge& e) {
  switch (e.kind) {
    case EdgeKind::named_by: return fmt::format("label={}{}", label({fmt::format("subject {}", e.subject + 1)}), tooltip(e.loc));
    case EdgeKind::grants:
      return fmt::format("label={}{}", label({e.scope_namespace.empty() ? "grants cluster-wide" : "grants in " + e.scope_namespace}),
                         tooltip(e.loc));
    case EdgeKind::refers_to_missing_role:
      return fmt::format("label=\"refers to missing role\", style=dashed, color=\"#c0392b\", fontcolor=\"#c0392b\"{}", tooltip(e.loc));
    case EdgeKind::has_rule: return fmt::format("arrowhead=none, color=\"#aaaaaa\"{}", tooltip(e.loc));
    case EdgeKind::aggregates: return fmt::format("label=\"aggregates\", style=dashed, color=\"#7d3c98\", fontcolor=\"#7d3c98\"{}", tooltip(e.loc));
    case EdgeKind::member_of: return "label=\"member of\", style=dotted, color=\"#888888\"";
  }
  return {};
}

struct DotNode {
  std::string namespace_;
  std::tuple<int, std::string, std::string, std::size_t> order;  // rank, name, kind, rule
  std::string id;
  std::string attributes;
  bool seed = false;
};

struct DotEdge {
  std::string from;
  std::string to;
  std::string attributes;
  [[nodiscard]] auto tied() const { return std::tie(from, to, attributes); }
};

DotNode dot_node(const Node& n, bool seed) {
  return {n.namespace_, {rank(n.kind), n.name, std::string(kind_word(n.kind)), n.rule}, node_id(n), node_attributes(n), seed};
}

/// The rules of one role that are folded into a single node, and how many stay drawn.
struct Fold {
  std::vector<NodeId> rules;
  std::size_t shown = 0;
};

/// Roles with more than kMaxRulesShown rules in the view: all their rules but the seeds fold.
std::map<NodeId, Fold> folds(const View& view) {
  std::map<NodeId, std::vector<NodeId>> rules_by_role;
  for (const Edge& e : view.edges) {
    if (e.kind == EdgeKind::has_rule) rules_by_role[e.from].push_back(e.to);
  }
  std::map<NodeId, Fold> out;
  for (const auto& [role, rules] : rules_by_role) {
    if (rules.size() <= kMaxRulesShown) continue;
    Fold& fold = out[role];
    for (const NodeId r : rules) {
      if (view.is_seed(r)) ++fold.shown;
      else fold.rules.push_back(r);
    }
  }
  return out;
}

}  // namespace

std::string dot_label_text(std::string_view text) { return dot_escaped(printable(text), true); }

std::string render_dot(const View& view, std::string_view title) {
  std::map<NodeId, const Node*> by_id;
  for (const Node& n : view.nodes) by_id.emplace(n.id, &n);
  const std::map<NodeId, Fold> folded_by_role = folds(view);
  std::set<NodeId> folded;
  for (const auto& [role, fold] : folded_by_role) folded.insert(fold.rules.begin(), fold.rules.end());

  std::vector<DotNode> nodes;
  for (const Node& n : view.nodes) {
    if (!folded.contains(n.id)) nodes.push_back(dot_node(n, view.is_seed(n.id)));
  }
  std::vector<DotEdge> edges;
  for (const Edge& e : view.edges) {
    if (folded.contains(e.to)) continue;
    edges.push_back({node_id(*by_id.at(e.from)), node_id(*by_id.at(e.to)), edge_attributes(e)});
  }
  for (const auto& [role_id, fold] : folded_by_role) {
    const Node& role = *by_id.at(role_id);
    const std::size_t n = fold.rules.size();
    const std::string id = dot_id(node_key(role) + "#rules");
    const std::string attributes =
        fmt::format("label={}, shape=note, style=filled, fillcolor=\"#eeeeee\", fontsize=9{}",
                    label({fmt::format("{} {}rule{}", n, fold.shown != 0 ? "more " : "", n == 1 ? "" : "s")}),
                    tooltip(role.loc, fmt::format("the rules of {} {}", kind_word(role.kind), role.name)));
    nodes.push_back({role.namespace_, {rank(NodeKind::rule), role.name, "rules", 0}, id, attributes, false});
    edges.push_back({node_id(role), id, "arrowhead=none, color=\"#aaaaaa\""});
  }

  std::sort(nodes.begin(), nodes.end(), [](const DotNode& a, const DotNode& b) {
    return std::tie(a.namespace_, a.order, a.id) < std::tie(b.namespace_, b.order, b.id);
  });
  std::sort(edges.begin(), edges.end(), [](const DotEdge& a, const DotEdge& b) { return a.tied() < b.tied(); });

  std::string out =
      "digraph rbac {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.2, ranksep=0.6];\n";
  if (!title.empty()) out += fmt::format("  graph [label={}, labelloc=t, labeljust=l];\n", label({std::string(title)}));
  out +=
      "  node [fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#666666\", fontcolor=\"#444444\"];\n";
  const auto write_node = [&](const DotNode& n, std::string_view indent) {
    out += fmt::format("{}{} [{}{}];\n", indent, n.id, n.attributes, n.seed ? ", penwidth=2.5" : "");
  };
  std::string current_namespace;
  bool in_cluster = false;
  for (const DotNode& n : nodes) {
    if (n.namespace_.empty()) {
      write_node(n, "  ");
      continue;
    }
    if (!in_cluster || n.namespace_ != current_namespace) {
      if (in_cluster) out += "  }\n";
      out += fmt::format("  subgraph {} {{\n    label={};\n    style=\"rounded,filled\"; fillcolor=\"#f4f6f7\"; color=\"#aab7b8\";\n",
                         dot_id("cluster_" + n.namespace_), label({"namespace " + n.namespace_}));
      current_namespace = n.namespace_;
      in_cluster = true;
    }
    write_node(n, "    ");
  }
  if (in_cluster) out += "  }\n";
  for (const DotEdge& e : edges) out += fmt::format("  {} -> {} [{}];\n", e.from, e.to, e.attributes);
  return out + "}\n";
}

std::string render_dot(const analyzer::graph::AccessGraph& graph, const query::ResultTable& table) {
  std::vector<NodeId> seeds;
  const auto add = [&](std::optional<NodeId> id) {
    if (id) seeds.push_back(*id);
  };
  for (const query::ResultRow& row : table.rows) {
    for (const auto* b : row.objects.bindings) add(graph.find_binding(*b));
    for (const auto* r : row.objects.roles) add(graph.find_role(*r));
    for (const auto& [role, rule] : row.objects.rules) add(graph.find_rule(*role, rule));
    for (const auto& s : row.objects.subjects) add(graph.find_subject(s));
  }
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  return render_dot(graph.neighbourhood(seeds), table.statement);
}

}  // namespace rbacq::cli
