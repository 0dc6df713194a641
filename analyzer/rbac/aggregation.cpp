// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/aggregation.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

namespace rbacq::analyzer::rbac {
namespace {

/// The value of a label (the last one written, as the decoders keep it).
std::optional<std::string_view> label(const Labels& labels, std::string_view key) {
  const auto it = std::find_if(labels.rbegin(), labels.rend(), [&](const auto& kv) { return kv.first == key; });
  if (it == labels.rend()) return std::nullopt;
  return std::string_view(it->second);
}

bool requirement_matches(const LabelSelectorRequirement& req, const Labels& labels) {
  const auto value = label(labels, req.key);
  const auto in_values = [&] { return std::find(req.values.begin(), req.values.end(), *value) != req.values.end(); };
  if (req.op == "In") return value && in_values();
  if (req.op == "NotIn") return !value || !in_values();
  if (req.op == "Exists") return value.has_value();
  if (req.op == "DoesNotExist") return !value;
  return false;
}

std::string_view rule_origin(const PolicyRule& rule, const Role& source) {
  return rule.aggregated_from.empty() ? std::string_view(source.meta.name) : std::string_view(rule.aggregated_from);
}

/// The lists of a rule as one string, for a set of rules seen (semantic equality, in order).
std::string rule_fingerprint(const PolicyRule& rule) {
  std::string out;
  for (const auto* list : {&rule.verbs, &rule.api_groups, &rule.resources, &rule.resource_names, &rule.non_resource_urls}) {
    for (const std::string& item : *list) {
      out += item;
      out += '\0';
    }
    out += '\1';
  }
  return out;
}

/// The rules the controller would write into `target`, from the roles as they are now.
std::vector<PolicyRule> aggregate(const Role& target, const std::vector<const Role*>& by_name) {
  std::vector<PolicyRule> rules;
  std::unordered_set<std::string> seen;
  for (const LabelSelector& selector : target.aggregation->selectors) {
    for (const Role* source : by_name) {
      if (source->meta.name == target.meta.name || !selector_matches(selector, source->meta.labels)) continue;
      for (const PolicyRule& rule : source->rules) {
        if (!seen.insert(rule_fingerprint(rule)).second) continue;
        PolicyRule copy = rule;
        copy.aggregated_from = std::string(rule_origin(rule, *source));
        rules.push_back(std::move(copy));
      }
    }
  }
  return rules;
}

bool same_rules(const std::vector<PolicyRule>& a, const std::vector<PolicyRule>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), semantically_equal) &&
         std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const PolicyRule& x, const PolicyRule& y) { return x.aggregated_from == y.aggregated_from; });
}

}  // namespace

std::string selector_problem(const LabelSelector& selector) {
  for (const auto& req : selector.match_expressions) {
    if (req.op == "In" || req.op == "NotIn") {
      if (req.values.empty()) return fmt::format("operator {} on '{}' needs at least one value", req.op, req.key);
    } else if (req.op == "Exists" || req.op == "DoesNotExist") {
      if (!req.values.empty()) return fmt::format("operator {} on '{}' takes no values", req.op, req.key);
    } else {
      return fmt::format("'{}' is not a selector operator (In, NotIn, Exists, DoesNotExist)", req.op);
    }
  }
  return {};
}

bool selector_matches(const LabelSelector& selector, const Labels& labels) {
  if (!selector_problem(selector).empty()) return false;
  for (const auto& [key, value] : selector.match_labels) {
    if (label(labels, key) != std::optional<std::string_view>(value)) return false;
  }
  return std::all_of(selector.match_expressions.begin(), selector.match_expressions.end(),
                     [&](const LabelSelectorRequirement& req) { return requirement_matches(req, labels); });
}

const LabelSelector* aggregating_selector(const Role& target, const Role& source) {
  if (!target.cluster || !source.cluster || !target.aggregation || source.meta.name == target.meta.name) return nullptr;
  const auto& selectors = target.aggregation->selectors;
  if (std::any_of(selectors.begin(), selectors.end(), [](const LabelSelector& s) { return !selector_problem(s).empty(); })) {
    return nullptr;
  }
  const auto it = std::find_if(selectors.begin(), selectors.end(),
                               [&](const LabelSelector& s) { return selector_matches(s, source.meta.labels); });
  return it == selectors.end() ? nullptr : &*it;
}

