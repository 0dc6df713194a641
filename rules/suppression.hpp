// SPDX-License-Identifier: Apache-2.0
// What happens to findings after the engine, before a report: severity overrides, then what is
// not reported (paths outside the PATHs, excluded paths), then what is suppressed (the object's
// rbacq.io/ignore annotation, ignore entries of .rbacq.yaml), hidden (inconclusive) and
// baselined (--baseline). Each step is counted for the summary.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzer/model.hpp"
#include "rules/baseline.hpp"
#include "rules/calendar_date.hpp"
#include "rules/config.hpp"
#include "rules/finding.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::rules {

/// What lint leaves out of a report, counted for its summary.
struct SuppressionCounts {
  std::size_t suppressed = 0;            // by an annotation or an ignore entry
  std::size_t baselined = 0;             // in the --baseline file
  std::size_t inconclusive_hidden = 0;   // inconclusive, without --inconclusive
  std::size_t fixed_since_baseline = 0;  // baseline entries that no finding has any more
};

struct SuppressionOptions {
  const LintConfig* config = nullptr;    // never null: an empty config when there is no file
  const Baseline* baseline = nullptr;    // --baseline FILE; nullptr when none
  CalendarDate today;                    // ignore entries expire after their day
  bool show_inconclusive = false;        // --inconclusive
  std::vector<std::string> rule_ids;     // every rule an annotation may name, disabled ones too
  std::vector<std::string> rules_run;    // the rules that ran: only their baseline entries can be fixed
  /// Whether findings in `file` are reported on: in the PATHs, not in --context or built in.
  std::function<bool(std::string_view file)> reported;
  /// --write-baseline: keep FilteredFindings::accepted (a copy of most findings, else not made).
  bool keep_accepted = false;
};

struct FilteredFindings {
  std::vector<Finding> reported;  // what the report shows
  std::vector<Finding> accepted;  // reported, baselined and hidden inconclusive: what --write-baseline writes (keep_accepted)
  std::unordered_set<std::string> elsewhere;  // fingerprints of findings outside the reported files
  SuppressionCounts counts;
};

/// Whether an ignore entry applies to `finding` on `today`: its rule, path and object match, and
/// its day has not passed.
[[nodiscard]] bool ignores(const IgnoreEntry& entry, const Finding& finding, const LintConfig& config, CalendarDate today);

/// The object's rbacq.io/ignore annotation suppresses `finding`: it names the finding's rule,
/// with a reason, and names no rule that does not exist.
[[nodiscard]] bool annotation_suppresses(const Finding& finding, const std::vector<std::string>& rule_ids);

/// Runs the steps, in order: severity overrides (rules.severity), then findings outside the
/// reported files or in excluded paths are dropped (a policy assertion at its config entry
/// stays), then annotations and ignore entries suppress, inconclusive findings are hidden, and
/// the baseline's are baselined. Baseline entries of rules that ran and no finding has any more
/// are [baseline-fixed] notes in `problems`.
[[nodiscard]] FilteredFindings filter_findings(std::vector<Finding> found, const SuppressionOptions& options, Diagnostics& problems);

/// Suppressions that suppress nothing, as warnings: rbacq.io/ignore annotations of objects in
/// reported files without a reason or with an unknown rule id [lint-suppression], at the
/// annotation; ignore entries whose day has passed [config-expired], at the entry.
void check_suppressions(const analyzer::Model& model, const SuppressionOptions& options, Diagnostics& problems);

}  // namespace rbacq::rules
