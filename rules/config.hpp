// SPDX-License-Identifier: Apache-2.0
// .rbacq.yaml: how lint is configured for a repository — rules disabled or re-graded, paths not
// reported on, findings ignored (with a reason, until a date), policy assertions, --fail-on.
//
//   rules:
//     disable: [wildcard-rule]
//     severity: {system-masters-binding: critical}
//   exclude: ["vendor/**", "charts/*/templates/tests/**"]   # globs relative to this file
//   ignore:
//     - rule: wildcard-rule
//       path: "deploy/legacy/**"              # optional
//       object: "ClusterRole/legacy-admin"    # optional: KIND/NAME or KIND/NS/NAME
//       reason: "migrating in Q1"             # required
//       expires: 2027-03-31                   # optional; after it the entry suppresses nothing
//   deny:                                     # statements that must never have rows
//     - "can sa:ci/deployer get secrets in kube-system"
//     - query: "who can escalate clusterroles where subject != group:system:masters"
//       severity: critical                    # default high
//       message: "{subject} may escalate ClusterRoles"
//   fail-on: medium                           # the default of --fail-on
//
// Found by walking up from the first PATH, as git finds .git, or named with --config FILE.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/input/source_text.hpp"
#include "query/value.hpp"
#include "rules/calendar_date.hpp"
#include "rules/finding.hpp"
#include "rules/glob.hpp"
#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::rules {

/// The file name looked for.
inline constexpr std::string_view kConfigFileName = ".rbacq.yaml";

/// The rule id of the findings of `deny` assertions.
inline constexpr std::string_view kPolicyAssertionRule = "policy-assertion";

/// An entry of `ignore`: the findings of `rule` in files matching `path` and on `object` (each
/// when given) are suppressed, until `expires` has passed.
struct IgnoreEntry {
  std::string rule;
  std::optional<Glob> path;
  std::optional<ObjectRef> object;  // KIND/NAME (no namespace) or KIND/NS/NAME
  std::string reason;
  std::optional<CalendarDate> expires;  // the last day it applies
  SourceLocation loc;                   // the entry, for warnings
};

/// An entry of `deny`: a statement whose rows are violations (for `can`, its allowed rows).
struct DenyAssertion {
  RuleCase statement;  // query, positions, severity (high unless given), message ("" for the default)
  SourceLocation loc;  // the entry: where a violation without an object is reported
};

/// An entry of `rules.options`: option `option` of rule `rule` takes `values` (instead of the
/// rule's default).
struct OptionSetting {
  std::string rule;
  std::string option;
  std::vector<std::string> values;
  SourceLocation loc;  // the option's key in the config
};

struct LintConfig {
  std::string file;  // as found or given; "" when there is no config
  std::string base;  // the config file's directory, absolute: what globs are relative to
  std::vector<std::string> disabled;
  std::vector<std::pair<std::string, query::Level>> severity;
  std::vector<OptionSetting> options;
  std::vector<Glob> exclude;
  std::vector<IgnoreEntry> ignore;
  std::vector<DenyAssertion> deny;
  std::optional<query::Level> fail_on;

  [[nodiscard]] bool is_disabled(std::string_view rule) const;
  /// The severity `rules.severity` gives `rule`'s findings, if any.
  [[nodiscard]] std::optional<query::Level> severity_of(std::string_view rule) const;
  /// `path` relative to `base`, `/`-separated; nullopt when it is not under `base` (or is not a
  /// file: <stdin>, <built-in>).
  [[nodiscard]] std::optional<std::string> relative_path(std::string_view path) const;
  /// Whether `path` matches `exclude`.
  [[nodiscard]] bool excludes(std::string_view path) const;
};

/// The .rbacq.yaml of `start` (a file or directory; "-" is the current directory): in its
/// directory or the nearest directory above, up to the filesystem root. nullopt when none.
[[nodiscard]] std::optional<std::string> find_config(std::string_view start);

/// Reads the config file `path`. `rule_ids`: the ids it may name (the rules loaded, and
/// policy-assertion). nullopt when it is unreadable or broken: [config-invalid] and
/// [query-syntax] errors at their line and column. `partial`, when given, receives what could be
/// read of a file with errors (nullopt returned), so that the caller can report the rest of the file's mistakes
/// too (option names, which only the rules know: check_options).
[[nodiscard]] std::optional<LintConfig> load_config(const std::string& path, const std::vector<std::string>& rule_ids,
                                                    Diagnostics& diagnostics, LintConfig* partial = nullptr);

/// load_config for text already read (tests).
[[nodiscard]] std::optional<LintConfig> read_config(const analyzer::SourceText& source, const std::vector<std::string>& rule_ids,
                                                    Diagnostics& diagnostics, LintConfig* partial = nullptr);

/// Whether every option `config.options` sets is one its rule declares; one that is not is a
/// [config-invalid] error at its key, with did-you-mean.
bool check_options(const LintConfig& config, const std::vector<Rule>& rules, Diagnostics& diagnostics);

/// Gives `rules` the option values of `config.options` when check_options finds them all
/// declared (true); else changes nothing (false).
bool apply_options(const LintConfig& config, std::vector<Rule>& rules, Diagnostics& diagnostics);

/// Checks the `deny` statements against the analysis: [query-check] errors at their position in
/// the config file. True when they are clean.
bool check_config(const LintConfig& config, const analyzer::AnalysisContext& context, Diagnostics& diagnostics);

}  // namespace rbacq::rules
