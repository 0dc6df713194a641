// SPDX-License-Identifier: Apache-2.0
#include "query/evidence.hpp"

#include <fmt/format.h>

#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"

namespace rbacq::query {
namespace {

using analyzer::Binding;
using analyzer::Role;

std::string qualified(const std::string& ns, const std::string& name) { return ns.empty() ? name : ns + "/" + name; }

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
  return fmt::format("{} {}", subject.kind, qualified(subject.namespace_, subject.name));
}

std::string resource_text(const analyzer::rbac::RequestAttributes& r) {
  if (!r.resource_request) return r.path;
  std::string out = r.resource;
  if (!r.api_group.empty()) out += "." + r.api_group;
  if (!r.subresource.empty()) out += "/" + r.subresource;
  return out;
}

std::string describe_request(const analyzer::rbac::RequestAttributes& r) {
  std::string out = fmt::format("{} {}", r.verb, resource_text(r));
  if (!r.resource_request) return out;
  if (!r.name.empty()) out += fmt::format(" named '{}'", r.name);
  out += r.namespace_.empty() ? " with no namespace" : fmt::format(" in namespace {}", r.namespace_);
  return out;
}

std::string describe_scope(const Binding& binding) {
  return binding.cluster ? std::string("cluster-wide") : fmt::format("in namespace {}", binding.meta.namespace_);
}

std::string describe_group(const analyzer::rbac::GroupMembers& members) {
  using analyzer::rbac::GroupKind;
  switch (members.kind) {
    case GroupKind::privileged:
      return "identities whose credential carries this group (a client certificate with O=system:masters): allowed everything "
             "before RBAC";
    case GroupKind::all_authenticated: return "every authenticated user and every service account";
    case GroupKind::all_unauthenticated: return "anonymous requests (user system:anonymous), when anonymous auth is on";
    case GroupKind::all_service_accounts: return "every service account of every namespace";
    case GroupKind::namespace_service_accounts:
      return fmt::format("every service account of namespace {}, including ones created later", members.namespace_);
    case GroupKind::nodes: return "kubelets (users system:node:NAME); the Node authorizer also applies to them";
    case GroupKind::bootstrappers: return "bootstrap tokens (kubeadm join)";
    case GroupKind::other: break;
  }
  return {};
}

std::vector<Evidence> grant_notes(const analyzer::rbac::Grant& grant) {
  const Binding& b = grant.binding();
  const analyzer::PolicyRule& rule = grant.policy_rule();
  std::vector<Evidence> notes;
  notes.push_back(subject_evidence(b, grant.subject));
  notes.push_back({b.meta.loc, fmt::format("{} grants {} {}", describe_binding(b), describe_role(grant.role()), describe_scope(b))});
  std::string rule_line =
      fmt::format("rule {} of {} allows it: {}", grant.rule + 1, describe_role(grant.role()), analyzer::rbac::rule_text(rule));
  if (!rule.aggregated_from.empty()) rule_line += fmt::format(" (aggregated from ClusterRole {})", rule.aggregated_from);
  notes.push_back({rule.loc, std::move(rule_line)});
  return notes;
}

Evidence privileged_evidence() { return {{}, analyzer::rbac::privileged_group_reason()}; }

Evidence near_miss_evidence(const analyzer::rbac::NearMiss& miss, const analyzer::rbac::RequestAttributes& request) {
  const Binding& b = *miss.resolved->binding;
  const analyzer::PolicyRule& rule = miss.resolved->role->rules[miss.rule];
  switch (miss.kind) {
    case analyzer::rbac::NearMiss::Kind::url_in_role_binding:
      return {b.meta.loc, fmt::format("{} has a rule for this URL, but a RoleBinding never grants non-resource URLs", describe_binding(b))};
    case analyzer::rbac::NearMiss::Kind::other_namespace:
      return {b.meta.loc, fmt::format("{} would allow it in namespace {}, but it grants only there{}", describe_binding(b), b.meta.namespace_,
                                      request.namespace_.empty() ? " (a request with no namespace needs a ClusterRoleBinding)" : "")};
    case analyzer::rbac::NearMiss::Kind::other_names:
      break;
  }
  return {rule.loc, fmt::format("rule {} of {} allows it only for the names [{}]{}", miss.rule + 1, describe_role(*miss.resolved->role),
                                fmt::join(rule.resource_names, " "), request.name.empty() ? "; this request has no name" : "")};
}

Evidence subject_evidence(const Binding& binding, std::size_t subject) {
  return {binding.subjects[subject].loc, fmt::format("{} is subject {} of {}", describe_subject(analyzer::rbac::subject_key(binding, subject)),
                                                     subject + 1, describe_binding(binding))};
}

std::vector<Evidence> binding_evidence(const analyzer::rbac::ResolvedBinding& resolved, std::size_t subject) {
  const Binding& b = *resolved.binding;
  std::vector<Evidence> out;
  out.push_back({b.meta.loc, fmt::format("{} refers to {} {}", describe_binding(b), b.role_ref.kind, b.role_ref.name)});
  if (subject < b.subjects.size()) {
    out.push_back(subject_evidence(b, subject));
  }
  if (resolved.role != nullptr) {
    out.push_back(role_evidence(*resolved.role));
  } else {
    out.push_back({b.role_ref.loc, fmt::format("its role is missing: {}", resolved.error)});
  }
  return out;
}

Evidence role_evidence(const Role& role) { return {role.meta.loc, fmt::format("{} is defined here", describe_role(role))}; }

Evidence rule_evidence(const Role& role, std::size_t rule) {
  const analyzer::PolicyRule& r = role.rules.at(rule);
  std::string text = fmt::format("rule {} of {}: {}", rule + 1, describe_role(role), analyzer::rbac::rule_text(r));
  if (!r.aggregated_from.empty()) text += fmt::format(" (aggregated from ClusterRole {})", r.aggregated_from);
  return {r.loc, std::move(text)};
}

Evidence object_evidence(const analyzer::ObjectMeta& meta) {
  return {meta.loc, fmt::format("{} {} is defined here", meta.kind, qualified(meta.namespace_, meta.name))};
}

}  // namespace rbacq::query
