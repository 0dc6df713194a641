// SPDX-License-Identifier: Apache-2.0
// Policy assertions: the `deny` statements of .rbacq.yaml, which must never have rows. Each one
// that has is one finding of rule policy-assertion, with its rows and their evidence as notes.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "rules/config.hpp"
#include "rules/finding.hpp"

namespace rbacq::rules {

/// The violations of `config.deny`, one finding per statement that has rows — for `can`, rows
/// that are allowed; for `count` without `by`, a count above 0. A finding is at the first row's
/// location (its object), or at the entry in the config file when that row has none — the first
/// row in a file `reported` accepts, when there is one, so that a violation in the files linted
/// is not hidden behind one in --context. Statements that do not check against `context` are
/// skipped: check_config reports them.
[[nodiscard]] std::vector<Finding> run_assertions(const LintConfig& config, const analyzer::AnalysisContext& context,
                                                  const std::function<bool(std::string_view)>& reported = {});

/// The rule policy-assertion as reports describe it (SARIF's rule list, Markdown): its cases are
/// `config.deny`'s statements (text, severity and message; not the parsed query), its location
/// the first entry.
[[nodiscard]] Rule assertion_rule(const LintConfig& config);

}  // namespace rbacq::rules
