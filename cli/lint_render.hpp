// SPDX-License-Identifier: Apache-2.0
// Lint findings for people and machines: text (file:line:col: severity: message [id], then
// note: lines), JSON (rbacq/v1). Escaping for a terminal happens here, nowhere before.
#pragma once

#include <string>
#include <vector>

#include "rules/finding.hpp"
#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::cli {

/// The counts a summary shows.
struct LintSummary {
  std::size_t findings = 0;
  std::size_t by_severity[5] = {0, 0, 0, 0, 0};  // info … critical
  std::size_t suppressed = 0;            // by rbacq.io/ignore annotations and .rbacq.yaml ignore entries
  std::size_t baselined = 0;             // in the --baseline file (or just written to --write-baseline)
  std::size_t fixed_since_baseline = 0;  // baseline entries no finding has any more
  std::size_t inconclusive_hidden = 0;
  std::size_t rules = 0;
  std::size_t files = 0;
  /// False when a broken .rbacq.yaml or baseline stopped the rules from running.
  bool ran = true;
  std::size_t config_errors = 0;  // in the .rbacq.yaml and the baseline
  [[nodiscard]] std::string text() const;
};

/// "1 rule", "2 files": a count and its noun (English plurals in -s).
[[nodiscard]] std::string counted(std::size_t n, std::string_view word);

/// The level of a finding for editors, SARIF and CI: critical and high are errors, medium and low
/// warnings, info notes.
[[nodiscard]] std::string_view level_word(query::Level level);

/// GNU style, as editors and CI parse it; colour only when asked.
[[nodiscard]] std::string lint_text(const std::vector<rules::Finding>& findings, const LintSummary& summary, bool color);

/// {"schema":"rbacq/v1","findings":[{rule,severity,certainty,message,object,location,notes,fingerprint}],
///  "summary":{…},"diagnostics":[…]}.
[[nodiscard]] std::string lint_json(const std::vector<rules::Finding>& findings, const LintSummary& summary,
                                    const std::vector<Diagnostic>& diagnostics);

}  // namespace rbacq::cli
