// SPDX-License-Identifier: Apache-2.0
#include "rules/suppression.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "rules/engine.hpp"
#include "rules/ignore_annotation.hpp"

namespace rbacq::rules {
namespace {

bool expired(const IgnoreEntry& entry, CalendarDate today) { return entry.expires && today > *entry.expires; }

/// Calls `visit` with the metadata of every object of the model.
template <class Visit>
void each_object(const analyzer::Model& model, Visit visit) {
  for (const auto& o : model.roles) visit(o.meta);
  for (const auto& o : model.bindings) visit(o.meta);
  for (const auto& o : model.service_accounts) visit(o.meta);
  for (const auto& o : model.namespaces) visit(o.meta);
  for (const auto& o : model.secrets) visit(o.meta);
  for (const auto& o : model.workloads) visit(o.meta);
  for (const auto& o : model.crds) visit(o.meta);
  for (const auto& o : model.aws_auth) visit(o.meta);
}

/// Whether findings in `file` are reported: a PATH, not excluded. A policy assertion without an
/// object is at its entry in the config file, which is reported wherever it is. Asked once per
/// file (`files`: the answers so far; paths are interned, so their views stay valid).
bool in_scope(const SuppressionOptions& options, const Finding& f, std::unordered_map<std::string_view, bool>& files) {
  const std::string_view file = f.location.file.str();
  if (f.rule == kPolicyAssertionRule && !options.config->file.empty() && file == options.config->file) return true;
  const auto [it, added] = files.try_emplace(file, false);
  if (added) it->second = !file.empty() && options.reported(file) && !options.config->excludes(file);
  return it->second;
}

}  // namespace

bool ignores(const IgnoreEntry& entry, const Finding& finding, const LintConfig& config, CalendarDate today) {
  if (entry.rule != finding.rule || expired(entry, today)) return false;
  if (entry.object && *entry.object != finding.object) return false;
  if (entry.path) {
    const auto relative = config.relative_path(finding.location.file.str());
    if (!relative || !entry.path->matches(*relative)) return false;
  }
  return true;
}

bool annotation_suppresses(const Finding& finding, const std::vector<std::string>& rule_ids) {
  if (finding.ignore_annotation.empty()) return false;
  const auto annotation = parse_ignore_annotation(finding.ignore_annotation, rule_ids);
  return annotation && annotation->covers(finding.rule);
}

FilteredFindings filter_findings(std::vector<Finding> found, const SuppressionOptions& options, Diagnostics& problems) {
  const LintConfig& config = *options.config;
  FilteredFindings out;
  // Every finding of this run, reported on or not (--context, excluded paths): a baseline entry
  // is fixed only when its finding is gone, not when this run reports on fewer files.
  std::unordered_set<std::string> present;
  std::unordered_map<std::string_view, bool> files;
  for (Finding& f : found) {
    if (const auto level = config.severity_of(f.rule)) f.severity = *level;
    if (options.baseline != nullptr) present.insert(f.fingerprint);
    if (!in_scope(options, f, files)) {
      out.elsewhere.insert(f.fingerprint);
      continue;
    }
    if (annotation_suppresses(f, options.rule_ids) ||
        std::any_of(config.ignore.begin(), config.ignore.end(), [&](const IgnoreEntry& e) { return ignores(e, f, config, options.today); })) {
      ++out.counts.suppressed;
      continue;
    }
    // A baseline holds the inconclusive findings too, shown or not: a later run with
    // --inconclusive then does not report them as new.
    if (options.keep_accepted) out.accepted.push_back(f);
    if (f.certainty == Certainty::inconclusive && !options.show_inconclusive) {
      ++out.counts.inconclusive_hidden;
      continue;
    }
    if (options.baseline != nullptr && options.baseline->contains(f.fingerprint)) {
      ++out.counts.baselined;
      continue;
    }
    out.reported.push_back(std::move(f));
  }
  if (options.baseline != nullptr) {
    for (const BaselineEntry& e : options.baseline->entries) {
      if (present.contains(e.fingerprint)) continue;
      if (std::find(options.rules_run.begin(), options.rules_run.end(), e.rule) == options.rules_run.end()) continue;
      ++out.counts.fixed_since_baseline;
      problems.add({"baseline-fixed", Severity::note, e.loc,
                    e.object.empty() ? fmt::format("{}: fixed since the baseline", e.rule)
                                     : fmt::format("{} on {}: fixed since the baseline", e.rule, e.object),
                    {{e.loc, "rbacq lint --write-baseline FILE rewrites the baseline without it"}}});
    }
  }
  return out;
}

void check_suppressions(const analyzer::Model& model, const SuppressionOptions& options, Diagnostics& problems) {
  each_object(model, [&](const analyzer::ObjectMeta& meta) {
    const std::string value = ignore_annotation_of(meta);
    const SourceLocation at = meta.ignore_annotation_loc.file.empty() ? meta.loc : meta.ignore_annotation_loc;
    if (value.empty() && meta.ignore_annotation_loc.file.empty()) return;
    if (at.file.empty() || !options.reported(at.file.str()) || options.config->excludes(at.file.str())) return;
    const auto annotation = parse_ignore_annotation(value, options.rule_ids);
    if (annotation) return;
    Diagnostic d = annotation.error();
    d.loc = at;
    for (Note& n : d.notes) n.loc = at;
    problems.add(std::move(d));
  });
  for (const IgnoreEntry& e : options.config->ignore) {
    if (!expired(e, options.today)) continue;
    problems.add({"config-expired", Severity::warning, e.loc,
                  fmt::format("the ignore entry for {} expired on {}, so it no longer suppresses anything", e.rule, to_string(*e.expires)),
                  {{e.loc, fmt::format("it said: {}", e.reason)}, {e.loc, "fix the findings, or give the entry a later 'expires'"}}});
  }
}

}  // namespace rbacq::rules
