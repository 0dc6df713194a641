// SPDX-License-Identifier: Apache-2.0
// Role and ClusterRole: rules, and a ClusterRole's aggregationRule.
#include <fmt/format.h>

#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

PolicyRule read_rule(ObjectReader& r, NodeId node) {
  PolicyRule rule;
  rule.loc = r.loc(node);
  rule.verbs = r.strings(node, "verbs");
  rule.api_groups = r.strings(node, "apiGroups");
  rule.resources = r.strings(node, "resources");
  rule.resource_names = r.strings(node, "resourceNames");
  rule.non_resource_urls = r.strings(node, "nonResourceURLs");
  return rule;
}

LabelSelector read_selector(ObjectReader& r, NodeId node) {
  LabelSelector s;
  s.loc = r.loc(node);
  s.match_labels = r.string_map(node, "matchLabels");
  r.for_each_mapping(node, "matchExpressions", [&](NodeId e) {
    s.match_expressions.push_back({r.string(e, "key"), r.string(e, "operator"), r.strings(e, "values")});
  });
  return s;
}

/// ValidatePolicyRule: what a rule of a Role or ClusterRole must look like to be stored.
void check_rules(ObjectReader& r, const Role& role) {
  for (const PolicyRule& rule : role.rules) {
    if (rule.verbs.empty()) {
      report_invalid(r, rule.loc, "a rule needs 'verbs'; this one grants nothing");
    } else if (!rule.non_resource_urls.empty()) {
      if (!role.cluster) {
        report_invalid(r, rule.loc, "a Role cannot have 'nonResourceURLs' (only ClusterRoles bound by ClusterRoleBindings grant them)");
      } else if (!rule.api_groups.empty() || !rule.resources.empty() || !rule.resource_names.empty()) {
        report_invalid(r, rule.loc, "a rule cannot apply to both resources and 'nonResourceURLs'; write two rules");
      }
    } else if (rule.api_groups.empty() || rule.resources.empty()) {
      report_invalid(r, rule.loc,
                     fmt::format("a rule for resources needs 'apiGroups' and 'resources' ({}); this one grants nothing",
                                 rule.api_groups.empty() ? "apiGroups: [\"\"] is the core group" : "resources is empty"));
    }
  }
}

void read_role(ObjectReader& r, NodeId node, Role& role) {
  r.for_each_mapping(node, "rules", [&](NodeId rule) { role.rules.push_back(read_rule(r, rule)); });
  if (r.ok()) check_rules(r, role);
  if (!role.cluster) return;
  if (const auto agg = r.mapping(node, "aggregationRule")) {
    AggregationRule a;
    a.loc = r.loc(*agg);
    r.for_each_mapping(*agg, "clusterRoleSelectors", [&](NodeId s) { a.selectors.push_back(read_selector(r, s)); });
    role.aggregation = std::move(a);
  }
}

}  // namespace

void decode_role(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  const bool cluster = meta.kind == "ClusterRole";
  Role role{std::move(meta), cluster, {}, {}};
  read_role(r, node, role);
  if (r.ok()) out.add(std::move(role));
}

}  // namespace rbacq::analyzer
