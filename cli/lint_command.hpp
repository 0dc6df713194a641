// SPDX-License-Identifier: Apache-2.0
// `rbacq lint [PATH...]`: the rules (built-in and --rules DIR) over the manifests, findings as
// text, JSON, SARIF, Markdown or GitHub annotations; exit 1 when one reaches --fail-on.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/input_options.hpp"
#include "cli/output.hpp"

namespace rbacq::cli {

struct LintOptions {
  InputOptions input;                 // the paths reported on, and how they are read
  std::vector<std::string> context;   // --context: loaded for resolution, never reported on
  std::string fail_on = "high";
  bool inconclusive = false;
  std::vector<std::string> rule_dirs; // --rules
  std::vector<std::string> only;      // --only: these rules and no others
  std::string config;                 // --config: instead of the .rbacq.yaml found from the first PATH
  std::string baseline;               // --baseline: findings in it are not reported
  std::string write_baseline;         // --write-baseline: where to write this run's findings
};

CLI::App* add_lint_command(CLI::App& app, LintOptions& options);

/// Exit 0 when no finding is at or above --fail-on, 1 otherwise, 2 for usage or input errors.
int run_lint(const CLI::App& command, const LintOptions& options, const OutputOptions& output);

}  // namespace rbacq::cli
