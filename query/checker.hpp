// SPDX-License-Identifier: Apache-2.0
// Semantic checks, before anything runs: unknown relations, columns and functions (with
// suggestions), type mismatches, invalid regexes, unknown or ambiguous resources — each a
// [query-check] error at its position in the query.
#pragma once

#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/ast.hpp"
#include "query/check_context.hpp"
#include "query/phrases.hpp"
#include "query/plan.hpp"
#include "support/result.hpp"

namespace rbacq::query {

/// `words` word the errors about requests (the language's, or a front end's for a statement it
/// built from its flags).
[[nodiscard]] Result<StatementPlan> check(const Statement& statement, const analyzer::AnalysisContext& context, const QuerySource& source,
                                          const Phrasebook& words = language_phrases());

/// Every statement checked; the first error stops.
[[nodiscard]] Result<std::vector<StatementPlan>> check(const Query& query, const analyzer::AnalysisContext& context, const QuerySource& source,
                                                       const Phrasebook& words = language_phrases());

}  // namespace rbacq::query
