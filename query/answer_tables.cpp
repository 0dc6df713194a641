// SPDX-License-Identifier: Apache-2.0
#include "query/answer_tables.hpp"

#include <algorithm>

#include "analyzer/rbac/subject_match.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query {
namespace {

using analyzer::rbac::Grant;
using analyzer::rbac::Via;

Value via_value(Via via) {
  switch (via) {
    case Via::rbac: return "rbac";
    case Via::privileged_group: return "privileged-group";
    case Via::none: break;
  }
  return {};
}

void add_errors(ResultTable& table, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors) {
  for (const auto* e : errors) {
    if (std::find(table.errors.begin(), table.errors.end(), e) == table.errors.end()) table.errors.push_back(e);
  }
}

/// The binding, rule and subject of each grant, and the bindings whose role is missing.
RowObjects objects_of(const std::vector<Grant>& grants, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors = {}) {
  RowObjects out;
  for (const Grant& g : grants) {
    out.bindings.push_back(&g.binding());
    out.rules.emplace_back(&g.role(), g.rule);
    out.subjects.push_back(analyzer::rbac::subject_key(g.binding(), g.subject));
  }
  for (const auto* e : errors) out.bindings.push_back(e->binding);
  if (!grants.empty()) {
    out.primary = &grants.front().binding().meta;  // the binding that gives it
    out.at = grants.front().binding().subjects[grants.front().subject].loc;
  }
  return out;
}

std::vector<Evidence> grants_evidence(const std::vector<Grant>& grants) {
  std::vector<Evidence> out;
  for (const Grant& g : grants) {
    for (auto& n : grant_notes(g)) out.push_back(std::move(n));
  }
  return out;
}

/// A row about a subject alone (system:masters, allowed before any binding).
RowObjects subject_objects(const analyzer::rbac::SubjectKey& subject) {
  RowObjects out;
  out.subjects = {subject};
  return out;
}

/// A table with the schema's columns.
ResultTable table_of(const Schema& schema) {
  ResultTable table;
  for (const ColumnInfo& c : schema.columns) table.columns.push_back({c.name, c.type, c.hidden});
  return table;
}

}  // namespace

ResultTable tabulate(const std::vector<CanAnswer>& answers) {
  ResultTable table = table_of(can_schema());
  for (const CanAnswer& a : answers) {
    const auto& r = a.request;
    ResultRow row;
    std::string reason = a.decision.reason();
    if (reason.empty()) reason = "no RBAC rule of a binding that applies allows it";
    row.values = {a.decision.allowed(), r.verb, resource_text(r), Value::optional(r.name), Value::optional(r.namespace_),
                  via_value(a.decision.via), std::move(reason)};
    if (a.decision.via == Via::privileged_group) row.evidence.push_back(privileged_evidence());
    for (auto& e : grants_evidence(a.decision.grants)) row.evidence.push_back(std::move(e));
    for (const auto& miss : a.near_misses) row.near_misses.push_back(near_miss_evidence(miss, r));
    row.objects = objects_of(a.decision.grants, a.decision.errors);
    for (const auto& n : a.notes) add_note(table.notes, n);
    add_errors(table, a.decision.errors);
    table.rows.push_back(std::move(row));
  }
  return table;
}

ResultTable tabulate(const WhoCanAnswers& answers) {
  ResultTable table = table_of(who_can_schema());
  table.notes = answers.notes;
  const auto members = [&](const analyzer::rbac::SubjectKey& s) -> std::optional<analyzer::rbac::GroupMembers> {
    if (s.kind != "Group") return std::nullopt;
    const auto it = answers.groups.find(s.name);
    return it == answers.groups.end() ? std::nullopt : std::optional(it->second);
  };
  for (const WhoCanAnswer& a : answers.answers) {
    add_errors(table, a.result.errors);
    const auto add = [&](const analyzer::rbac::WhoCanResult& result, bool named) {
      for (const auto& s : result.subjects) {
        if (s.privileged) {
          ResultRow row{{builtin::to_subject(s.subject), a.request.verb, Value(), "privileged-group", Value(), Value(), Value(), ListValue(),
                         s.subject.kind, s.subject.name, Value::optional(s.subject.namespace_)},
                        {privileged_evidence()}, {}, members(s.subject), subject_objects(s.subject)};
          table.rows.push_back(std::move(row));
        }
        for (const Grant& g : s.grants) {
          ResultRow row{{builtin::to_subject(s.subject), a.request.verb, Value::optional(analyzer::rbac::binding_namespace(g.binding())), "rbac",
                         g.binding().meta.name, g.role().meta.name, Value::count(g.rule + 1),
                         named ? ListValue::borrow(g.policy_rule().resource_names) : ListValue(), s.subject.kind, s.subject.name,
                         Value::optional(s.subject.namespace_)},
                        grant_notes(g), {}, members(s.subject), objects_of({g})};
          table.rows.push_back(std::move(row));
        }
      }
    };
    add(a.result, false);
    add(a.named, true);
  }
  return table;
}

