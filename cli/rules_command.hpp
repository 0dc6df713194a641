// SPDX-License-Identifier: Apache-2.0
// `rbacq rules [ID]`: the rules lint runs (built-in and --rules DIR), or one rule's documentation.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/output.hpp"

namespace rbacq::cli {

struct RulesOptions {
  std::string id;                      // one rule; empty: the catalogue
  std::vector<std::string> rule_dirs;  // --rules
};

CLI::App* add_rules_command(CLI::App& app, RulesOptions& options);

/// Exit 0, or 2 for an unknown id (with "did you mean") or a broken rule.
int run_rules(const RulesOptions& options, const OutputOptions& output);

}  // namespace rbacq::cli
