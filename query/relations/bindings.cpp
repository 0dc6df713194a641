// SPDX-License-Identifier: Apache-2.0
// bindings: one row per binding × subject (a binding without subjects: one row, subject null).
#include <algorithm>

#include "analyzer/catalogue/default_policy.hpp"
#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/rule_scope.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

using analyzer::rbac::ResolvedBinding;

constexpr std::size_t kNoSubject = static_cast<std::size_t>(-1);

struct BindingItem {
  const ResolvedBinding* resolved = nullptr;
  std::size_t subject = kNoSubject;                              // kNoSubject: the binding has none
  const analyzer::catalogue::ApiCatalogue* catalogue = nullptr;  // whether its role's resources are namespaced
  bool replaced = false;                                         // an earlier definition a later one replaced
  [[nodiscard]] const analyzer::Binding& binding() const { return *resolved->binding; }
  [[nodiscard]] const analyzer::Subject* subject_ptr() const {
    return subject == kNoSubject ? nullptr : &resolved->binding->subjects[subject];
  }
};

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const BindingItem&)>& visit) {
  const auto visit_all = [&](const ResolvedBinding& rb, bool replaced) {
    if (rb.binding->subjects.empty()) return visit(BindingItem{&rb, kNoSubject, &context.catalogue(), replaced});
    for (std::size_t s = 0; s < rb.binding->subjects.size(); ++s) {
      if (!visit(BindingItem{&rb, s, &context.catalogue(), replaced})) return false;
    }
    return true;
  };
  for (const ResolvedBinding& rb : context.authorizer().bindings()) {
    if (!visit_all(rb, false)) return;
  }
  // Earlier definitions, with their roleRef resolved as the authorizer would have.
  for (const analyzer::Binding& b : context.model().superseded_bindings) {
    if (!visit_all(context.authorizer().resolve(b), true)) return;
  }
}

std::vector<Evidence> explain(const BindingItem& b) { return binding_evidence(*b.resolved, b.subject); }

RowObjects objects(const BindingItem& b) {
  RowObjects out;
  out.bindings.push_back(&b.binding());
  out.primary = &b.binding().meta;
  out.at = b.binding().meta.loc;
  if (b.subject != kNoSubject) {
    out.subjects.push_back(analyzer::rbac::subject_key(b.binding(), b.subject));
    out.at = b.binding().subjects[b.subject].loc;
  }
  return out;
}

Value subject_text(const BindingItem& b, std::string analyzer::Subject::*field) {
  const analyzer::Subject* s = b.subject_ptr();
  return s == nullptr ? Value() : Value(s->*field);
}

const analyzer::ObjectMeta* meta_of(const BindingItem& b) { return &b.binding().meta; }

}  // namespace

