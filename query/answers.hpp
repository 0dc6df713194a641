// SPDX-License-Identifier: Apache-2.0
// The answers behind `can`, `who can` and `what can`, with their proof, for one planned request.
// The query evaluator tabulates them; the can-i and who-can commands render them their own way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "query/ast.hpp"
#include "query/request_plan.hpp"

namespace rbacq::query {

/// The identity a subject literal asks as: a user or service account as it authenticates (with
/// system:authenticated and its service-account groups), a group as a member of only that group.
[[nodiscard]] analyzer::rbac::UserInfo identity_of(const SubjectRef& subject);

struct CanAnswer {
  analyzer::rbac::RequestAttributes request;  // as asked, with its namespace
  analyzer::rbac::Decision decision;
};

/// One answer; for `in any namespace`, the answer with no namespace (ClusterRoleBindings: every
/// namespace) when it allows, then one per namespace whose RoleBindings allow it (their grants
/// only), or the single denied answer.
[[nodiscard]] std::vector<CanAnswer> answer_can(const analyzer::AnalysisContext& context, const analyzer::rbac::UserInfo& user,
                                                const PlannedRequest& planned);

struct WhoCanAnswer {
  analyzer::rbac::RequestAttributes request;
  analyzer::rbac::WhoCanResult result;
  analyzer::rbac::WhoCanResult named;  // who may do it only for some names (requests without a name)
};

/// One answer; for `in any namespace`, the cluster-wide one, then one per namespace whose
/// RoleBindings allow it, with those RoleBindings' grants only.
[[nodiscard]] std::vector<WhoCanAnswer> answer_who_can(const analyzer::AnalysisContext& context, const PlannedRequest& planned);

struct WhatCanAnswer {
  bool privileged = false;
  std::vector<analyzer::rbac::Grant> grants;  // ClusterRoleBindings first, then RoleBindings, by namespace and name
  std::vector<const analyzer::rbac::ResolvedBinding*> errors;
};

/// Every rule of every binding that applies to `user`: in `namespace_` (and cluster-wide) when
/// given, else everywhere.
[[nodiscard]] WhatCanAnswer answer_what_can(const analyzer::AnalysisContext& context, const analyzer::rbac::UserInfo& user,
                                            const std::optional<std::string>& namespace_);

}  // namespace rbacq::query
