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
#include "support/result.hpp"

namespace rbacq::query {

struct PlannedRequest {
  analyzer::rbac::BuiltRequest built;
  /// `in any namespace` for a namespaced resource: the request is built with no namespace and
  /// the evaluator asks it in every namespace where a RoleBinding could allow it, too.
  bool any_namespace = false;
};

struct RequestPlan {
  std::vector<PlannedRequest> requests;  // one per verb, in the order written
  std::vector<std::string> notes;        // how the question was read, without repeats
};

[[nodiscard]] Result<RequestPlan> plan_requests(const Verbs& verbs, const Target& target, const Scope& scope,
                                                const analyzer::AnalysisContext& context, const QuerySource& source);

/// `/PATH` as a URL target, `resource[/subresource]` as a resource target (pods/exec is the
/// subresource exec of pods, as the language reads it).
[[nodiscard]] Target target_of(std::string_view text, Span span);

/// The same request asked inside `namespace_`.
[[nodiscard]] analyzer::rbac::RequestAttributes in_namespace(analyzer::rbac::RequestAttributes request, std::string_view namespace_);

}  // namespace rbacq::query
