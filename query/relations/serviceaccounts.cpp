// SPDX-License-Identifier: Apache-2.0
// serviceaccounts: every ServiceAccount defined, bound or used by a workload — the ones bound
// but not defined are waiting for whoever creates them first.
#include <map>
#include <set>

#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "analyzer/service_accounts.hpp"
#include "analyzer/workloads.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct AccountItem {
  std::string namespace_;
  std::string name;
  const analyzer::ServiceAccount* defined = nullptr;
  std::size_t bindings = 0;
  std::size_t workloads = 0;
  bool created_by_kubernetes = false;  // see created_by_kubernetes(): nobody can squat these
  bool namespace_defined = false;      // a Namespace object of the input defines its namespace
  bool system = false;                 // one of the default policy's accounts (is_system_component)
  std::vector<Evidence> evidence;
  const analyzer::ObjectMeta* primary = nullptr;  // the ServiceAccount, else the first binding naming it
  SourceLocation at;
};

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const AccountItem&)>& visit) {
  std::map<std::pair<std::string, std::string>, AccountItem> items;
  std::set<std::string, std::less<>> defined_namespaces;
  for (const analyzer::Namespace& n : context.model().namespaces) defined_namespaces.insert(n.meta.name);
  const auto item = [&](const std::string& ns, const std::string& name) -> AccountItem& {
    auto [it, added] = items.try_emplace({ns, name});
    if (added) {
      it->second.namespace_ = ns;
      it->second.name = name;
      it->second.created_by_kubernetes = analyzer::created_by_kubernetes(ns, name, nullptr);
      it->second.namespace_defined = defined_namespaces.contains(ns);
      it->second.system = analyzer::rbac::is_system_component("ServiceAccount", name, ns, context.options().k8s_minor);
    }
    return it->second;
  };
  for (const analyzer::ServiceAccount& sa : context.model().service_accounts) {
    AccountItem& a = item(sa.meta.namespace_, sa.meta.name);
    a.defined = &sa;
    a.evidence.insert(a.evidence.begin(), object_evidence(sa.meta));
    a.primary = &sa.meta;
    a.at = sa.meta.loc;
  }
  for (const auto& rb : context.authorizer().bindings()) {
    const analyzer::Binding& b = *rb.binding;
    for (std::size_t i = 0; i < b.subjects.size(); ++i) {
      const auto key = analyzer::rbac::subject_key(b, i);
      if (key.kind != "ServiceAccount" || key.namespace_.empty()) continue;
      AccountItem& a = item(key.namespace_, key.name);
      ++a.bindings;
      a.created_by_kubernetes = a.created_by_kubernetes || analyzer::created_by_kubernetes(key.namespace_, key.name, &b);
      if (a.evidence.size() < kEvidencePerRow) a.evidence.push_back(named_by(b, i));
      if (a.primary == nullptr) {
        a.primary = &b.meta;
        a.at = b.subjects[i].loc;
      }
    }
  }
  for (const analyzer::Workload& w : context.model().workloads) {
    const std::string* account = analyzer::service_account_of(w);
    if (account == nullptr) continue;  // a mirror pod runs as no one
    AccountItem& a = item(w.meta.namespace_, *account);
    ++a.workloads;
    if (a.evidence.size() < kEvidencePerRow) a.evidence.push_back(run_by(w));
    if (a.primary == nullptr) {
      a.primary = &w.meta;
      a.at = w.pod.loc;
    }
  }
  for (const auto& [key, value] : items) {
    if (!visit(value)) return;
  }
}

std::vector<Evidence> explain(const AccountItem& a) { return a.evidence; }

RowObjects objects(const AccountItem& a) {
  RowObjects out;
  out.subjects = {{"ServiceAccount", a.name, a.namespace_}};
  out.primary = a.primary;
  out.at = a.at;
  return out;
}

const analyzer::ObjectMeta* meta_of(const AccountItem& a) { return a.defined == nullptr ? nullptr : &a.defined->meta; }

}  // namespace

const Relation& serviceaccounts() {
  static const TableRelation<AccountItem> relation(
      "serviceaccounts",
      "Every ServiceAccount defined, named by a binding, or run as by a workload. `not exists and bound`: bound to a role "
      "but not defined, so whoever creates it first gets the role (name squatting).",
      with_columns<AccountItem>(
          {
          {"subject", Type::subject, "sa:NAMESPACE/NAME", [](const AccountItem& a) -> Value { return SubjectValue{"ServiceAccount", a.name, a.namespace_}; }},
          {"name", Type::string, "its name", [](const AccountItem& a) -> Value { return a.name; }},
          {"namespace", Type::string, "its namespace", [](const AccountItem& a) -> Value { return a.namespace_; }},
          {"exists", Type::boolean,
           "defined in the input, named 'default' (every namespace has one), or a kube-system account of the default policy "
           "(--with-defaults), which kube-controller-manager creates",
           [](const AccountItem& a) -> Value { return a.defined != nullptr || a.created_by_kubernetes; }},
          {"namespace.exists", Type::boolean,
           "whether a Namespace object of the input defines its namespace: then the input shows the namespace, and an account "
           "it binds but does not define is missing rather than elsewhere",
           [](const AccountItem& a) -> Value { return a.namespace_defined; },
           {},
           true},
          {"system", Type::boolean,
           "whether it is the account of one of Kubernetes' own components: a ServiceAccount the default policy of the minor "
           "binds (kube-system's controllers, which kube-controller-manager creates)",
           [](const AccountItem& a) -> Value { return a.system; },
           {},
           true},
          {"defined", Type::boolean, "defined in the input", [](const AccountItem& a) -> Value { return a.defined != nullptr; }},
          {"bound", Type::boolean, "named by a binding's subject", [](const AccountItem& a) -> Value { return a.bindings != 0; }},
          {"bindings", Type::integer, "how many binding subjects name it", [](const AccountItem& a) -> Value { return Value::count(a.bindings); }},
          {"workloads", Type::integer, "how many pods and pod controllers run as it",
           [](const AccountItem& a) -> Value { return Value::count(a.workloads); }},
          {"automount", Type::boolean, "its automountServiceAccountToken, null when not set or not defined",
           [](const AccountItem& a) -> Value {
             return a.defined != nullptr && a.defined->automount_token ? Value(*a.defined->automount_token) : Value();
           }},
          {"secrets", Type::list, "the Secrets it lists (.secrets)",
           [](const AccountItem& a) -> Value { return a.defined != nullptr ? Value(ListValue::borrow(a.defined->secrets)) : Value(ListValue()); }},
          },
          metadata_columns<AccountItem, meta_of>()),
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
