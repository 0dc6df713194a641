// SPDX-License-Identifier: Apache-2.0
// Semantic checks, before anything runs: unknown relations, columns and functions (with
// suggestions), type mismatches, invalid regexes, unknown or ambiguous resources — each a
// [query-check] error at its position in the query.
#pragma once

#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/ast.hpp"
#include "query/check_context.hpp"
#include "query/plan.hpp"
#include "support/result.hpp"

namespace rbacq::query {

[[nodiscard]] Result<StatementPlan> check(const Statement& statement, const analyzer::AnalysisContext& context, const QuerySource& source);

/// Every statement checked; the first error stops.
[[nodiscard]] Result<std::vector<StatementPlan>> check(const Query& query, const analyzer::AnalysisContext& context, const QuerySource& source);

}  // namespace rbacq::query
