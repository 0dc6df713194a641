// SPDX-License-Identifier: Apache-2.0
#include "query/evidence.hpp"

#include <fmt/format.h>

#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "support/printable.hpp"

namespace rbacq::query {
namespace {

using analyzer::Binding;
using analyzer::Role;

std::string qualified(const std::string& ns, const std::string& name) {
  return ns.empty() ? printable(name) : printable(ns) + "/" + printable(name);
}

}  // namespace

std::string describe_binding(const Binding& binding) {
  return fmt::format("{} {}", analyzer::kind_of(binding),
                     qualified(binding.cluster ? std::string() : binding.meta.namespace_, binding.meta.name));
}

std::string describe_role(const Role& role) {
  return fmt::format("{} {}", analyzer::kind_of(role),
                     qualified(role.cluster ? std::string() : role.meta.namespace_, role.meta.name));
}

std::string describe_subject(const analyzer::rbac::SubjectKey& subject) {
  return fmt::format("{} {}", printable(subject.kind), qualified(subject.namespace_, subject.name));
}

std::string describe_request(const analyzer::rbac::RequestAttributes& r) {
  if (!r.resource_request) return fmt::format("{} {}", printable(r.verb), printable(r.path));
  std::string out = fmt::format("{} {}", printable(r.verb), printable(r.combined_resource()));
  if (!r.api_group.empty()) out += fmt::format(" (group {})", printable(r.api_group));
  if (!r.name.empty()) out += fmt::format(" named '{}'", printable(r.name));
  out += r.namespace_.empty() ? " with no namespace" : fmt::format(" in namespace {}", printable(r.namespace_));
  return out;
}

std::string describe_scope(const Binding& binding) {
  return binding.cluster ? std::string("cluster-wide") : fmt::format("in namespace {}", printable(binding.meta.namespace_));
}

std::vector<Evidence> grant_notes(const analyzer::rbac::Grant& grant) {
  const Binding& b = grant.binding();
  const analyzer::PolicyRule& rule = grant.policy_rule();
  std::vector<Evidence> notes;
  notes.push_back(subject_evidence(b, grant.subject));
  notes.push_back({b.meta.loc, fmt::format("{} grants {} {}", describe_binding(b), describe_role(grant.role()), describe_scope(b))});
  std::string rule_line = fmt::format("rule {} of {} allows it: {}", grant.rule + 1, describe_role(grant.role()),
                                      printable(analyzer::rbac::rule_text(rule)));
  if (!rule.aggregated_from.empty()) rule_line += fmt::format(" (aggregated from ClusterRole {})", printable(rule.aggregated_from));
  notes.push_back({rule.loc, std::move(rule_line)});
  return notes;
}

Evidence subject_evidence(const Binding& binding, std::size_t subject) {
  return {binding.subjects[subject].loc, fmt::format("{} is subject {} of {}", describe_subject(analyzer::rbac::subject_key(binding, subject)),
                                                     subject + 1, describe_binding(binding))};
}

std::vector<Evidence> binding_evidence(const analyzer::rbac::ResolvedBinding& resolved, std::size_t subject) {
  const Binding& b = *resolved.binding;
  std::vector<Evidence> out;
  out.push_back({b.meta.loc, fmt::format("{} refers to {} {}", describe_binding(b), printable(b.role_ref.kind), printable(b.role_ref.name))});
  if (subject < b.subjects.size()) {
    out.push_back(subject_evidence(b, subject));
  }
  if (resolved.role != nullptr) {
    out.push_back(role_evidence(*resolved.role));
  } else {
    out.push_back({b.role_ref.loc, fmt::format("its role is missing: {}", printable(resolved.error))});
  }
  return out;
}

Evidence role_evidence(const Role& role) { return {role.meta.loc, fmt::format("{} is defined here", describe_role(role))}; }

Evidence rule_evidence(const Role& role, std::size_t rule) {
  const analyzer::PolicyRule& r = role.rules.at(rule);
  std::string text = fmt::format("rule {} of {}: {}", rule + 1, describe_role(role), printable(analyzer::rbac::rule_text(r)));
  if (!r.aggregated_from.empty()) text += fmt::format(" (aggregated from ClusterRole {})", printable(r.aggregated_from));
  return {r.loc, std::move(text)};
}

Evidence object_evidence(const analyzer::ObjectMeta& meta) {
  return {meta.loc, fmt::format("{} {} is defined here", printable(meta.kind), qualified(meta.namespace_, meta.name))};
}

}  // namespace rbacq::query
