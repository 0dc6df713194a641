// SPDX-License-Identifier: Apache-2.0
// The answers behind `can`, `who can` and `what can`, with their proof and what a user should
// know beside it (what came close to allowing a denied request, who is in a group, what
// RoleBindings allow where the question did not look) — all as data. The query evaluator
// tabulates them; the can-i and who-can commands render them their own way.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/group_members.hpp"
#include "query/ast.hpp"
#include "query/plan.hpp"
#include "query/request_plan.hpp"

namespace rbacq::query {

/// The identity a subject literal asks as: a user or service account as it authenticates (with
/// system:authenticated and its service-account groups) or with the groups of `groups` (as
/// impersonation gives them, or exactly), a group as a member of only that group.
[[nodiscard]] analyzer::rbac::UserInfo identity_of(const SubjectRef& subject, const std::optional<GroupsClause>& groups = std::nullopt);

struct CanAnswer {
  analyzer::rbac::RequestAttributes request;  // as asked, with its namespace
  analyzer::rbac::Decision decision;
  /// For a denied request: the bindings of the user that came close (another namespace, other
  /// resourceNames, a URL in a RoleBinding).
  std::vector<analyzer::rbac::NearMiss> near_misses;
  /// What the user should know about this answer (a review with the namespace would differ).
  std::vector<analyzer::rbac::QuestionNote> notes;
};

/// One answer; for `in any namespace`, the answer with no namespace (ClusterRoleBindings: every
/// namespace) when it allows, then one per namespace whose RoleBindings allow it (their grants
/// only), or the single denied answer.
[[nodiscard]] std::vector<CanAnswer> answer_can(const analyzer::AnalysisContext& context, const analyzer::rbac::UserInfo& user,
                                                const PlannedRequest& planned);
/// Every verb's answers, in order.
[[nodiscard]] std::vector<CanAnswer> answer(const CanPlan& plan, const analyzer::AnalysisContext& context);

struct WhoCanAnswer {
  analyzer::rbac::RequestAttributes request;
  analyzer::rbac::WhoCanResult result;
  analyzer::rbac::WhoCanResult named;  // who may do it only for some names (requests without a name)
};

/// One answer; for `in any namespace`, the cluster-wide one, then one per namespace whose
/// RoleBindings allow it, with those RoleBindings' grants only.
[[nodiscard]] std::vector<WhoCanAnswer> answer_who_can(const analyzer::AnalysisContext& context, const PlannedRequest& planned);

struct WhoCanAnswers {
  std::vector<WhoCanAnswer> answers;
  /// A question with no namespace that RoleBindings allow inside namespaces says so here.
  std::vector<analyzer::rbac::QuestionNote> notes;
  /// Who is in each group among the subjects, for the groups Kubernetes decides the members of.
  std::map<std::string, analyzer::rbac::GroupMembers> groups;
};
/// Every verb's answers, in order.
[[nodiscard]] WhoCanAnswers answer(const WhoCanPlan& plan, const analyzer::AnalysisContext& context);

struct WhatCanAnswer {
  bool privileged = false;
  std::vector<analyzer::rbac::Grant> grants;  // ClusterRoleBindings first, then RoleBindings, by namespace and name
  std::vector<const analyzer::rbac::ResolvedBinding*> errors;
};

/// Every rule of every binding that applies to the plan's user: in its namespace (and
/// cluster-wide) when given, else everywhere.
[[nodiscard]] WhatCanAnswer answer(const WhatCanPlan& plan, const analyzer::AnalysisContext& context);

}  // namespace rbacq::query
