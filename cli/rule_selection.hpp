// SPDX-License-Identifier: Apache-2.0
// Rules named on the command line (`rbacq rules ID`, `rbacq lint --only ID`): an unknown id is a
// usage error with did-you-mean, worded once for both commands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::cli {

/// The usage error for `id`, which none of `known` is: did-you-mean, and where the ids are listed.
[[nodiscard]] Diagnostic unknown_rule(std::string_view id, const std::vector<std::string>& known);

/// The ids of `rules`.
[[nodiscard]] std::vector<std::string> rule_ids(const std::vector<rules::Rule>& rules);

/// The usage error for the first id of `only` that is not one of `known` (the rules' ids, and
/// pseudo-rules such as policy-assertion); nullopt when every one is.
[[nodiscard]] std::optional<Diagnostic> check_selection(const std::vector<std::string>& only, const std::vector<std::string>& known);

/// Keeps the rules of `rules` that `only` names (all of them when `only` is empty).
void select_rules(std::vector<rules::Rule>& rules, const std::vector<std::string>& only);

/// Whether `id` runs under `only` (every rule does when it is empty).
[[nodiscard]] bool selected(std::string_view id, const std::vector<std::string>& only);

}  // namespace rbacq::cli
