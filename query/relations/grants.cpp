// SPDX-License-Identifier: Apache-2.0
// grants: what the bindings say, one row per subject × binding × rule of its role.
#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

using analyzer::rbac::ResolvedBinding;

struct GrantItem {
  const ResolvedBinding* resolved;
  std::size_t subject;
  std::size_t rule;
  int minor;  // --k8s-version: whose default policy names the components
  [[nodiscard]] const analyzer::Binding& binding() const { return *resolved->binding; }
  [[nodiscard]] const analyzer::Role& role() const { return *resolved->role; }
};

const analyzer::PolicyRule& rule_of(const GrantItem& g) { return g.role().rules[g.rule]; }

const analyzer::ObjectMeta* binding_meta(const GrantItem& g) { return &g.binding().meta; }

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const GrantItem&)>& visit) {
  for (const ResolvedBinding& rb : context.authorizer().bindings()) {
    if (rb.role == nullptr) continue;
    for (std::size_t s = 0; s < rb.binding->subjects.size(); ++s) {
      for (std::size_t r = 0; r < rb.role->rules.size(); ++r) {
        if (!visit(GrantItem{&rb, s, r, context.options().k8s_minor})) return;
      }
    }
  }
}

std::vector<Evidence> explain(const GrantItem& g) {
  return grant_notes(analyzer::rbac::Grant{g.resolved, g.subject, g.rule});
}

RowObjects objects(const GrantItem& g) {
  RowObjects out;
  out.bindings = {&g.binding()};
  out.rules = {{&g.role(), g.rule}};
  out.subjects = {analyzer::rbac::subject_key(g.binding(), g.subject)};
  out.primary = &g.binding().meta;  // the binding gives the rule to the subject
  out.at = g.binding().subjects[g.subject].loc;
  return out;
}

std::vector<ColumnDef<GrantItem>> columns() {
  std::vector<ColumnDef<GrantItem>> c{
      {"subject", Type::subject, "the subject, as the binding names it (a ServiceAccount's namespace defaulted)",
       [](const GrantItem& g) -> Value { return to_subject(analyzer::rbac::subject_key(g.binding(), g.subject)); }},
      {"subject.kind", Type::string, "the subject's kind, as written",
       [](const GrantItem& g) -> Value { return Value::borrow(g.binding().subjects[g.subject].kind); }, {"User", "Group", "ServiceAccount"}},
      {"subject.name", Type::string, "the subject's name", [](const GrantItem& g) -> Value { return Value::borrow(g.binding().subjects[g.subject].name); }},
      {"subject.namespace", Type::string, "a ServiceAccount's namespace, else null",
       [](const GrantItem& g) -> Value { return Value::optional(analyzer::rbac::subject_key(g.binding(), g.subject).namespace_); }},
      {"subject.system", Type::boolean,
       "whether the subject is one of Kubernetes' own components, whose permissions the default policy decides: a user or group "
       "named system:* other than system:anonymous and the groups everyone of a kind is in (system:authenticated, "
       "system:unauthenticated, system:serviceaccounts[:NS]), or a ServiceAccount the default policy of the minor binds "
       "(kube-system's controllers)",
       [](const GrantItem& g) -> Value {
         const auto key = analyzer::rbac::subject_key(g.binding(), g.subject);
         return analyzer::rbac::is_system_component(key.kind, key.name, key.namespace_, g.minor);
       },
       {},
       true},
      {"binding", Type::string, "the binding's name", [](const GrantItem& g) -> Value { return Value::borrow(g.binding().meta.name); }},
      {"binding.kind", Type::string, "the binding's kind", [](const GrantItem& g) -> Value { return Value::borrow(analyzer::kind_of(g.binding())); },
       {"RoleBinding", "ClusterRoleBinding"}},
      {"namespace", Type::string, "where it grants: the RoleBinding's namespace, null for a ClusterRoleBinding (everywhere)",
       [](const GrantItem& g) -> Value { return Value::borrow_optional(analyzer::rbac::binding_namespace(g.binding())); }},
      {"scope", Type::string, "cluster-wide, or the namespace it grants in",
       [](const GrantItem& g) -> Value { return Value::borrow(g.binding().cluster ? std::string_view("cluster-wide") : std::string_view(g.binding().meta.namespace_)); }},
      {"role", Type::string, "the role's name", [](const GrantItem& g) -> Value { return Value::borrow(g.role().meta.name); }},
      {"role.kind", Type::string, "the role's kind", [](const GrantItem& g) -> Value { return Value::borrow(analyzer::kind_of(g.role())); }, {"Role", "ClusterRole"}},
      {"role.unrestricted", Type::boolean, kUnrestrictedDoc, [](const GrantItem& g) -> Value { return allows_everything(g.role()); }, {}, true},
      {"rule", Type::integer, "the rule's number in its role (1-based, after aggregation)",
       [](const GrantItem& g) -> Value { return Value::count(g.rule + 1); }},
  };
  for (auto& col : rule_columns<GrantItem, rule_of>()) c.push_back(std::move(col));
  // The binding's metadata: it is the object a grant is about (the bootstrap policy's annotation
  // rbac.authorization.kubernetes.io/autoupdate, a suppression).
  for (auto& col : metadata_columns<GrantItem, binding_meta>("the binding's")) c.push_back(std::move(col));
  return c;
}

}  // namespace

const Relation& grants() {
  static const TableRelation<GrantItem> relation(
      "grants",
      "What the bindings grant: one row per subject × binding × rule of the bound role. Rows are what bindings say; "
      "what a subject can do through its groups as well is `what can SUBJECT`. Bindings whose role is not defined have no rows.",
      columns(), generate, explain, objects, true);
  return relation;
}

}  // namespace rbacq::query::builtin
