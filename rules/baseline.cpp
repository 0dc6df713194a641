// SPDX-License-Identifier: Apache-2.0
#include "rules/baseline.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "support/printable.hpp"
#include "support/split.hpp"

namespace rbacq::rules {
namespace {

constexpr std::string_view kHeader =
    "# rbacq baseline: findings accepted when this file was written. `rbacq lint --baseline FILE` does not report them.\n"
    "# One finding a line: fingerprint, rule, object, message, separated by tabs. Only the fingerprint is read;\n"
    "# rewrite the file with `rbacq lint --write-baseline FILE` rather than by hand.\n";

bool is_fingerprint(std::string_view text) {
  return text.size() == 16 && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::optional<Baseline> read_baseline(const analyzer::SourceText& source, Diagnostics& diagnostics) {
  Baseline out;
  bool ok = true;
  std::string_view text = source.bytes;
  std::uint32_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    const std::vector<std::string_view> parts = split(line, '\t');
    const SourceLocation loc{source.path, line_number, 1};
    if (!is_fingerprint(parts[0])) {
      diagnostics.add({"baseline-invalid", Severity::error, loc, "not a baseline line: a line starts with a finding's fingerprint (16 hex digits) and a tab",
                       {{loc, "write baselines with rbacq lint --write-baseline FILE"}}});
      ok = false;
      continue;
    }
    out.fingerprints.emplace(parts[0]);
    out.entries.push_back({std::string(parts[0]), parts.size() > 1 ? std::string(parts[1]) : std::string(),
                           parts.size() > 2 && parts[2] != "-" ? std::string(parts[2]) : std::string(),
                           parts.size() > 3 ? std::string(parts[3]) : std::string(), loc});
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Baseline> load_baseline(const std::string& path, Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    diagnostics.add({"baseline-invalid", Severity::error, {FilePath::intern(path), 0, 0},
                     std::filesystem::exists(path, ec) ? "the baseline file cannot be read" : "no such baseline file",
                     {{{FilePath::intern(path), 0, 0}, "write one with rbacq lint --write-baseline FILE"}}});
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return read_baseline(analyzer::SourceText{FilePath::intern(path), text.str(), 1, 1}, diagnostics);
}

std::string baseline_text(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& kept) {
  struct Line {
    std::string rule, object, message, fingerprint;
  };
  std::vector<Line> lines;
  lines.reserve(findings.size() + kept.size());
  for (const Finding& f : findings) lines.push_back({printable(f.rule), printable(to_string(f.object)), printable(f.message), f.fingerprint});
  for (const BaselineEntry& e : kept) lines.push_back({printable(e.rule), printable(e.object), printable(e.message), e.fingerprint});
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.rule, a.object, a.message, a.fingerprint) < std::tie(b.rule, b.object, b.message, b.fingerprint);
  });
  std::string out(kHeader);
  std::unordered_set<std::string_view> written;
  for (const Line& l : lines) {
    if (!written.insert(l.fingerprint).second) continue;
    out += fmt::format("{}\t{}\t{}\t{}\n", l.fingerprint, l.rule, l.object.empty() ? "-" : l.object, l.message);
  }
  return out;
}

std::vector<BaselineEntry> entries_to_keep(const Baseline& previous, const std::vector<std::string>& rules_run,
                                           const std::unordered_set<std::string>& found_elsewhere) {
  std::vector<BaselineEntry> out;
  for (const BaselineEntry& e : previous.entries) {
    const bool ran = std::find(rules_run.begin(), rules_run.end(), e.rule) != rules_run.end();
    if (!ran || found_elsewhere.contains(e.fingerprint)) out.push_back(e);
  }
  return out;
}

bool write_baseline(const std::string& path, const std::vector<Finding>& findings, const std::vector<BaselineEntry>& kept,
                    Diagnostics& diagnostics) {
  const std::string text = baseline_text(findings, kept);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    diagnostics.add({"baseline-invalid", Severity::error, {FilePath::intern(path), 0, 0}, "the baseline file cannot be written", {}});
    return false;
  }
  return true;
}

}  // namespace rbacq::rules
