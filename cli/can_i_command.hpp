// SPDX-License-Identifier: Apache-2.0
// `rbacq can-i VERB TYPE[/NAME] --as USER -f PATH...`: kubectl's question, answered offline,
// with the proof (--explain) and the effective rules (--list).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/input_options.hpp"
#include "cli/output.hpp"

namespace rbacq::cli {

struct CanIOptions {
  InputOptions input;
  RequestOptions request;
  std::string as;
  std::vector<std::string> as_groups;
  bool exact_groups = false;
  bool quiet = false;
  bool explain = false;
  bool list = false;
  bool no_headers = false;
};

/// Adds the `can-i` subcommand to `app`.
CLI::App* add_can_i_command(CLI::App& app, CanIOptions& options);

/// Runs it: exit 0 yes, 1 no, 2 usage or input errors.
int run_can_i(const CLI::App& command, const CanIOptions& options, const OutputOptions& output);

}  // namespace rbacq::cli
