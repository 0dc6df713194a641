// SPDX-License-Identifier: Apache-2.0
// rules: every policy rule, with its role (after aggregation).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "analyzer/kept_definitions.hpp"
#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/rule_scope.hpp"
#include "analyzer/rbac/unmatchable.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct RuleItem {
  const analyzer::Role* role = nullptr;
  std::size_t rule = 0;
  const analyzer::catalogue::ApiCatalogue* catalogue = nullptr;  // whether its resources are namespaced
  bool bound = false;     // some binding grants it: see the column
  bool replaced = false;  // a rule of an earlier definition a later one replaced
};

const analyzer::PolicyRule& rule_of(const RuleItem& r) { return r.role->rules[r.rule]; }

const analyzer::ObjectMeta* role_meta(const RuleItem& r) { return &r.role->meta; }

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const RuleItem&)>& visit) {
  // The roles bindings refer to, and where the rules they grant were written: an aggregated
  // copy keeps its source rule's location, so the source rule is granted through the copy.
  std::set<const analyzer::Role*> bound_roles;
  std::set<SourceLocation> granted;
  for (const auto& rb : context.authorizer().bindings()) {
    if (rb.role == nullptr || !bound_roles.insert(rb.role).second) continue;
    for (const auto& rule : rb.role->rules) granted.insert(rule.loc);
  }
  for (const analyzer::Role& role : context.model().roles) {
    const bool role_bound = bound_roles.contains(&role);
    for (std::size_t i = 0; i < role.rules.size(); ++i) {
      const bool bound = role_bound || (role.rules[i].loc.has_position() && granted.contains(role.rules[i].loc));
      if (!visit(RuleItem{&role, i, &context.catalogue(), bound, false})) return;
    }
  }
  // An earlier definition's rules are granted as the definition that replaces it is: bindings
  // refer to a role by name, whichever definition is applied.
  const analyzer::KeptDefinitions kept(context.model());
  for (const analyzer::Role& role : context.model().superseded_roles) {
    const analyzer::Role& current = *kept.of(role);
    // An aggregated ClusterRole's written rules are replaced by the aggregation: they grant nothing.
    const bool bound = !role.aggregation && (bound_roles.contains(&current) || std::any_of(current.rules.begin(), current.rules.end(), [&](const auto& r) {
                         return r.loc.has_position() && granted.contains(r.loc);
                       }));
    for (std::size_t i = 0; i < role.rules.size(); ++i) {
      if (!visit(RuleItem{&role, i, &context.catalogue(), bound, true})) return;
    }
  }
}

std::vector<Evidence> explain(const RuleItem& r) { return {role_evidence(*r.role), rule_evidence(*r.role, r.rule)}; }

RowObjects objects(const RuleItem& r) {
  RowObjects out;
  out.rules = {{r.role, r.rule}};
  out.primary = &r.role->meta;
  out.at = rule_of(r).loc;
  return out;
}

std::vector<ColumnDef<RuleItem>> columns() {
  std::vector<ColumnDef<RuleItem>> c{
      {"role", Type::string, "the role's name", [](const RuleItem& r) -> Value { return Value::borrow(r.role->meta.name); }},
      {"role.kind", Type::string, "the role's kind", [](const RuleItem& r) -> Value { return Value::borrow(analyzer::kind_of(*r.role)); }, {"Role", "ClusterRole"}},
      {"namespace", Type::string, "a Role's namespace, null for a ClusterRole",
       [](const RuleItem& r) -> Value { return r.role->cluster ? Value() : Value::borrow(r.role->meta.namespace_); }},
      {"rule", Type::integer, "the rule's number in its role (1-based)", [](const RuleItem& r) -> Value { return Value::count(r.rule + 1); }},
      {"replaced", Type::boolean, "whether a later definition with the same kind, namespace and name replaces this one (two versions of a manifest): it is "
       "not in the cluster's view, so only rules about each definition see it",
       [](const RuleItem& r) -> Value { return r.replaced; }, {}, true},
      {"namespaced", Type::boolean, kNamespacedDoc,
       [](const RuleItem& r) -> Value { return analyzer::rbac::rule_reaches_namespaces(rule_of(r), *r.catalogue); }},
  };
  for (auto& col : rule_columns<RuleItem, rule_of>()) c.push_back(std::move(col));
  c.push_back({"bound", Type::boolean,
               "whether a binding grants the rule: one refers to its role, or to a ClusterRole whose aggregation copied it (a "
               "replaced definition: as the one that replaces it)",
               [](const RuleItem& r) -> Value { return r.bound; },
               {},
               true});
  c.push_back({"unmatchable", Type::string,
               "what in the rule no request can match, as sentences separated by '; ' (null when none): an empty list, upper-case "
               "verbs or resources, pods/* (not a wildcard), a resource none of its apiGroups serves (deployments in \"\", the "
               "singular pod), a missing subresource, a verb no check asks of its resources — judged against the API resources of "
               "the minor assumed, for groups Kubernetes itself serves",
               [](const RuleItem& r) -> Value {
                 const auto parts = analyzer::rbac::unmatchable_parts(rule_of(r), *r.catalogue);
                 return parts.empty() ? Value() : Value(fmt::format("{}", fmt::join(parts, "; ")));
               },
               {},
               true});
  // The role's metadata: the bootstrap policy's annotation rbac.authorization.kubernetes.io/autoupdate.
  for (auto& col : metadata_columns<RuleItem, role_meta>("the role's")) c.push_back(std::move(col));
  return c;
}

}  // namespace

const Relation& rules() {
  static const TableRelation<RuleItem> relation("rules", "Every rule of every Role and ClusterRole, after aggregation.", columns(),
                                                generate, explain, objects, true);
  return relation;
}

}  // namespace rbacq::query::builtin
