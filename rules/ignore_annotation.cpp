// SPDX-License-Identifier: Apache-2.0
#include "rules/ignore_annotation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/model.hpp"
#include "support/edit_distance.hpp"
#include "support/split.hpp"

namespace rbacq::rules {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

Diagnostic problem(std::string message, std::vector<std::string> notes = {}) {
  Diagnostic d{"lint-suppression", Severity::warning, {}, std::move(message), {}};
  for (std::string& n : notes) d.notes.push_back({{}, std::move(n)});
  return d;
}

}  // namespace

bool IgnoreAnnotation::covers(std::string_view rule) const { return std::find(rules.begin(), rules.end(), rule) != rules.end(); }

Result<IgnoreAnnotation> parse_ignore_annotation(std::string_view value, const std::vector<std::string>& known_rules) {
  const std::string example = fmt::format("write it as {}: \"RULE[,RULE] -- why this is fine\"", analyzer::kIgnoreAnnotation);
  const std::size_t dashes = value.find("--");
  IgnoreAnnotation out;
  const std::string_view ids = trim(value.substr(0, dashes));
  if (dashes != std::string_view::npos) out.reason = std::string(trim(value.substr(dashes + 2)));
  if (out.reason.empty()) {
    return fail(problem(fmt::format("{} gives no reason, so it suppresses nothing", analyzer::kIgnoreAnnotation), {example}));
  }
  for (std::string_view id : split(ids, ',')) {
    id = trim(id);
    if (id.empty()) continue;
    if (std::find(known_rules.begin(), known_rules.end(), id) == known_rules.end()) {
      std::vector<std::string> notes;
      const auto close = close_names(id, known_rules);
      if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
      notes.emplace_back("rbacq rules lists the rule ids");
      return fail(problem(fmt::format("{} names no rule '{}', so it suppresses nothing", analyzer::kIgnoreAnnotation, id), std::move(notes)));
    }
    out.rules.emplace_back(id);
  }
  if (out.rules.empty()) return fail(problem(fmt::format("{} names no rule, so it suppresses nothing", analyzer::kIgnoreAnnotation), {example}));
  return out;
}

}  // namespace rbacq::rules
