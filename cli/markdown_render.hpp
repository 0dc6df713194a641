// SPDX-License-Identifier: Apache-2.0
// Lint findings as a pull-request comment in GitHub-flavoured Markdown: a headline with the
// counts, a table of the findings, then each one's evidence and remedy folded in <details>.
// Deterministic, so that a bot can update its comment only when the findings change.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/lint_render.hpp"
#include "cli/repository_paths.hpp"
#include "rules/finding.hpp"
#include "rules/rule.hpp"

namespace rbacq::cli {

/// The comment. `input_errors` (errors in the input or the rules) add a line saying that the
/// findings may be incomplete; the problems themselves are on stderr, in the job's log.
[[nodiscard]] std::string lint_markdown(const std::vector<rules::Rule>& rules, const std::vector<rules::Finding>& findings,
                                        const LintSummary& summary, std::size_t input_errors, const RepositoryPaths& paths);

}  // namespace rbacq::cli
