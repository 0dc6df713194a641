// SPDX-License-Identifier: Apache-2.0
// `rbacq query 'QUERY' -f PATH...`: any question in the query language; queries one per line
// on standard input; an interactive prompt on a terminal.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cli/input_options.hpp"
#include "cli/output.hpp"

namespace rbacq::cli {

struct QueryOptions {
  InputOptions input;
  std::string query;
  bool explain = false;
  bool no_headers = false;
  bool json_stream = false;
};

CLI::App* add_query_command(CLI::App& app, QueryOptions& options);
/// Exit 0 answered; 2 a query error, an input error or a usage mistake.
int run_query_command(const CLI::App& command, const QueryOptions& options, const OutputOptions& output);

}  // namespace rbacq::cli
