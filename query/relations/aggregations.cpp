// SPDX-License-Identifier: Apache-2.0
// aggregations: which ClusterRole an aggregationRule pulls into which — the edges view → edit →
// admin included, and selected roles that have no rules (they add nothing, yet).
#include "analyzer/rbac/aggregation.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct AggregationItem {
  const analyzer::Role* aggregated;  // the ClusterRole with the aggregationRule
  const analyzer::Role* selected;    // a ClusterRole its selectors match
  const analyzer::LabelSelector* selector;
  std::size_t selector_index;
};

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const AggregationItem&)>& visit) {
  const auto& roles = context.model().roles;
  for (const analyzer::Role& target : roles) {
    if (!target.cluster || !target.aggregation) continue;
    for (const analyzer::Role& source : roles) {
      const analyzer::LabelSelector* selector = analyzer::rbac::aggregating_selector(target, source);
      if (selector == nullptr) continue;
      const auto& selectors = target.aggregation->selectors;
      const auto index = static_cast<std::size_t>(selector - selectors.data());
      if (!visit(AggregationItem{&target, &source, selector, index})) return;
    }
  }
}

/// The selector as written: `matchLabels {k=v}`, `k In (a, b)`.
std::string selector_text(const analyzer::LabelSelector& s) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : s.match_labels) parts.push_back(fmt::format("{}={}", k, v));
  for (const auto& e : s.match_expressions) {
    parts.push_back(e.values.empty() ? fmt::format("{} {}", e.key, e.op) : fmt::format("{} {} ({})", e.key, e.op, fmt::join(e.values, ", ")));
  }
  return parts.empty() ? std::string("{} (every ClusterRole)") : fmt::format("{}", fmt::join(parts, ", "));
}

/// How many of the selected role's own rules (not the ones it aggregated) it adds.
std::size_t own_rules(const analyzer::Role& role) {
  return static_cast<std::size_t>(
      std::count_if(role.rules.begin(), role.rules.end(), [](const analyzer::PolicyRule& r) { return r.aggregated_from.empty(); }));
}

std::vector<Evidence> explain(const AggregationItem& a) {
  return {{a.selector->loc, fmt::format("selector {} of ClusterRole {} selects ClusterRole {}", a.selector_index + 1, a.aggregated->meta.name,
                                        a.selected->meta.name)},
          role_evidence(*a.selected)};
}

RowObjects objects(const AggregationItem& a) {
  RowObjects out;
  out.roles = {a.aggregated, a.selected};
  out.primary = &a.selected->meta;  // the role whose labels pull it in
  out.at = a.selected->meta.loc;
  return out;
}

}  // namespace

const Relation& aggregations() {
  static const TableRelation<AggregationItem> relation(
      "aggregations",
      "Which ClusterRole each aggregationRule pulls in: one row per aggregated ClusterRole × ClusterRole its selectors match, roles "
      "without rules included. Chains (view → edit → admin) are rows of their own.",
      {
          {"role", Type::string, "the ClusterRole with the aggregationRule", [](const AggregationItem& a) -> Value { return a.aggregated->meta.name; }},
          {"selected", Type::string, "a ClusterRole it aggregates", [](const AggregationItem& a) -> Value { return a.selected->meta.name; }},
          {"selector", Type::string, "the first of its selectors that matches (matchLabels and matchExpressions)",
           [](const AggregationItem& a) -> Value { return selector_text(*a.selector); }},
          {"rules", Type::integer, "how many rules of its own the selected role adds (0: none yet)",
           [](const AggregationItem& a) -> Value { return Value::count(own_rules(*a.selected)); }},
          {"selected.aggregated", Type::boolean, "whether the selected role aggregates others itself (a chain)",
           [](const AggregationItem& a) -> Value { return a.selected->aggregation.has_value(); }},
      },
      generate, explain, objects, true);
  return relation;
}

}  // namespace rbacq::query::builtin