bool semantically_equal(const PolicyRule& a, const PolicyRule& b) {
  return a.verbs == b.verbs && a.api_groups == b.api_groups && a.resources == b.resources &&
         a.resource_names == b.resource_names && a.non_resource_urls == b.non_resource_urls;
}

void aggregate_cluster_roles(std::vector<Role>& roles, Diagnostics& diagnostics) {
  std::vector<Role*> targets;
  std::vector<const Role*> by_name;
  for (Role& role : roles) {
    if (!role.cluster) continue;
    by_name.push_back(&role);
    if (!role.aggregation) continue;
    std::string problem;
    for (const LabelSelector& s : role.aggregation->selectors) {
      if (problem = selector_problem(s); !problem.empty()) {
        diagnostics.add("aggregation-selector", Severity::warning, s.loc,
                        fmt::format("invalid aggregation selector in ClusterRole '{}': {}; the aggregation controller "
                                    "cannot sync it, so its rules stay as written",
                                    role.meta.name, problem));
        break;
      }
    }
    if (problem.empty()) targets.push_back(&role);
  }
  if (targets.empty()) return;
  const auto by_role_name = [](const Role* a, const Role* b) { return a->meta.name < b->meta.name; };
  std::stable_sort(by_name.begin(), by_name.end(), by_role_name);
  std::stable_sort(targets.begin(), targets.end(), by_role_name);

  std::vector<std::vector<PolicyRule>> written;
  written.reserve(targets.size());
  for (const Role* t : targets) written.push_back(t->rules);

  // The controller re-syncs every aggregated role whenever any ClusterRole changes, so chains
  // (admin ← edit ← view ← system:aggregate-to-view) converge. A cycle of aggregated roles can
  // keep changing; after as many rounds as there are aggregated roles, that is reported.
  bool changed = true;
  std::size_t rounds = 0;
  for (; changed && rounds <= targets.size() + 1; ++rounds) {
    changed = false;
    for (Role* target : targets) {
      std::vector<PolicyRule> rules = aggregate(*target, by_name);
      if (same_rules(rules, target->rules)) continue;
      target->rules = std::move(rules);
      changed = true;
    }
  }
  if (changed) {
    diagnostics.add("aggregation-cycle", Severity::warning, targets.front()->aggregation->loc,
                    "aggregated ClusterRoles select each other and their rules do not settle; the rules shown are "
                    "those after " + std::to_string(rounds) + " rounds of the aggregation controller");
  }

  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Role& target = *targets[i];
    const bool selects_any =
        std::any_of(by_name.begin(), by_name.end(), [&](const Role* r) { return aggregating_selector(target, *r) != nullptr; });
    if (!selects_any) {
      // Typical of a partial dump (`kubectl get clusterrole admin -o yaml`): the rules are the
      // controller's copy, and the roles they came from are not in the input.
      if (!written[i].empty()) {
        diagnostics.add("aggregation-replaced", Severity::warning, target.aggregation->loc,
                        fmt::format("no ClusterRole in the input matches the aggregationRule of ClusterRole '{}', so the "
                                    "aggregation controller would leave it empty: its {} written rule{} are not counted; add "
                                    "the ClusterRoles it aggregates (or --with-defaults for admin, edit and view)",
                                    target.meta.name, written[i].size(), written[i].size() == 1 ? "" : "s"));
      }
      continue;
    }
    for (const PolicyRule& rule : written[i]) {
      const bool kept = std::any_of(target.rules.begin(), target.rules.end(),
                                    [&](const PolicyRule& r) { return semantically_equal(r, rule); });
      if (kept) continue;
      diagnostics.add("aggregation-replaced", Severity::warning, rule.loc,
                      fmt::format("this rule of ClusterRole '{}' has no effect: the role has an aggregationRule, and the "
                                  "aggregation controller replaces its rules with those of the ClusterRoles it selects",
                                  target.meta.name),
                      {Note{target.aggregation->loc, "the aggregationRule is here"}});
    }
  }
}

}  // namespace rbacq::analyzer::rbac