ResultTable tabulate(const WhatCanAnswer& answer) {
  ResultTable table = table_of(what_can_schema());
  if (answer.privileged) {
    static const std::vector<std::string> everything{"*"};
    table.rows.push_back({{Value(), ListValue::borrow(everything), ListValue::borrow(everything), ListValue::borrow(everything), ListValue(), ListValue::borrow(everything),
                           "privileged-group", Value(), Value(), Value()},
                          {privileged_evidence()}, {}, {}, {}});
  }
  for (const Grant& g : answer.grants) {
    const analyzer::PolicyRule& rule = g.policy_rule();
    table.rows.push_back({{Value::optional(analyzer::rbac::binding_namespace(g.binding())), ListValue::borrow(rule.verbs),
                           ListValue::borrow(rule.api_groups), ListValue::borrow(rule.resources), ListValue::borrow(rule.resource_names),
                           // A RoleBinding never grants a URL: requests for URLs have no namespace.
                           g.binding().cluster ? ListValue::borrow(rule.non_resource_urls) : ListValue(), "rbac", g.binding().meta.name,
                           g.role().meta.name, Value::count(g.rule + 1)},
                          grant_notes(g), {}, {}, objects_of({g})});
  }
  add_errors(table, answer.errors);
  return table;
}

const Schema& can_schema() {
  static const Schema schema{
      "can",
      {
          {"allowed", Type::boolean, "whether the request is allowed", false},
          {"verb", Type::string, "the verb asked", false},
          {"resource", Type::string, "the resource (with /subresource and .group), or the URL", false},
          {"name", Type::string, "the object name (named), else null", false},
          {"namespace", Type::string, "the request's namespace; null for a request with no namespace", false},
          {"via", Type::string, "how it is allowed; null when denied", false, {"rbac", "privileged-group"}},
          {"reason", Type::string,
           "the authorizer's reason (which binding of which role to which subject); when denied, \"no RBAC rule of a binding that "
           "applies allows it\" (or the missing roles)",
           false},
      },
      false};
  return schema;
}

const Schema& who_can_schema() {
  static const Schema schema{
      "who can",
      {
          {"subject", Type::subject, "who", false},
          {"verb", Type::string, "the verb asked", false},
          {"namespace", Type::string, "the RoleBinding's namespace; null for a ClusterRoleBinding (and for privileged-group rows)", false},
          {"via", Type::string, "how it is allowed", false, {"rbac", "privileged-group"}},
          {"binding", Type::string, "the binding's name", false},
          {"role", Type::string, "the role's name", false},
          {"rule", Type::integer, "the rule's number in the role (1-based, after aggregation)", false},
          {"only_names", Type::list,
           "when the question names no object: the rule's resourceNames — the subject may make the request only on those names. "
           "Empty otherwise",
           false},
          {"subject.kind", Type::string, "the subject's kind", true, {"User", "Group", "ServiceAccount"}},
          {"subject.name", Type::string, "the subject's name", true},
          {"subject.namespace", Type::string, "a ServiceAccount's namespace, else null", true},
      },
      true};
  return schema;
}

const Schema& what_can_schema() {
  static const Schema schema{
      "what can",
      {
          {"namespace", Type::string, "the RoleBinding's namespace; null for a ClusterRoleBinding", false},
          {"verbs", Type::list, "the rule's verbs", false},
          {"api_groups", Type::list, "the rule's apiGroups", false},
          {"resources", Type::list, "the rule's resources", false},
          {"resource_names", Type::list, "the rule's resourceNames", false},
          {"urls", Type::list, "the rule's nonResourceURLs (empty for a RoleBinding: it never grants a URL)", false},
          {"via", Type::string, "how it is allowed: privileged-group for the first row of a system:masters member (everything)", false,
           {"rbac", "privileged-group"}},
          {"binding", Type::string, "the binding's name", false},
          {"role", Type::string, "the role's name", false},
          {"rule", Type::integer, "the rule's number in its role", false},
      },
      true};
  return schema;
}

}  // namespace rbacq::query
