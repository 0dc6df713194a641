// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/authorizer.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"

namespace rbacq::analyzer::rbac {
namespace {

/// The binding's subject `s` as who-can names it, or nothing when it matches nobody: kinds
/// other than User, Group and ServiceAccount, and a ServiceAccount without a namespace.
std::optional<SubjectKey> matchable_subject(const Binding& binding, std::size_t s) {
  SubjectKey key = subject_key(binding, s);
  if (key.kind != "User" && key.kind != "Group" && key.kind != "ServiceAccount") return std::nullopt;
  if (key.kind == "ServiceAccount" && key.namespace_.empty()) return std::nullopt;
  return key;
}

/// The API server's NotFound wording for a role that is not there.
std::string not_found(const RoleRef& ref, bool cluster_role) {
  return fmt::format("{}.rbac.authorization.k8s.io \"{}\" not found", cluster_role ? "clusterrole" : "role", ref.name);
}

}  // namespace

std::string privileged_group_reason() {
  return fmt::format(
      "the user is in group {}: the privileged-group authorizer allows every request before RBAC is asked, so no binding grants "
      "this and no binding change revokes it",
      kPrivilegedGroup);
}

std::string Decision::reason() const {
  if (via == Via::privileged_group) return privileged_group_reason();
  if (via == Via::rbac) {
    const Grant& g = grants.front();
    const Subject& s = g.binding().subjects[g.subject];
    std::string who = fmt::format("{} \"{}\"", s.kind, s.name);
    if (s.kind == "ServiceAccount") {  // upstream's describeSubject writes NAME/NAMESPACE
      who = fmt::format("{} \"{}/{}\"", s.kind, s.name, service_account_namespace(s, binding_namespace(g.binding())));
    }
    const std::string binding =
        g.binding().cluster ? fmt::format("\"{}\"", g.binding().meta.name) : fmt::format("\"{}/{}\"", g.binding().meta.name, g.binding().meta.namespace_);
    return fmt::format("RBAC: allowed by {} {} of {} \"{}\" to {}", kind_of(g.binding()), binding, g.binding().role_ref.kind,
                       g.binding().role_ref.name, who);
  }
  if (errors.empty()) return {};
  std::vector<std::string> messages;
  for (const ResolvedBinding* e : errors) messages.push_back(e->error);
  return fmt::format("RBAC: {}", fmt::join(messages, ", "));
}

Authorizer::Authorizer(const Model& model) {
  for (const Role& r : model.roles) {
    if (r.cluster) {
      cluster_roles_[r.meta.name] = &r;
    } else {
      roles_[{r.meta.namespace_, r.meta.name}] = &r;
    }
  }
  std::vector<const Binding*> ordered;
  for (const Binding& b : model.bindings) ordered.push_back(&b);
  // ClusterRoleBindings first, then RoleBindings by namespace; by name within each.
  std::stable_sort(ordered.begin(), ordered.end(), [](const Binding* a, const Binding* b) {
    return std::tuple(!a->cluster, a->meta.namespace_, a->meta.name) < std::tuple(!b->cluster, b->meta.namespace_, b->meta.name);
  });
  bindings_.reserve(ordered.size());
  for (const Binding* b : ordered) {
    bindings_.push_back(resolve(*b));
    const std::size_t index = bindings_.size() - 1;
    if (b->cluster) cluster_bindings_.push_back(index);
    else if (!b->meta.namespace_.empty()) namespace_bindings_[b->meta.namespace_].push_back(index);
  }
}

ResolvedBinding Authorizer::resolve(const Binding& b) const {
  ResolvedBinding rb{&b, nullptr, {}};
  const RoleRef& ref = b.role_ref;
  // GetRoleReferenceRules: a Role is looked up in the binding's own namespace ("" for a
  // ClusterRoleBinding, where it can never exist); roleRef.apiGroup is not consulted.
  if (ref.kind == "ClusterRole") {
    const auto it = cluster_roles_.find(ref.name);
    if (it != cluster_roles_.end()) rb.role = it->second;
    else rb.error = not_found(ref, true);
  } else if (ref.kind == "Role") {
    const auto it = b.cluster ? roles_.end() : roles_.find({b.meta.namespace_, ref.name});
    if (it != roles_.end()) rb.role = it->second;
    else rb.error = not_found(ref, false);
  } else {
    rb.error = fmt::format("unsupported role reference kind: \"{}\"", ref.kind);
  }
  return rb;
}

const RuleIndex& Authorizer::index() const {
  std::call_once(index_once_, [this] { index_ = std::make_unique<RuleIndex>(bindings_); });
  return *index_;
}

const std::vector<std::size_t>& Authorizer::bindings_in(std::string_view namespace_) const {
  static const std::vector<std::size_t> none;
  if (namespace_.empty()) return none;  // no RoleBinding applies to a request without namespace
  const auto it = namespace_bindings_.find(std::string(namespace_));
  return it == namespace_bindings_.end() ? none : it->second;
}

template <class OnRule, class OnError>
void Authorizer::visit_rules_for(const UserInfo& user, std::string_view namespace_, OnRule&& on_rule, OnError&& on_error) const {
  // VisitRulesFor: every ClusterRoleBinding, then the RoleBindings of the namespace, each only
  // when one of its subjects is the user; a missing role is reported and the visit goes on.
  const auto visit = [&](std::size_t index) {
    const ResolvedBinding& rb = bindings_[index];
    const auto subject = applies_to(user, rb.binding->subjects, binding_namespace(*rb.binding));
    if (!subject) return;
    if (rb.role == nullptr) {
      on_error(rb);
      return;
    }
    for (std::size_t i = 0; i < rb.role->rules.size(); ++i) on_rule(Grant{&rb, *subject, i});
  };
  for (const std::size_t index : cluster_bindings_) visit(index);
  for (const std::size_t index : bindings_in(namespace_)) visit(index);
}

Decision Authorizer::authorize(const UserInfo& user, const RequestAttributes& request) const {
  Decision decision;
  if (std::find(user.groups.begin(), user.groups.end(), kPrivilegedGroup) != user.groups.end()) {
    decision.via = Via::privileged_group;
  }
  // A non-resource request has no namespace: ClusterRoleBindings only.
  visit_rules_for(
      user, request.resource_request ? std::string_view(request.namespace_) : std::string_view{},
      [&](const Grant& g) {
        if (rule_allows(request, g.policy_rule())) decision.grants.push_back(g);
      },
      [&](const ResolvedBinding& rb) { decision.errors.push_back(&rb); });
  if (decision.via == Via::none && !decision.grants.empty()) decision.via = Via::rbac;
  return decision;
}

std::vector<WhoCanSubject> Authorizer::subjects_of(const std::vector<RuleRef>& refs) const {
  std::map<SubjectKey, std::vector<Grant>> by_subject;
  for (const RuleRef& ref : refs) {
    const ResolvedBinding& rb = bindings_[ref.binding];
    for (std::size_t s = 0; s < rb.binding->subjects.size(); ++s) {
      if (auto key = matchable_subject(*rb.binding, s)) by_subject[std::move(*key)].push_back({&rb, s, ref.rule});
    }
  }
  std::vector<WhoCanSubject> out;
  out.reserve(by_subject.size());
  for (auto& [key, grants] : by_subject) out.push_back({key, false, std::move(grants)});
  return out;
}

std::vector<SubjectKey> Authorizer::subjects_allowed(const RequestAttributes& request, bool anywhere) const {
  std::vector<SubjectKey> out;
  std::vector<bool> seen(bindings_.size());  // a binding whose role allows it by several rules: once
  for (const RuleRef& ref : anywhere ? index().allowing_anywhere(request) : index().allowing(request)) {
    if (seen[ref.binding]) continue;
    seen[ref.binding] = true;
    const ResolvedBinding& rb = bindings_[ref.binding];
    for (std::size_t s = 0; s < rb.binding->subjects.size(); ++s) {
      if (auto key = matchable_subject(*rb.binding, s)) out.push_back(std::move(*key));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

WhoCanResult Authorizer::who_can_named(const RequestAttributes& request) const {
  return {subjects_of(index().allowing_named(request)), {}};
}

WhoCanResult Authorizer::located(const std::vector<RuleRef>& refs) const {
  std::vector<WhoCanSubject> subjects = subjects_of(refs);
  WhoCanResult result;
  const SubjectKey masters{"Group", std::string(kPrivilegedGroup), {}};
  WhoCanSubject privileged{masters, true, {}};
  const auto it = std::find_if(subjects.begin(), subjects.end(), [&](const WhoCanSubject& s) { return s.subject == masters; });
  if (it != subjects.end()) {
    privileged.grants = std::move(it->grants);
    subjects.erase(it);
  }
  result.subjects.push_back(std::move(privileged));
  for (WhoCanSubject& s : subjects) result.subjects.push_back(std::move(s));
  return result;
}

WhoCanResult Authorizer::who_can_anywhere(const RequestAttributes& request) const { return located(index().allowing_anywhere(request)); }

WhoCanResult Authorizer::who_can(const RequestAttributes& request) const {
  WhoCanResult result = located(index().allowing(request));

  const auto scope_errors = [&](const std::vector<std::size_t>& indexes) {
    for (const std::size_t i : indexes) {
      if (bindings_[i].role == nullptr) result.errors.push_back(&bindings_[i]);
    }
  };
  scope_errors(cluster_bindings_);
  if (request.resource_request) scope_errors(bindings_in(request.namespace_));
  return result;
}

std::vector<std::string> Authorizer::namespaces_allowing(const RequestAttributes& request) const {
  return index().namespaces_allowing(request);
}

std::vector<NearMiss> Authorizer::near_misses(const UserInfo& user, const RequestAttributes& request, bool namespaced) const {
  std::vector<NearMiss> out;
  for (const ResolvedBinding& rb : bindings_) {
    if (rb.role == nullptr || !applies_to(user, rb.binding->subjects, binding_namespace(*rb.binding))) continue;
    const bool in_scope = rb.binding->cluster || (request.resource_request && rb.binding->meta.namespace_ == request.namespace_);
    for (std::size_t i = 0; i < rb.role->rules.size(); ++i) {
      const PolicyRule& rule = rb.role->rules[i];
      RequestAttributes other = request;
      if (!in_scope) {
        if (!request.resource_request) {
          if (rule_allows(other, rule)) out.push_back({NearMiss::Kind::url_in_role_binding, &rb, i});
        } else if (namespaced && !rb.binding->meta.namespace_.empty()) {
          other.namespace_ = rb.binding->meta.namespace_;
          if (rule_allows(other, rule)) out.push_back({NearMiss::Kind::other_namespace, &rb, i});
        }
      } else if (request.resource_request && !rule.resource_names.empty()) {
        other.name = rule.resource_names.front();
        if (rule_allows(other, rule)) out.push_back({NearMiss::Kind::other_names, &rb, i});
      }
    }
  }
  return out;
}

RulesReview Authorizer::rules_for(const UserInfo& user, std::string_view namespace_) const {
  RulesReview review;
  review.privileged = std::find(user.groups.begin(), user.groups.end(), kPrivilegedGroup) != user.groups.end();
  visit_rules_for(
      user, namespace_, [&](const Grant& g) { review.rules.push_back(g); }, [&](const ResolvedBinding& rb) { review.errors.push_back(&rb); });
  return review;
}

}  // namespace rbacq::analyzer::rbac
