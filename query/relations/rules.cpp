// SPDX-License-Identifier: Apache-2.0
// rules: every policy rule, with its role (after aggregation).
#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/rule_scope.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct RuleItem {
  const analyzer::Role* role = nullptr;
  std::size_t rule = 0;
  const analyzer::catalogue::ApiCatalogue* catalogue = nullptr;  // whether its resources are namespaced
  bool replaced = false;                               // a rule of an earlier definition a later one replaced
};

const analyzer::PolicyRule& rule_of(const RuleItem& r) { return r.role->rules[r.rule]; }

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const RuleItem&)>& visit) {
  for (const auto* roles : {&context.model().roles, &context.model().superseded_roles}) {
    const bool replaced = roles == &context.model().superseded_roles;
    for (const analyzer::Role& role : *roles) {
      for (std::size_t i = 0; i < role.rules.size(); ++i) {
        if (!visit(RuleItem{&role, i, &context.catalogue(), replaced})) return;
      }
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
      {"role", Type::string, "the role's name", [](const RuleItem& r) -> Value { return r.role->meta.name; }},
      {"role.kind",
       Type::string,
       "the role's kind",
       [](const RuleItem& r) -> Value { return analyzer::kind_of(*r.role); },
       {"Role", "ClusterRole"}},
      {"namespace", Type::string, "a Role's namespace, null for a ClusterRole",
       [](const RuleItem& r) -> Value { return r.role->cluster ? Value() : Value(r.role->meta.namespace_); }},
      {"rule", Type::integer, "the rule's number in its role (1-based)",
       [](const RuleItem& r) -> Value { return Value::count(r.rule + 1); }},
      {"replaced",
       Type::boolean,
       "whether a later definition with the same kind, namespace and name replaces this one (two versions of a "
       "manifest): it is not in the cluster's view, so only rules about each definition see it",
       [](const RuleItem& r) -> Value { return r.replaced; },
       {},
       true},
      {"namespaced", Type::boolean, kNamespacedDoc,
       [](const RuleItem& r) -> Value { return analyzer::rbac::rule_reaches_namespaces(rule_of(r), *r.catalogue); }},
  };
  for (auto& col : rule_columns<RuleItem, rule_of>()) c.push_back(std::move(col));
  return c;
}

}  // namespace

const Relation& rules() {
  static const TableRelation<RuleItem> relation("rules", "Every rule of every Role and ClusterRole, after aggregation.",
                                                columns(), generate, explain, objects, true);
  return relation;
}

}  // namespace rbacq::query::builtin