const Relation& bindings() {
  static const TableRelation<BindingItem> relation(
      "bindings", "Every RoleBinding and ClusterRoleBinding, one row per subject (a binding without subjects: one row, subject null).",
      with_columns<BindingItem>(
          {
          {"name", Type::string, "the binding's name", [](const BindingItem& b) -> Value { return Value::borrow(b.binding().meta.name); }},
          {"kind", Type::string, "the binding's kind", [](const BindingItem& b) -> Value { return Value::borrow(analyzer::kind_of(b.binding())); },
           {"RoleBinding", "ClusterRoleBinding"}},
          {"namespace", Type::string, "a RoleBinding's namespace, null for a ClusterRoleBinding",
           [](const BindingItem& b) -> Value { return Value::borrow_optional(analyzer::rbac::binding_namespace(b.binding())); }},
          {"subject", Type::subject, "the subject (a ServiceAccount's namespace defaulted to the binding's), null when none",
           [](const BindingItem& b) -> Value {
             return b.subject == kNoSubject ? Value() : Value(to_subject(analyzer::rbac::subject_key(b.binding(), b.subject)));
           }},
          {"subject.kind", Type::string, "the subject's kind, as written",
           [](const BindingItem& b) -> Value { return subject_text(b, &analyzer::Subject::kind); }, {"User", "Group", "ServiceAccount"}},
          {"subject.name", Type::string, "the subject's name", [](const BindingItem& b) -> Value { return subject_text(b, &analyzer::Subject::name); }},
          {"subject.api_group", Type::string, "the subject's apiGroup, as written (rbac.authorization.k8s.io for users and groups, \"\" "
           "for service accounts; empty is defaulted so)",
           [](const BindingItem& b) -> Value { return subject_text(b, &analyzer::Subject::api_group); },
           {},
           true},
          {"subject.namespace", Type::string, "a ServiceAccount subject's namespace (defaulted), else null",
           [](const BindingItem& b) -> Value {
             return b.subject == kNoSubject ? Value() : Value::optional(analyzer::rbac::subject_key(b.binding(), b.subject).namespace_);
           }},
          {"subject.system", Type::boolean,
           "whether the subject is one of Kubernetes' own components, whose permissions the default policy decides: a user or group "
           "named system:* other than system:anonymous and the groups everyone of a kind is in (system:authenticated, "
           "system:unauthenticated, system:serviceaccounts[:NS]), or a ServiceAccount the default policy of the minor binds "
           "(kube-system's controllers); null when the binding has no subject",
           [](const BindingItem& b) -> Value {
             const analyzer::Subject* s = b.subject_ptr();
             if (s == nullptr) return {};
             const auto key = analyzer::rbac::subject_key(b.binding(), b.subject);
             return analyzer::rbac::is_system_component(key.kind, key.name, key.namespace_, b.catalogue->minor());
           },
           {},
           true},
          {"subjects", Type::integer, "how many subjects the binding has",
           [](const BindingItem& b) -> Value { return Value::count(b.binding().subjects.size()); }},
          {"role", Type::string, "the roleRef's name", [](const BindingItem& b) -> Value { return Value::borrow(b.binding().role_ref.name); }},
          {"role.kind", Type::string, "the roleRef's kind, as written", [](const BindingItem& b) -> Value { return Value::borrow(b.binding().role_ref.kind); },
           {"Role", "ClusterRole"}},
          {"role.api_group", Type::string, "the roleRef's apiGroup, as written (it must be rbac.authorization.k8s.io)",
           [](const BindingItem& b) -> Value { return Value::borrow(b.binding().role_ref.api_group); },
           {},
           true},
          {"role.default", Type::boolean,
           "whether the roleRef names one of the default roles of the Kubernetes minor assumed (by kind and name), whether or "
           "not the input or --with-defaults defines it",
           [](const BindingItem& b) -> Value {
             const analyzer::RoleRef& ref = b.binding().role_ref;
             return analyzer::catalogue::is_default_role(b.catalogue->minor(), ref.kind == "ClusterRole", b.binding().meta.namespace_, ref.name);
           },
           {},
           true},
          {"replaced", Type::boolean, "whether a later definition with the same kind, namespace and name replaces this one (two versions of a manifest): it "
           "is not in the cluster's view, so only rules about each definition see it",
           [](const BindingItem& b) -> Value { return b.replaced; }, {}, true},
          {"role.exists", Type::boolean, "whether the role it refers to is defined (else it grants nothing, for now)",
           [](const BindingItem& b) -> Value { return b.resolved->role != nullptr; }},
          {"role.unrestricted", Type::boolean, std::string(kUnrestrictedDoc) + "; null when the role is missing",
           [](const BindingItem& b) -> Value { return b.resolved->role == nullptr ? Value() : Value(allows_everything(*b.resolved->role)); },
           {},
           true},
          {"role.namespaced", Type::boolean,
           "whether its role can grant anything through a RoleBinding (see roles.namespaced); null when the role is missing",
           [](const BindingItem& b) -> Value {
             if (b.resolved->role == nullptr) return {};
             return std::any_of(b.resolved->role->rules.begin(), b.resolved->role->rules.end(),
                                [&](const analyzer::PolicyRule& rule) { return analyzer::rbac::rule_reaches_namespaces(rule, *b.catalogue); });
           }},
          },
          metadata_columns<BindingItem, meta_of>()),
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
