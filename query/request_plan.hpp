// SPDX-License-Identifier: Apache-2.0
// VERBS TARGET SCOPE → the requests the API server would authorize, one per verb, resolved
// against the catalogue (with positioned errors for unknown or ambiguous resources).
#pragma once

#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/request_builder.hpp"
#include "query/ast.hpp"
#include "query/check_context.hpp"
#include "query/phrases.hpp"
#include "support/result.hpp"

namespace rbacq::query {

struct PlannedRequest {
  analyzer::rbac::BuiltRequest built;
  /// `in any namespace` for a namespaced resource: the request is built with no namespace and
  /// the evaluator asks it in every namespace where a RoleBinding could allow it, too.
  bool any_namespace = false;
};

struct RequestPlan {
  std::vector<PlannedRequest> requests;              // one per verb, in the order written
  std::vector<analyzer::rbac::QuestionNote> notes;  // how the question was read, without repeats
};

/// The requests, or a [query-check] error at the target worded with `words`.
[[nodiscard]] Result<RequestPlan> plan_requests(const Verbs& verbs, const Target& target, const Scope& scope,
                                                const analyzer::AnalysisContext& context, const QuerySource& source,
                                                const Phrasebook& words = language_phrases());

/// The same request asked inside `namespace_`.
[[nodiscard]] analyzer::rbac::RequestAttributes in_namespace(analyzer::rbac::RequestAttributes request, std::string_view namespace_);

/// A note when `namespace_` appears nowhere in the input and is not one every cluster has
/// (default, kube-system, kube-public, kube-node-lease), with close names as suggestions.
[[nodiscard]] std::optional<analyzer::rbac::QuestionNote> unknown_namespace(std::string_view namespace_, const analyzer::AnalysisContext& context);

/// Adds `note` to `notes` unless it is there already.
void add_note(std::vector<analyzer::rbac::QuestionNote>& notes, analyzer::rbac::QuestionNote note);

}  // namespace rbacq::query
