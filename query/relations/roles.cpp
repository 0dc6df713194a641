// SPDX-License-Identifier: Apache-2.0
// roles: every Role and ClusterRole, with the union of its rules' lists.
#include <algorithm>
#include <unordered_map>

#include "analyzer/catalogue/default_policy.hpp"
#include "analyzer/kept_definitions.hpp"
#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/aggregation.hpp"
#include "analyzer/rbac/rule_scope.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct RoleItem {
  const analyzer::Role* role = nullptr;
  std::size_t bindings = 0;  // bindings whose roleRef resolves to it
  int minor = 0;             // --k8s-version: whose default policy "default" is about
  const analyzer::catalogue::ApiCatalogue* catalogue = nullptr;  // whether its resources are namespaced
  std::vector<std::string> aggregated_into;  // the ClusterRoles whose aggregationRule selects it
  bool replaced = false;                     // an earlier definition a later one replaced
};

const analyzer::ObjectMeta* meta_of(const RoleItem& r) { return &r.role->meta; }

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const RoleItem&)>& visit) {
  std::unordered_map<const analyzer::Role*, std::size_t> bound;
  for (const auto& rb : context.authorizer().bindings()) {
    if (rb.role != nullptr) ++bound[rb.role];
  }
  std::vector<const analyzer::Role*> aggregating;
  for (const analyzer::Role& role : context.model().roles) {
    if (role.cluster && role.aggregation) aggregating.push_back(&role);
  }
  // The ClusterRoles whose aggregationRule selects `role` by its labels.
  const auto selecting = [&](const analyzer::Role& role) {
    std::vector<std::string> names;
    for (const analyzer::Role* target : aggregating) {
      if (analyzer::rbac::aggregating_selector(*target, role) != nullptr) names.push_back(target->meta.name);
    }
    return names;
  };
  for (const analyzer::Role& role : context.model().roles) {
    const auto it = bound.find(&role);
    if (!visit(RoleItem{&role, it == bound.end() ? 0 : it->second, context.options().k8s_minor, &context.catalogue(), selecting(role), false})) {
      return;
    }
  }
  // Earlier definitions: bindings refer to them by name as to the one that replaces them, and
  // an aggregationRule selects them by their own labels, as it would if they were applied.
  const analyzer::KeptDefinitions kept(context.model());
  for (const analyzer::Role& role : context.model().superseded_roles) {
    const auto it = bound.find(kept.of(role));
    if (!visit(RoleItem{&role, it == bound.end() ? 0 : it->second, context.options().k8s_minor, &context.catalogue(), selecting(role), true})) {
      return;
    }
  }
}

std::vector<Evidence> explain(const RoleItem& r) { return {role_evidence(*r.role)}; }

RowObjects objects(const RoleItem& r) {
  RowObjects out;
  out.roles = {r.role};
  out.primary = &r.role->meta;
  out.at = r.role->meta.loc;
  return out;
}

/// The distinct entries of one list over all rules, in first-seen order.
Value rule_union(const RoleItem& r, std::vector<std::string> analyzer::PolicyRule::*field) {
  std::vector<std::string> out;
  for (const auto& rule : r.role->rules) {
    for (const auto& v : rule.*field) {
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
  }
  return ListValue::own(std::move(out));
}

}  // namespace

const Relation& roles() {
  static const TableRelation<RoleItem> relation(
      "roles", "Every Role and ClusterRole (after aggregation). rule.* columns hold what any of its rules lists.",
      with_columns<RoleItem>(
          {
          {"name", Type::string, "the role's name", [](const RoleItem& r) -> Value { return Value::borrow(r.role->meta.name); }},
          {"kind", Type::string, "the role's kind", [](const RoleItem& r) -> Value { return Value::borrow(analyzer::kind_of(*r.role)); }, {"Role", "ClusterRole"}},
          {"namespace", Type::string, "a Role's namespace, null for a ClusterRole",
           [](const RoleItem& r) -> Value { return r.role->cluster ? Value() : Value::borrow(r.role->meta.namespace_); }},
          {"rules", Type::integer, "how many rules it has", [](const RoleItem& r) -> Value { return Value::count(r.role->rules.size()); }},
          {"aggregated", Type::boolean, "whether it has an aggregationRule (its rules are the aggregation's)",
           [](const RoleItem& r) -> Value { return r.role->aggregation.has_value(); }},
          {"bound", Type::boolean, "whether a binding refers to it (by kind, namespace and name: the same for every definition of it)", [](const RoleItem& r) -> Value { return r.bindings != 0; }},
          {"bindings", Type::integer, "how many bindings refer to it", [](const RoleItem& r) -> Value { return Value::count(r.bindings); }},
          {"replaced", Type::boolean, "whether a later definition with the same kind, namespace and name replaces this one (two versions of a manifest): "
           "it is not in the cluster's view, so only rules about each definition see it",
           [](const RoleItem& r) -> Value { return r.replaced; }, {}, true},
          {"aggregated_into", Type::list,
           "the ClusterRoles whose aggregationRule selects it: whoever is bound to them holds its rules too",
           [](const RoleItem& r) -> Value { return ListValue::own(r.aggregated_into); },  // owned: the item does not outlive the scan
           {},
           true},
          {"default", Type::boolean, "whether it is one of the default roles of the Kubernetes minor assumed (by name)",
           [](const RoleItem& r) -> Value {
             return analyzer::catalogue::is_default_role(r.minor, r.role->cluster, r.role->meta.namespace_, r.role->meta.name);
           }},
          {"rule.verbs", Type::list, "every verb of any rule", [](const RoleItem& r) { return rule_union(r, &analyzer::PolicyRule::verbs); }},
          {"rule.api_groups", Type::list, "every apiGroup of any rule",
           [](const RoleItem& r) { return rule_union(r, &analyzer::PolicyRule::api_groups); }},
          {"rule.resources", Type::list, "every resource of any rule",
           [](const RoleItem& r) { return rule_union(r, &analyzer::PolicyRule::resources); }},
          {"rule.resource_names", Type::list, "every resourceName of any rule",
           [](const RoleItem& r) { return rule_union(r, &analyzer::PolicyRule::resource_names); }},
          {"rule.urls", Type::list, "every nonResourceURL of any rule",
           [](const RoleItem& r) { return rule_union(r, &analyzer::PolicyRule::non_resource_urls); }},
          {"namespaced", Type::boolean, kNamespacedDoc,
           [](const RoleItem& r) -> Value {
             return std::any_of(r.role->rules.begin(), r.role->rules.end(),
                                [&](const analyzer::PolicyRule& rule) { return analyzer::rbac::rule_reaches_namespaces(rule, *r.catalogue); });
           }}},
          metadata_columns<RoleItem, meta_of>()),
      generate, explain, objects, true);
  return relation;
}

}  // namespace rbacq::query::builtin
