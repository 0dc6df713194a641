// SPDX-License-Identifier: Apache-2.0
#include "cli/rules_command.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/input_options.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/rule_selection.hpp"
#include "cli/rules_render.hpp"
#include "rules/catalogue.hpp"

namespace rbacq::cli {
namespace {

constexpr const char* kHelp =
    "Lists the rules 'rbacq lint' runs: rbacq's own and, with --rules DIR, yours. With an ID, shows that rule's\n"
    "documentation: what it finds and why it matters, how to fix it, references, and the query of rbacq's query\n"
    "language whose rows are its findings (paste it into 'rbacq query' to see the rows).\n\n"
    "Examples:\n"
    "  rbacq rules                                  # ID, severity and title of each rule\n"
    "  rbacq rules system-masters-binding           # one rule's documentation and query\n"
    "  rbacq rules --rules policies/                # with your rules (one YAML file each)\n"
    "  rbacq rules -o json | jq -r '.rules[].id'\n\n"
    "Output: -o json {\"schema\":\"rbacq/v1\",\"rules\":[{\"id\",\"title\",\"severity\",\"builtin\",\"file\",\"description\",\n"
    "\"remediation\",\"references\",\"cases\":[{\"severity\",\"certainty\",\"query\",\"message\"}]}],\"diagnostics\"}; with an ID\n"
    "{\"schema\":\"rbacq/v1\",\"rule\":{…},\"diagnostics\"}. Exit status: 0, or 2 for an unknown ID or a broken rule.";

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

}  // namespace

CLI::App* add_rules_command(CLI::App& app, RulesOptions& options) {
  CLI::App* cmd = app.add_subcommand("rules", "The rule catalogue of lint, or one rule's documentation and query");
  cmd->footer(kHelp);
  cmd->add_option("ID", options.id, "A rule's id: show its documentation");
  cmd->add_option("--rules", options.rule_dirs, "A directory of your own rules (one YAML file each), besides rbacq's (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  return cmd;
}

int run_rules(const RulesOptions& options, const OutputOptions& output) {
  Diagnostics problems;
  const std::vector<rules::Rule> all = rules::load_rules(options.rule_dirs, problems);
  const std::vector<Diagnostic> sorted = problems.sorted();
  const int status = problems.has_errors() ? kExitError : kExitOk;
  if (output.format != Format::json) std::fputs(render_listed(sorted, output.listing, output.color).c_str(), stderr);
  if (options.id.empty()) {
    write_out(output.format == Format::json ? rules_json(all, sorted) : rules_text(all));
    return status;
  }
  const auto rule = std::find_if(all.begin(), all.end(), [&](const rules::Rule& r) { return r.id == options.id; });
  if (rule == all.end()) {
    return report_usage_error(unknown_rule(options.id, rule_ids(all)), output);
  }
  write_out(output.format == Format::json ? rule_json(*rule, sorted) : rule_text(*rule));
  return status;
}

}  // namespace rbacq::cli
