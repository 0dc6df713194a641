// SPDX-License-Identifier: Apache-2.0
#include "cli/lint_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "cli/github_render.hpp"
#include "cli/lint_render.hpp"
#include "cli/until_exit.hpp"
#include "cli/markdown_render.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/repository_paths.hpp"
#include "cli/rule_selection.hpp"
#include "cli/sarif_render.hpp"
#include "rules/baseline.hpp"
#include "rules/catalogue.hpp"
#include "rules/config.hpp"
#include "rules/engine.hpp"
#include "rules/policy_assertion.hpp"
#include "rules/rule_file.hpp"
#include "rules/suppression.hpp"
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
    "  rbacq lint --rules policies/ deploy/                 # your rules too (one YAML file each)\n"
    "  rbacq lint --only secrets-read --only rbac-bind .    # just these rules\n"
    "  rbacq lint --write-baseline .rbacq-baseline deploy/  # accept today's findings...\n"
    "  rbacq lint --baseline .rbacq-baseline deploy/        # ...and report only new ones\n\n"
    "Suppressing: annotate the object with rbacq.io/ignore: \"RULE[,RULE] -- reason\", or configure lint in .rbacq.yaml\n"
    "(rules.disable, rules.severity, exclude, ignore, deny, fail-on), found in the first PATH's directory or above.\n"
    "The --config file and the --baseline/--write-baseline files are not read as manifests when a PATH directory holds\n"
    "them (a dot-file such as .rbacq.yaml never is). The rules run on every CPU the process may use (its CPU set and\n"
    "cgroup quota, at most 8); RBACQ_THREADS=N sets how many threads.\n\n";

constexpr const char* kOutputHelp =
    "\nOutput: file:line:col: error|warning|note: message [rule] and note: lines, then a summary; -o json\n"
    "{\"schema\":\"rbacq/v1\",\"findings\":[{\"rule\",\"severity\",\"certainty\",\"message\",\"object\",\"location\",\"notes\",\n"
    "\"fingerprint\"}],\"summary\":{…,\"suppressed\",\"baselined\",\"fixedSinceBaseline\"},\"diagnostics\"}; -o sarif SARIF 2.1.0\n"
    "for GitHub code scanning; -o markdown a pull-request comment; -o github one workflow command (::error file=…,line=…::…)\n"
    "per finding, for annotations in GitHub Actions. SARIF, Markdown and GitHub paths are relative to the repository root\n"
    "(git's top level, else the current directory). Exit status: 0 no finding at or above --fail-on, 1 some, 2 a usage\n"
    "mistake, a broken rule, .rbacq.yaml or baseline, or errors in the input, 3 internal error.";

/// Whether `file` is one of `paths` or inside one of them (a directory).
bool under(std::string_view file, const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  // <stdin>, <built-in>/…: only standard input is ever named (as "-").
  if (file.starts_with('<')) return file == "<stdin>" && std::find(paths.begin(), paths.end(), "-") != paths.end();
  std::error_code ec;
  const fs::path f = fs::absolute(fs::path(file), ec).lexically_normal();
  for (const std::string& path : paths) {
    if (path == "-") continue;
    const fs::path p = fs::absolute(fs::path(path), ec).lexically_normal();
    const fs::path rel = f.lexically_relative(p);
    // Inside (or the file itself): a relative path that does not climb out.
    if (!rel.empty() && (rel == "." || *rel.begin() != "..")) return true;
  }
  return false;
}

