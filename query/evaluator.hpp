// SPDX-License-Identifier: Apache-2.0
// Runs checked statements over an analysis: every statement kind becomes a ResultTable.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/check_context.hpp"
#include "query/plan.hpp"
#include "query/result_table.hpp"
#include "support/result.hpp"

namespace rbacq::query {

[[nodiscard]] ResultTable evaluate(const StatementPlan& plan, const analyzer::AnalysisContext& context);

/// Several statements at once, one table each, as each alone would give: the statements over
/// one relation share its scan (lint runs dozens of rules over `grants`).
[[nodiscard]] std::vector<ResultTable> evaluate(const std::vector<const StatementPlan*>& plans, const analyzer::AnalysisContext& context);

/// Parse, check every statement, then evaluate them (together, see above): one table per statement, in order, or the
/// first syntax or check error.
[[nodiscard]] Result<std::vector<ResultTable>> run_query(const analyzer::AnalysisContext& context, const QuerySource& source);

}  // namespace rbacq::query
