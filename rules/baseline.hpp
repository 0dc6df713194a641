// SPDX-License-Identifier: Apache-2.0
// Baseline files: the fingerprints of findings accepted when the file was written, so that lint
// reports only new ones (--baseline FILE), and the file itself (--write-baseline FILE).
//
// Text, one finding a line, sorted by rule, object, message and fingerprint, so that a rewrite
// after a change shows as a small diff. Fields are separated by a tab; only the first is read:
//
//   # rbacq baseline: …
//   5c0e2f3a9d1b7e64<TAB>wildcard-rule<TAB>ClusterRole/everything<TAB>rule 1 of ClusterRole …
//
// Lines starting with '#' and blank lines are comments. The rest (rule, object, message) is for
// people reviewing the file; control characters in it are escaped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzer/input/source_text.hpp"
#include "rules/finding.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::rules {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;     // as written, for messages about the entry
  std::string object;   // KIND/NAME or KIND/NS/NAME, or ""
  std::string message;  // as written (escaped)
  SourceLocation loc;   // the line
};

struct Baseline {
  std::vector<BaselineEntry> entries;
  std::unordered_set<std::string> fingerprints;  // of entries: a run asks once per finding
  [[nodiscard]] bool contains(const std::string& fingerprint) const { return fingerprints.contains(fingerprint); }
};

/// Reads a baseline; nullopt when it cannot be read or a line does not start with a
/// fingerprint ([baseline-invalid] errors at the line).
[[nodiscard]] std::optional<Baseline> load_baseline(const std::string& path, Diagnostics& diagnostics);

/// load_baseline for text already read (tests).
[[nodiscard]] std::optional<Baseline> read_baseline(const analyzer::SourceText& source, Diagnostics& diagnostics);

/// The baseline of `findings` and of the entries `kept` from an earlier one: sorted, one line
/// each, a fingerprint only once. Deterministic: the same findings give the same bytes.
[[nodiscard]] std::string baseline_text(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& kept = {});

/// The entries of `previous` that a rewrite keeps because this run could not have found them
/// again: of rules that did not run (--only, disabled), or found outside the reported files.
[[nodiscard]] std::vector<BaselineEntry> entries_to_keep(const Baseline& previous, const std::vector<std::string>& rules_run,
                                                         const std::unordered_set<std::string>& found_elsewhere);

/// Writes baseline_text(findings, kept) to `path`; false with a [baseline-invalid] error when it
/// cannot be written.
bool write_baseline(const std::string& path, const std::vector<Finding>& findings, const std::vector<BaselineEntry>& kept,
                    Diagnostics& diagnostics);

}  // namespace rbacq::rules
