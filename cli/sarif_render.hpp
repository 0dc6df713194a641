// SPDX-License-Identifier: Apache-2.0
// Lint findings as SARIF 2.1.0, in the subset GitHub code scanning accepts: one run, the rules
// that ran as the driver's reportingDescriptors, each finding at its line with its evidence as
// related locations and its fingerprint, files relative to the repository root (%SRCROOT%).
#pragma once

#include <string>
#include <vector>

#include "cli/repository_paths.hpp"
#include "rules/finding.hpp"
#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::cli {

/// The SARIF log. `rules` are every rule that ran (a result's ruleIndex points into them); the
/// input's problems become the invocation's toolExecutionNotifications, and errors among them make
/// executionSuccessful false.
[[nodiscard]] std::string lint_sarif(const std::vector<rules::Rule>& rules, const std::vector<rules::Finding>& findings,
                                     const std::vector<Diagnostic>& diagnostics, const RepositoryPaths& paths);

/// GitHub's security-severity score of a level, as the string GitHub's examples use.
[[nodiscard]] std::string_view security_severity(query::Level level);

}  // namespace rbacq::cli
