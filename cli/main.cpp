// SPDX-License-Identifier: Apache-2.0
// rbacq: command-line entry point. Parses arguments, runs one command, maps outcomes to exit codes.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/can_i_command.hpp"
#include "cli/input_options.hpp"
#include "cli/inventory_command.hpp"
#include "cli/lint_command.hpp"
#include "cli/output.hpp"
#include "cli/query_command.hpp"
#include "cli/rules_command.hpp"
#include "cli/usage_hints.hpp"
#include "cli/who_can_command.hpp"
#include "support/edit_distance.hpp"

namespace rbacq::cli {

bool want_color(bool no_color_flag, std::FILE* stream) {
  if (no_color_flag) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(::fileno(stream)) != 0;
}

namespace {

/// The first word the user typed that CLI11 could not place, for "did you mean" (the remaining
/// arguments of the top-level app, in order).
std::optional<std::string> argc_first_word(const CLI::App* app) {
  const std::vector<std::string> rest = app->remaining();
  if (rest.empty()) return std::nullopt;
  return rest.front();
}

constexpr const char* kDescription =
    "rbacq: offline Kubernetes RBAC analysis. Reads manifests, cluster dumps (kubectl get -o yaml|json)\n"
    "and kubeconfigs, and answers with Kubernetes' own authorization semantics.";

constexpr const char* kFooter =
    "Examples:\n"
    "  rbacq inventory deploy/                    # what is in a directory of manifests\n"
    "  rbacq can-i get secrets -n prod --as system:serviceaccount:ci:deployer -f deploy/ --explain\n"
    "  rbacq who-can create pods --subresource exec -n prod -f deploy/ --with-defaults\n"
    "  rbacq query 'bindings where role = cluster-admin' -f deploy/ --explain\n"
    "  rbacq lint deploy/                         # rbacq's rules: escalations and mistakes, at their lines\n"
    "  rbacq rules                                # the rules lint runs; rbacq rules ID for one\n"
    "  kubectl get clusterroles,clusterrolebindings -o json | rbacq inventory -\n"
    "  rbacq -o json inventory ~/.kube/config     # kubeconfig users, fingerprints only\n\n"
    "Run 'rbacq COMMAND --help' for a command's options. Exit status: 0 ok, 1 warnings with --strict,\n"
    "2 input errors or usage mistakes, 3 internal error; can-i: 0 yes, 1 no; lint: 1 findings at or above --fail-on.";

constexpr const char* kInventoryHelp =
    "Show what was loaded: objects per kind, namespaces, kubeconfig users (fingerprints only), and\n"
    "every problem found in the input, as file:line:col: severity: message [id].\n\n"
    "Examples:\n"
    "  rbacq inventory manifests/                 # a directory, recursively (.yaml .yml .json, kubeconfigs)\n"
    "  kubectl get roles,rolebindings -A -o json | rbacq inventory -\n"
    "  rbacq inventory -o json deploy.yaml        # {\"schema\":\"rbacq/v1\",\"counts\":{...},...}\n"
    "  rbacq inventory --strict charts/out/       # exit 1 on warnings too (pre-commit)\n"
    "  rbacq inventory -o dot deploy/ | dot -Tsvg > rbac.svg   # the subject -> binding -> role -> rule graph\n\n"
    "Exit status: 0 loaded cleanly, 1 warnings with --strict, 2 errors in the input or a usage\n"
    "mistake, 3 internal error.";

int run(int argc, char** argv) {
  CLI::App app{kDescription, "rbacq"};
  app.footer(kFooter);
  app.set_version_flag("--version", fmt::format("rbacq {}", RBACQ_VERSION));
  app.require_subcommand(0, 1);
  app.fallthrough();

  std::string format = "text";
  bool no_color = false;
  app.add_option("-o,--output", format,
                 "Output format: text or json; for query also markdown, csv or dot (Graphviz); for inventory also dot; for lint also "
                 "sarif, markdown or github")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv", "dot", "sarif", "github"}))
      ->default_str("text");
  app.add_flag("--no-color", no_color, "Never colour the output (also: NO_COLOR=1)");

  InventoryOptions inventory;
  std::size_t max_file_mib = inventory.limits.max_file_bytes >> 20U;
  CLI::App* inv = app.add_subcommand("inventory", "What was loaded: counts per kind, namespaces, diagnostics");
  inv->footer(kInventoryHelp);
  inv->add_option("paths", inventory.paths, "Files, directories (recursive) or - for standard input")->required();
  inv->add_flag("--strict", inventory.strict, "Exit 1 when there are warnings");
  // Below 2 GiB: yaml-cpp counts positions in an int, and JSON offsets are 32-bit.
  inv->add_option("--max-file-size", max_file_mib, "Refuse files larger than this many MiB (1-2047)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{2047}))
      ->capture_default_str();

  CanIOptions can_i;
  CLI::App* can_i_cmd = add_can_i_command(app, can_i);
  WhoCanOptions who_can;
  CLI::App* who_can_cmd = add_who_can_command(app, who_can);
  QueryOptions query;
  CLI::App* query_cmd = add_query_command(app, query);
  LintOptions lint;
  CLI::App* lint_cmd = add_lint_command(app, lint);
  RulesOptions rules;
  CLI::App* rules_cmd = add_rules_command(app, rules);
  // One listing, set by whichever command runs; can-i keeps kubectl's -q (print nothing at all).
  ProblemListing listing;
  for (CLI::App* command : {inv, who_can_cmd, query_cmd, lint_cmd, rules_cmd}) add_listing_options(*command, listing, true);
  add_listing_options(*can_i_cmd, listing, false);

  // CLI11's own messages, in rbacq's voice, with a suggestion for a mistyped command and for what
  // the command line probably meant (usage_hints).
  const std::vector<std::string> args(argv + 1, argv + argc);
  app.failure_message([&args](const CLI::App* failed, const CLI::Error& e) {
    std::string out = fmt::format("rbacq: error: {}\n", e.what());
    std::vector<std::string> names;
    const CLI::App* root = failed;
    while (root->get_parent() != nullptr) root = root->get_parent();
    for (const CLI::App* sub : root->get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    if (failed == root && argc_first_word(failed).has_value()) {
      const auto close = close_names(*argc_first_word(failed), names);
      if (!close.empty()) out += fmt::format("rbacq: note: did you mean '{}'?\n", close.front());
    }
    std::string command = failed == root ? std::string() : failed->get_name();
    for (const CLI::App* sub : root->get_subcommands([](const CLI::App* a) { return a->parsed(); })) command = sub->get_name();
    for (const std::string& hint : usage_hints(args, command, root->remaining(true))) out += fmt::format("rbacq: note: {}\n", hint);
    return out + fmt::format("rbacq: note: run '{} --help' for the options and examples\n", command.empty() ? "rbacq" : "rbacq " + command);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitError;
  }
  const Format chosen = format == "json"       ? Format::json
                       : format == "markdown" ? Format::markdown
                       : format == "csv"      ? Format::csv
                       : format == "dot"      ? Format::dot
                       : format == "sarif"    ? Format::sarif
                       : format == "github"   ? Format::github
                                              : Format::text;
  const OutputOptions output{chosen, want_color(no_color, stderr), listing};
  // Which command prints which formats, beyond text and json (rules prints only those two).
  const std::vector<std::pair<const CLI::App*, std::vector<Format>>> formats{
      {inv, {Format::dot}},
      {query_cmd, {Format::markdown, Format::csv, Format::dot}},
      {lint_cmd, {Format::sarif, Format::markdown, Format::github}},
  };
  if (chosen != Format::text && chosen != Format::json) {
    std::vector<std::string> takers;
    bool allowed = false;
    for (const auto& [command, list] : formats) {
      if (std::find(list.begin(), list.end(), chosen) == list.end()) continue;
      takers.push_back("'rbacq " + command->get_name() + "'");
      allowed = allowed || command->parsed();
    }
    if (!allowed) {
      std::fprintf(stderr, "rbacq: error: -o %s is for %s; other commands print text or json\n", format.c_str(),
                   fmt::format("{}", fmt::join(takers, " and ")).c_str());
      return kExitError;
    }
  }

  if (inv->parsed()) {
    inventory.limits.max_file_bytes = max_file_mib << 20U;
    return run_inventory(inventory, output);
  }
  if (can_i_cmd->parsed()) return run_can_i(*can_i_cmd, can_i, output);
  if (who_can_cmd->parsed()) return run_who_can(*who_can_cmd, who_can, output);
  if (query_cmd->parsed()) return run_query_command(*query_cmd, query, output);
  if (lint_cmd->parsed()) return run_lint(*lint_cmd, lint, output);
  if (rules_cmd->parsed()) return run_rules(rules, output);
  std::fputs(app.help().c_str(), stdout);
  return kExitOk;
}

}  // namespace
}  // namespace rbacq::cli

int main(int argc, char** argv) {
  try {
    return rbacq::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rbacq: internal error: %s\nPlease report it with the command line that caused it.\n", e.what());
    return rbacq::cli::kExitInternal;
  }
}
