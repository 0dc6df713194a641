// SPDX-License-Identifier: Apache-2.0
// `rbacq who-can VERB TYPE[/NAME] -f PATH...`: every subject that can, with the granting
// binding, role and rule, system:masters first.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/input_options.hpp"
#include "cli/output.hpp"

namespace rbacq::cli {

struct WhoCanOptions {
  InputOptions input;
  RequestOptions request;
};

CLI::App* add_who_can_command(CLI::App& app, WhoCanOptions& options);

/// Exit 0, or 2 for usage or input errors.
int run_who_can(const CLI::App& command, const WhoCanOptions& options, const OutputOptions& output);

}  // namespace rbacq::cli
