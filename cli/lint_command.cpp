// SPDX-License-Identifier: Apache-2.0
#include "cli/lint_command.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/github_render.hpp"
#include "cli/lint_render.hpp"
#include "cli/markdown_render.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/repository_paths.hpp"
#include "cli/sarif_render.hpp"
#include "rules/catalogue.hpp"
#include "rules/engine.hpp"
#include "rules/rule_file.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

constexpr const char* kHelp =
    "Runs rbacq's rules (and yours, --rules DIR) over the manifests and reports what they find, each finding at the\n"
    "line that causes it, with the evidence: subject → binding → role → rule, each at file:line. Rules are queries of\n"
    "the query language (rbacq rules lists them; rbacq rules ID shows one). Findings that rest on what the input does\n"
    "not show (a role that is not in the input) are inconclusive, and shown only with --inconclusive.\n\n"
    "Examples:\n"
    "  rbacq lint deploy/                                   # every rule, findings at or above high fail\n"
    "  rbacq lint --fail-on medium --with-defaults deploy/\n"
    "  rbacq lint changed.yaml --context deploy/            # pre-commit: report on one file, resolve with the rest\n"
    "  rbacq lint -o json deploy/ | jq '.findings[] | select(.severity==\"critical\")'\n"
    "  rbacq lint --rules policies/ deploy/                 # your rules too (one YAML file each)\n\n";

constexpr const char* kOutputHelp =
    "\nOutput: file:line:col: error|warning|note: message [rule] and note: lines, then a summary; -o json\n"
    "{\"schema\":\"rbacq/v1\",\"findings\":[{\"rule\",\"severity\",\"certainty\",\"message\",\"object\",\"location\",\"notes\",\n"
    "\"fingerprint\"}],\"summary\",\"diagnostics\"}; -o sarif SARIF 2.1.0 for GitHub code scanning; -o markdown a pull-request\n"
    "comment; -o github one workflow command (::error file=…,line=…::…) per finding, for annotations in GitHub Actions.\n"
    "SARIF, Markdown and GitHub paths are relative to the repository root (git's top level, else the current directory).\n"
    "Exit status: 0 no finding at or above --fail-on, 1 some, 2 a usage mistake, a broken rule or errors in the input,\n"
    "3 internal error.";

/// Whether `file` is one of `paths` or inside one of them (a directory).
bool under(std::string_view file, const std::vector<std::string>& paths) {
  for (std::string path : paths) {
    if (path == "-") path = "<stdin>";
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    if (file == path || path == "." || (file.starts_with(path) && file.size() > path.size() && file[path.size()] == '/')) return true;
  }
  return false;
}

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

void write_err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

}  // namespace

CLI::App* add_lint_command(CLI::App& app, LintOptions& options) {
  CLI::App* cmd = app.add_subcommand("lint", "Find escalations and mistakes: rbacq's rules over the manifests, each finding at its line");
  cmd->footer(std::string(kHelp) + kOutputHelp);
  cmd->add_option("PATH", options.input.paths, "Files and directories to report on (default: the current directory)");
  // One value per --context and --rules: pre-commit appends the changed files after the hook's
  // arguments, and a vector option would swallow them (`--context deploy/ a.yaml` would lint ".").
  cmd->add_option("--context", options.context, "Also load this path to resolve references, without reporting on it (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  cmd->add_option("--fail-on", options.fail_on, "Exit 1 when a finding is at least this severe: info, low, medium, high, critical")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}))
      ->capture_default_str();
  cmd->add_flag("--inconclusive", options.inconclusive, "Also show findings that depend on what the input does not show");
  cmd->add_option("--rules", options.rule_dirs, "A directory of your own rules (one YAML file each), besides rbacq's (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  add_input_options(*cmd, options.input);
  return cmd;
}

int run_lint(const CLI::App& /*command*/, const LintOptions& options, const OutputOptions& output) {
  const auto analysis = analysis_options(options.input);
  if (!analysis) return report_usage_error(analysis.error(), output);

  Diagnostics rule_problems;
  const std::vector<rules::Rule> all_rules = rules::load_rules(options.rule_dirs, rule_problems);

  std::vector<std::string> report = options.input.paths;
  if (report.empty()) report.emplace_back(".");
  std::vector<std::string> load = report;
  load.insert(load.end(), options.context.begin(), options.context.end());
  const analyzer::AnalysisContext context(load, *analysis);

  Diagnostics engine_problems;
  std::vector<rules::Finding> found = rules::run_rules(all_rules, context, engine_problems);
  const query::Level fail_on = *query::parse_level(options.fail_on);
  LintSummary summary;
  summary.rules = all_rules.size();
  summary.files = static_cast<std::size_t>(std::count_if(context.model().files.begin(), context.model().files.end(),
                                                         [&](FilePath f) { return under(f.str(), report); }));
  std::erase_if(found, [&](const rules::Finding& f) {
    // Only what the user asked about: not --context, not the built-in default policy.
    if (f.location.file.empty() || !under(f.location.file.str(), report)) return true;
    if (f.certainty == rules::Certainty::inconclusive && !options.inconclusive) {
      ++summary.inconclusive_hidden;
      return true;
    }
    return false;
  });
  bool fails = false;
  for (const rules::Finding& f : found) {
    ++summary.findings;
    ++summary.by_severity[static_cast<std::size_t>(f.severity)];
    fails = fails || f.severity >= fail_on;
  }

  std::vector<Diagnostic> problems = context.diagnostics().sorted();
  for (const auto* list : {&rule_problems, &engine_problems}) {
    for (const Diagnostic& d : list->sorted()) problems.push_back(d);
  }
  const auto error_count = static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
  const bool errors = error_count != 0;
  switch (output.format) {
    case Format::json: write_out(lint_json(found, summary, problems)); break;
    case Format::sarif:
      // The log carries the problems too; stderr still lists them for whoever reads the job's log.
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_sarif(all_rules, found, problems, RepositoryPaths::discover()));
      break;
    case Format::markdown:
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_markdown(all_rules, found, summary, error_count, RepositoryPaths::discover()));
      break;
    case Format::github:
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_github(found, RepositoryPaths::discover()));
      break;
    default:
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_text(found, summary, output.color));
      break;
  }
  if (errors) return kExitError;
  return fails ? kExitFindings : kExitOk;
}

}  // namespace rbacq::cli
