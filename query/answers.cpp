// SPDX-License-Identifier: Apache-2.0
#include "query/answers.hpp"

#include <algorithm>
#include <set>

#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/subject_match.hpp"

namespace rbacq::query {
namespace {

using analyzer::rbac::Grant;
using analyzer::rbac::WhoCanResult;

void keep_role_binding_grants(std::vector<Grant>& grants) {
  std::erase_if(grants, [](const Grant& g) { return g.binding().cluster; });
}

/// A who-can answer inside one namespace, without what the cluster-wide answer already says.
WhoCanResult role_bindings_only(WhoCanResult r) {
  for (auto& s : r.subjects) {
    s.privileged = false;
    keep_role_binding_grants(s.grants);
  }
  std::erase_if(r.subjects, [](const analyzer::rbac::WhoCanSubject& s) { return s.grants.empty(); });
  std::erase_if(r.errors, [](const analyzer::rbac::ResolvedBinding* e) { return e->binding->cluster; });
  return r;
}

/// The members of every group among the subjects whose members Kubernetes decides.
void add_groups(WhoCanAnswers& answers, const analyzer::Model& model) {
  std::optional<analyzer::rbac::GroupDirectory> directory;
  std::set<std::string> seen;
  for (const WhoCanAnswer& answer : answers.answers) {
    for (const WhoCanResult* result : {&answer.result, &answer.named}) {
      for (const auto& s : result->subjects) {
        if (s.subject.kind != "Group" || !seen.insert(s.subject.name).second) continue;
        if (!directory) directory.emplace(model);
        auto members = directory->members(s.subject.name);
        if (members.kind != analyzer::rbac::GroupKind::other) answers.groups.emplace(s.subject.name, std::move(members));
      }
    }
  }
}

}  // namespace

analyzer::rbac::UserInfo identity_of(const SubjectRef& subject, const std::optional<GroupsClause>& groups) {
  std::string name;
  switch (subject.kind) {
    case SubjectRef::Kind::group: return {"", {subject.name}};  // no user is named "": only the group matches
    case SubjectRef::Kind::user: name = subject.name; break;
    case SubjectRef::Kind::service_account: name = analyzer::rbac::service_account_username(subject.namespace_, subject.name); break;
  }
  if (groups && groups->exact) return {std::move(name), groups->groups};
  return analyzer::rbac::authenticated_user(name, groups ? groups->groups : std::vector<std::string>{});
}

std::vector<CanAnswer> answer_can(const analyzer::AnalysisContext& context, const analyzer::rbac::UserInfo& user,
                                  const PlannedRequest& planned) {
  const auto& authorizer = context.authorizer();
  const auto& request = planned.built.attributes;
  std::vector<CanAnswer> out;
  CanAnswer everywhere{request, authorizer.authorize(user, request), {}, {}};
  if (planned.any_namespace) {
    if (everywhere.decision.allowed()) out.push_back(everywhere);
    for (const std::string& ns : authorizer.namespaces_allowing(request)) {
      CanAnswer a{in_namespace(request, ns), {}, {}, {}};
      a.decision = authorizer.authorize(user, a.request);
      keep_role_binding_grants(a.decision.grants);
      if (a.decision.allowed() && !a.decision.grants.empty()) out.push_back(std::move(a));
    }
  }
  if (out.empty()) {
    if (!everywhere.decision.allowed()) {
      // Other namespaces only matter for namespaced types (and for literal ones, where it is unknown).
      everywhere.near_misses = authorizer.near_misses(user, request, planned.built.namespaced());
      if (!planned.built.dropped_namespace.empty()) {
        // What a SubjectAccessReview with the namespace would say: the RBAC authorizer then
        // visits that namespace's RoleBindings, whatever the resource's scope.
        const auto review = authorizer.authorize(user, in_namespace(request, planned.built.dropped_namespace));
        if (review.allowed() && !review.grants.empty()) {
          everywhere.notes.emplace_back(analyzer::rbac::ReviewWouldAllow{planned.built.resource->qualified_name(), planned.built.dropped_namespace,
                                                                         review.grants.front().binding().meta.name});
        }
      }
    }
    out.push_back(std::move(everywhere));
  }
  return out;
}

std::vector<CanAnswer> answer(const CanPlan& plan, const analyzer::AnalysisContext& context) {
  std::vector<CanAnswer> out;
  for (const PlannedRequest& p : plan.requests.requests) {
    for (CanAnswer& a : answer_can(context, plan.user, p)) out.push_back(std::move(a));
  }
  return out;
}

std::vector<WhoCanAnswer> answer_who_can(const analyzer::AnalysisContext& context, const PlannedRequest& planned) {
  const auto& authorizer = context.authorizer();
  const auto& request = planned.built.attributes;
  const auto ask = [&](const analyzer::rbac::RequestAttributes& r) {
    WhoCanAnswer a{r, authorizer.who_can(r), {}};
    if (r.name.empty() && r.resource_request) a.named = authorizer.who_can_named(r);
    return a;
  };
  std::vector<WhoCanAnswer> out{ask(request)};
  if (planned.any_namespace) {
    for (const std::string& ns : authorizer.namespaces_allowing(request)) {
      WhoCanAnswer a = ask(in_namespace(request, ns));
      a.result = role_bindings_only(std::move(a.result));
      a.named = role_bindings_only(std::move(a.named));
      if (!a.result.subjects.empty() || !a.named.subjects.empty()) out.push_back(std::move(a));
    }
  }
  return out;
}

WhoCanAnswers answer(const WhoCanPlan& plan, const analyzer::AnalysisContext& context) {
  WhoCanAnswers out;
  for (const PlannedRequest& p : plan.requests.requests) {
    const auto& request = p.built.attributes;
    if (!p.any_namespace && request.resource_request && request.namespace_.empty()) {
      // Asked with no namespace (ClusterRoleBindings only): say what RoleBindings add inside namespaces.
      std::vector<std::string> inside = context.authorizer().namespaces_allowing(request);
      if (!inside.empty()) add_note(out.notes, analyzer::rbac::RoleBindingsAlsoAllow{std::move(inside)});
    }
    for (WhoCanAnswer& a : answer_who_can(context, p)) out.answers.push_back(std::move(a));
  }
  add_groups(out, context.model());
  return out;
}

WhatCanAnswer answer(const WhatCanPlan& plan, const analyzer::AnalysisContext& context) {
  WhatCanAnswer out;
  const analyzer::rbac::UserInfo& user = plan.user;
  out.privileged = std::find(user.groups.begin(), user.groups.end(), analyzer::rbac::kPrivilegedGroup) != user.groups.end();
  if (plan.namespace_) {
    analyzer::rbac::RulesReview review = context.authorizer().rules_for(user, *plan.namespace_);
    out.grants = std::move(review.rules);
    out.errors = std::move(review.errors);
    return out;
  }
  for (const auto& rb : context.authorizer().bindings()) {
    const auto subject = analyzer::rbac::applies_to(user, rb.binding->subjects, analyzer::rbac::binding_namespace(*rb.binding));
    if (!subject) continue;
    if (rb.role == nullptr) {
      out.errors.push_back(&rb);
      continue;
    }
    for (std::size_t r = 0; r < rb.role->rules.size(); ++r) out.grants.push_back(Grant{&rb, *subject, r});
  }
  return out;
}

}  // namespace rbacq::query