/// --write-baseline: this run's accepted findings, and what an earlier baseline at `path` holds
/// that this run could not have found (rules that did not run, files not reported on). Not
/// written when the run has errors (its findings may be incomplete), nor over a file that is
/// not a baseline.
bool write_baseline(const std::string& path, const rules::FilteredFindings& filtered, const std::vector<std::string>& rules_run, bool clean,
                    Diagnostics& problems) {
  const SourceLocation at{FilePath::intern(path), 0, 0};
  if (!clean) {
    problems.add({"baseline-invalid", Severity::error, at,
                  "the baseline was not written: the run has errors, and a baseline of incomplete findings would let the missing "
                  "ones through later",
                  {}});
    return false;
  }
  std::vector<rules::BaselineEntry> kept;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    Diagnostics unreadable;
    const auto previous = rules::load_baseline(path, unreadable);
    if (!previous) {
      problems.add({"baseline-invalid", Severity::error, at, "the file exists and is not a baseline: not overwritten", {}});
      return false;
    }
    kept = rules::entries_to_keep(*previous, rules_run, filtered.elsewhere);
  }
  return rules::write_baseline(path, filtered.accepted, kept, problems);
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
  cmd->add_option("--fail-on", options.fail_on, "Exit 1 when a finding is at least this severe: info, low, medium, high, critical "
                  "(when not given: .rbacq.yaml's fail-on, or high)")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}))
      ->capture_default_str();
  cmd->add_flag("--inconclusive", options.inconclusive, "Also show findings that depend on what the input does not show");
  cmd->add_option("--rules", options.rule_dirs, "A directory of your own rules (one YAML file each), besides rbacq's (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  cmd->add_option("--only", options.only, "Run only this rule (repeatable; policy-assertion for .rbacq.yaml's deny)")
      ->type_name("RULE")
      ->allow_extra_args(false);
  cmd->add_option("--config", options.config, "The lint configuration to use instead of the .rbacq.yaml found from the first PATH upwards")
      ->type_name("FILE");
  cmd->add_option("--baseline", options.baseline, "Do not report the findings of this baseline file (--write-baseline writes one)")
      ->type_name("FILE");
  cmd->add_option("--write-baseline", options.write_baseline, "Write this run's findings to FILE as a baseline; they are then not reported")
      ->type_name("FILE");
  add_input_options(*cmd, options.input);
  return cmd;
}

int run_lint(const CLI::App& command, const LintOptions& options, const OutputOptions& output) {
  const auto analysis = analysis_options(options.input);
  if (!analysis) return report_usage_error(analysis.error(), output);

  Diagnostics rule_problems;
  std::vector<rules::Rule> all_rules = rules::load_rules(options.rule_dirs, rule_problems);
  std::vector<std::string> rule_ids = cli::rule_ids(all_rules);
  rule_ids.emplace_back(rules::kPolicyAssertionRule);
  if (const auto unknown = check_selection(options.only, rule_ids)) {
    // A rule --only names may be missing because its file is broken: say so first.
    if (!rule_problems.empty()) write_err(render_listed(rule_problems.sorted(), output.listing, output.color));
    return report_usage_error(*unknown, output);
  }

  std::vector<std::string> report = options.input.paths;
  if (report.empty()) report.emplace_back(".");

  // Configuration and baseline before anything runs: a broken one is an error, not a surprise.
  Diagnostics config_problems;
  std::optional<rules::LintConfig> config = rules::LintConfig{};
  const std::optional<std::string> config_file = options.config.empty() ? rules::find_config(report.front()) : options.config;
  rules::LintConfig partial;
  if (config_file) config = rules::load_config(*config_file, rule_ids, config_problems, &partial);
  // A broken file's option names are checked too: all of its mistakes in one run. (The rules
  // do not run, so the values given them do not matter.)
  if (!config) (void)rules::check_options(partial, all_rules, config_problems);
  std::optional<rules::Baseline> baseline;
  if (!options.baseline.empty()) baseline = rules::load_baseline(options.baseline, config_problems);
  bool configured = config && (options.baseline.empty() || baseline);
  if (configured && !rules::apply_options(*config, all_rules, config_problems)) configured = false;
  if (!configured) config = rules::LintConfig{};
  select_rules(all_rules, options.only);
  std::erase_if(all_rules, [&](const rules::Rule& r) { return config->is_disabled(r.id); });
  const bool assertions = selected(rules::kPolicyAssertionRule, options.only) && !config->is_disabled(rules::kPolicyAssertionRule);

  // Only what the user asked about: not --context, not the built-in default policy.
  const std::function<bool(std::string_view)> reported = [&](std::string_view file) { return under(file, report); };
  std::vector<std::string> load = report;
  load.insert(load.end(), options.context.begin(), options.context.end());
  // Lint's own files may sit among the manifests (.rbacq.yaml, a baseline.yaml): not inputs.
  analyzer::AnalysisOptions analysis_options = *analysis;
  if (config_file) analysis_options.passed_over.push_back(*config_file);
  for (const std::string* own : {&options.baseline, &options.write_baseline}) {
    if (!own->empty()) analysis_options.passed_over.push_back(*own);
  }
  const analyzer::AnalysisContext& context = until_exit<analyzer::AnalysisContext>(load, analysis_options);

  Diagnostics engine_problems;
  std::vector<rules::Finding> found;
  if (configured) {
    found = rules::run_rules(all_rules, context, engine_problems);
    if (rules::check_config(*config, context, config_problems) && assertions) {
      for (rules::Finding& f : rules::run_assertions(*config, context, reported)) found.push_back(std::move(f));
    }
  }
  rules::SuppressionOptions suppression;
  suppression.config = &*config;
  suppression.baseline = baseline ? &*baseline : nullptr;
  suppression.today = rules::today();
  suppression.show_inconclusive = options.inconclusive;
  suppression.rule_ids = rule_ids;
  for (const rules::Rule& r : all_rules) suppression.rules_run.push_back(r.id);
  if (!config->deny.empty() && assertions) suppression.rules_run.emplace_back(rules::kPolicyAssertionRule);
  suppression.reported = reported;
  suppression.keep_accepted = !options.write_baseline.empty();
  if (configured) rules::check_suppressions(context.model(), suppression, config_problems);
  rules::FilteredFindings filtered = rules::filter_findings(std::move(found), suppression, config_problems);
  if (configured && !options.write_baseline.empty() && write_baseline(options.write_baseline, filtered, suppression.rules_run,
                                                                       !context.diagnostics().has_errors() && !rule_problems.has_errors() &&
                                                                           !config_problems.has_errors() && !engine_problems.has_errors(),
                                                                       config_problems)) {
    // What was just accepted is this run's baseline.
    filtered.counts.baselined += filtered.reported.size();
    filtered.reported.clear();
  }
  const std::vector<rules::Finding>& shown = filtered.reported;

  const query::Level fail_on = command.count("--fail-on") == 0 && config->fail_on ? *config->fail_on : *query::parse_level(options.fail_on);
  LintSummary summary;
  summary.ran = configured;
  summary.config_errors = config_problems.count(Severity::error);
  summary.rules = configured ? all_rules.size() + (assertions && !config->deny.empty() ? 1 : 0) : 0;
  summary.files = static_cast<std::size_t>(std::count_if(context.model().files.begin(), context.model().files.end(), [&](FilePath f) {
    return under(f.str(), report) && !config->excludes(f.str());
  }));
  summary.suppressed = filtered.counts.suppressed;
  summary.baselined = filtered.counts.baselined;
  summary.fixed_since_baseline = filtered.counts.fixed_since_baseline;
  summary.inconclusive_hidden = filtered.counts.inconclusive_hidden;
  bool fails = false;
  for (const rules::Finding& f : shown) {
    ++summary.findings;
    ++summary.by_severity[static_cast<std::size_t>(f.severity)];
    fails = fails || f.severity >= fail_on;
  }

  std::vector<Diagnostic> problems = context.diagnostics().sorted();
  for (const auto* list : {&rule_problems, &config_problems, &engine_problems}) {
    for (const Diagnostic& d : list->sorted()) problems.push_back(d);
  }
  const auto error_count = static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
  const bool errors = error_count != 0;
  // What the reports describe: the rules that ran, and the policy assertions when there are any.
  if (!config->deny.empty() && assertions) all_rules.push_back(rules::assertion_rule(*config));
  switch (output.format) {
    case Format::json: write_out(lint_json(shown, summary, problems)); break;
    case Format::sarif:
      // The log carries the problems too; stderr still lists them for whoever reads the job's log.
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_sarif(all_rules, shown, problems, RepositoryPaths::discover()));
      break;
    case Format::markdown:
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_markdown(all_rules, shown, summary, error_count, RepositoryPaths::discover()));
      break;
    case Format::github:
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_github(shown, RepositoryPaths::discover()));
      break;
    default:
      write_err(render_listed(problems, output.listing, output.color));
      write_out(lint_text(shown, summary, output.color));
      break;
  }
  // Written out: the model and the findings go with the process, not one allocation at a time.
  (void)until_exit<rules::FilteredFindings>(std::move(filtered));
  if (errors) return kExitError;
  return fails ? kExitFindings : kExitOk;
}

}  // namespace rbacq::cli
