// SPDX-License-Identifier: Apache-2.0
// Runs rules over one analysis: each case's query, each row a finding at its primary object.
#pragma once

#include <vector>

#include "analyzer/analysis_context.hpp"
#include "rules/finding.hpp"
#include "rules/rule.hpp"

namespace rbacq::rules {

/// The findings of `rules`, sorted by file, line, column and rule. A rule whose query does not
/// check against this analysis (an unknown resource) is a diagnostic in `problems`, and the other
/// rules still run.
[[nodiscard]] std::vector<Finding> run_rules(const std::vector<Rule>& rules, const analyzer::AnalysisContext& context,
                                             Diagnostics& problems);

/// The value of the object's rbacq.io/ignore annotation, "" when it has none.
[[nodiscard]] std::string ignore_annotation_of(const analyzer::ObjectMeta& meta);

/// A finding's fingerprint: the rule, the object and the row's values, hashed (FNV-1a, 64 bits,
/// hex) — nothing about where the object sits in which file.
[[nodiscard]] std::string fingerprint(std::string_view rule, const ObjectRef& object, const std::vector<query::Value>& values);

}  // namespace rbacq::rules
