// SPDX-License-Identifier: Apache-2.0
#include "cli/rule_selection.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "support/edit_distance.hpp"

namespace rbacq::cli {

Diagnostic unknown_rule(std::string_view id, const std::vector<std::string>& known) {
  Diagnostic error{"usage", Severity::error, {}, fmt::format("no rule '{}'", id), {}};
  const auto close = close_names(id, known, 1);
  if (!close.empty()) error.notes.push_back({{}, fmt::format("did you mean '{}'?", close.front())});
  error.notes.push_back({{}, "'rbacq rules' lists them"});
  return error;
}

std::vector<std::string> rule_ids(const std::vector<rules::Rule>& rules) {
  std::vector<std::string> ids;
  ids.reserve(rules.size());
  for (const rules::Rule& r : rules) ids.push_back(r.id);
  return ids;
}

std::optional<Diagnostic> check_selection(const std::vector<std::string>& only, const std::vector<std::string>& known) {
  for (const std::string& id : only) {
    if (std::find(known.begin(), known.end(), id) == known.end()) return unknown_rule(id, known);
  }
  return std::nullopt;
}

bool selected(std::string_view id, const std::vector<std::string>& only) {
  return only.empty() || std::find(only.begin(), only.end(), id) != only.end();
}

void select_rules(std::vector<rules::Rule>& rules, const std::vector<std::string>& only) {
  std::erase_if(rules, [&](const rules::Rule& r) { return !selected(r.id, only); });
}

}  // namespace rbacq::cli
