// SPDX-License-Identifier: Apache-2.0
// secrets: which Secrets exist and what they are for — never their data.
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

using analyzer::Secret;

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const Secret&)>& visit) {
  for (const Secret& s : context.model().secrets) {
    if (!visit(s)) return;
  }
}

std::vector<Evidence> explain(const Secret& s) { return {object_evidence(s.meta)}; }

RowObjects objects(const Secret& s) {
  RowObjects out;
  out.primary = &s.meta;
  out.at = s.meta.loc;
  if (!s.service_account_name.empty()) out.subjects.push_back({"ServiceAccount", s.service_account_name, s.meta.namespace_});
  return out;
}

const analyzer::ObjectMeta* meta_of(const Secret& s) { return &s.meta; }

}  // namespace

const Relation& secrets() {
  static const TableRelation<Secret> relation(
      "secrets", "Every Secret: its name and type, and the ServiceAccount a token Secret belongs to. Never its data.",
      with_columns<Secret>(
          {
          {"name", Type::string, "its name", [](const Secret& s) -> Value { return s.meta.name; }},
          {"namespace", Type::string, "its namespace", [](const Secret& s) -> Value { return s.meta.namespace_; }},
          {"type", Type::string, "its type (Opaque, kubernetes.io/service-account-token, …)", [](const Secret& s) -> Value { return s.type; }},
          {"serviceaccount", Type::string, "the kubernetes.io/service-account.name annotation, else null",
           [](const Secret& s) -> Value { return Value::optional(s.service_account_name); }},
          {"subject", Type::subject, "the ServiceAccount whose token it holds, else null",
           [](const Secret& s) -> Value {
             if (s.service_account_name.empty()) return {};
             return SubjectValue{"ServiceAccount", s.service_account_name, s.meta.namespace_};
           }},
          },
          metadata_columns<Secret, meta_of>()),
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
