// SPDX-License-Identifier: Apache-2.0
#include "query/answers.hpp"

#include <algorithm>

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

}  // namespace

analyzer::rbac::UserInfo identity_of(const SubjectRef& subject) {
  if (subject.identity) return *subject.identity;
  switch (subject.kind) {
    case SubjectRef::Kind::user: return analyzer::rbac::authenticated_user(subject.name, {});
    case SubjectRef::Kind::group: return {"", {subject.name}};  // no user is named "": only the group matches
    case SubjectRef::Kind::service_account:
      return analyzer::rbac::authenticated_user(analyzer::rbac::service_account_username(subject.namespace_, subject.name), {});
  }
  return {};
}

std::vector<CanAnswer> answer_can(const analyzer::AnalysisContext& context, const analyzer::rbac::UserInfo& user,
                                  const PlannedRequest& planned) {
  const auto& authorizer = context.authorizer();
  const auto& request = planned.built.attributes;
  std::vector<CanAnswer> out;
  CanAnswer everywhere{request, authorizer.authorize(user, request)};
  if (!planned.any_namespace) {
    out.push_back(std::move(everywhere));
    return out;
  }
  if (everywhere.decision.allowed()) out.push_back(everywhere);
  for (const std::string& ns : authorizer.namespaces_allowing(request)) {
    CanAnswer a{in_namespace(request, ns), {}};
    a.decision = authorizer.authorize(user, a.request);
    keep_role_binding_grants(a.decision.grants);
    if (a.decision.allowed() && !a.decision.grants.empty()) out.push_back(std::move(a));
  }
  if (out.empty()) out.push_back(std::move(everywhere));
  return out;
}

std::vector<WhoCanAnswer> answer_who_can(const analyzer::AnalysisContext& context, const PlannedRequest& planned) {
  const auto& authorizer = context.authorizer();
  const auto& request = planned.built.attributes;
  const auto answer = [&](const analyzer::rbac::RequestAttributes& r) {
    WhoCanAnswer a{r, authorizer.who_can(r), {}};
    if (r.name.empty() && r.resource_request) a.named = authorizer.who_can_named(r);
    return a;
  };
  std::vector<WhoCanAnswer> out{answer(request)};
  if (!planned.any_namespace) return out;
  for (const std::string& ns : authorizer.namespaces_allowing(request)) {
    WhoCanAnswer a = answer(in_namespace(request, ns));
    a.result = role_bindings_only(std::move(a.result));
    a.named = role_bindings_only(std::move(a.named));
    if (!a.result.subjects.empty() || !a.named.subjects.empty()) out.push_back(std::move(a));
  }
  return out;
}

WhatCanAnswer answer_what_can(const analyzer::AnalysisContext& context, const analyzer::rbac::UserInfo& user,
                              const std::optional<std::string>& namespace_) {
  WhatCanAnswer out;
  out.privileged = std::find(user.groups.begin(), user.groups.end(), analyzer::rbac::kPrivilegedGroup) != user.groups.end();
  if (namespace_) {
    analyzer::rbac::RulesReview review = context.authorizer().rules_for(user, *namespace_);
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
