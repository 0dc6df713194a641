// SPDX-License-Identifier: Apache-2.0
// subjects: every subject a binding names, every ServiceAccount defined, and every
// ServiceAccount a workload runs as.
#include <map>

#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "analyzer/service_accounts.hpp"
#include "analyzer/workloads.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct SubjectItem {
  SubjectValue subject;
  std::size_t bindings = 0;  // binding subjects that name it
  std::vector<Evidence> evidence;
  std::optional<bool> exists;  // ServiceAccounts only: defined (or the namespace's default)
  const analyzer::ObjectMeta* primary = nullptr;  // its ServiceAccount, else the first binding naming it
  SourceLocation at;
};

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const SubjectItem&)>& visit) {
  std::map<SubjectValue, SubjectItem> items;
  const auto item = [&](SubjectValue s) -> SubjectItem& {
    auto [it, added] = items.try_emplace(s);
    if (added) {
      it->second.subject = std::move(s);
      if (it->second.subject.kind == "ServiceAccount") it->second.exists = analyzer::created_by_kubernetes(it->second.subject.namespace_, it->second.subject.name, nullptr);
    }
    return it->second;
  };
  for (const auto& rb : context.authorizer().bindings()) {
    const analyzer::Binding& b = *rb.binding;
    for (std::size_t i = 0; i < b.subjects.size(); ++i) {
      SubjectItem& s = item(to_subject(analyzer::rbac::subject_key(b, i)));
      ++s.bindings;
      if (s.exists && !*s.exists) s.exists = analyzer::created_by_kubernetes(s.subject.namespace_, s.subject.name, &b);
      if (s.evidence.size() < kEvidencePerRow) s.evidence.push_back(named_by(b, i));
      if (s.primary == nullptr) {
        s.primary = &b.meta;
        s.at = b.subjects[i].loc;
      }
    }
  }
  for (const analyzer::ServiceAccount& sa : context.model().service_accounts) {
    SubjectItem& s = item({"ServiceAccount", sa.meta.name, sa.meta.namespace_});
    s.exists = true;
    s.evidence.insert(s.evidence.begin(), object_evidence(sa.meta));
    s.primary = &sa.meta;
    s.at = sa.meta.loc;
  }
  for (const analyzer::Workload& w : context.model().workloads) {
    const std::string* account = analyzer::service_account_of(w);
    if (account == nullptr) continue;  // a mirror pod runs as no one
    SubjectItem& s = item({"ServiceAccount", *account, w.meta.namespace_});
    if (s.evidence.size() < kEvidencePerRow) s.evidence.push_back(run_by(w));
  }
  for (const auto& [key, value] : items) {
    if (!visit(value)) return;
  }
}

std::vector<Evidence> explain(const SubjectItem& s) { return s.evidence; }

RowObjects objects(const SubjectItem& s) {
  RowObjects out;
  out.subjects = {{s.subject.kind, s.subject.name, s.subject.namespace_}};
  out.primary = s.primary;
  out.at = s.at;
  return out;
}

}  // namespace

const Relation& subjects() {
  static const TableRelation<SubjectItem> relation(
      "subjects", "Every subject a binding names, every ServiceAccount defined, and every ServiceAccount a workload runs as.",
      {
          {"subject", Type::subject, "the subject", [](const SubjectItem& s) -> Value { return s.subject; }},
          {"kind", Type::string, "the subject's kind", [](const SubjectItem& s) -> Value { return s.subject.kind; }, {"User", "Group", "ServiceAccount"}},
          {"name", Type::string, "its name", [](const SubjectItem& s) -> Value { return s.subject.name; }},
          {"namespace", Type::string, "a ServiceAccount's namespace, else null",
           [](const SubjectItem& s) -> Value { return Value::optional(s.subject.namespace_); }},
          {"bindings", Type::integer, "how many binding subjects name it", [](const SubjectItem& s) -> Value { return Value::count(s.bindings); }},
          {"exists", Type::boolean,
           "ServiceAccounts: defined in the input, named 'default' (every namespace has one), or a kube-system account of the "
           "default policy (--with-defaults), which kube-controller-manager creates; null for users and groups, which "
           "Kubernetes does not store",
           [](const SubjectItem& s) -> Value { return s.exists ? Value(*s.exists) : Value(); }},
          {"privileged", Type::boolean, "whether it is group system:masters, allowed everything before RBAC",
           [](const SubjectItem& s) -> Value { return s.subject.kind == "Group" && s.subject.name == analyzer::rbac::kPrivilegedGroup; }},
      },
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
