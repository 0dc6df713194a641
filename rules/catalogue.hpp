// SPDX-License-Identifier: Apache-2.0
// The rules rbacq ships (rules/builtin/ID.yaml, compiled in from rules/CMakeLists.txt's list)
// and the user's (--rules DIR): one YAML file per rule.
#pragma once

#include <string>
#include <vector>

#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::rules {

/// The built-in rules, sorted by id. A broken built-in rule is a diagnostic (and a failing test).
[[nodiscard]] std::vector<Rule> builtin_rules(Diagnostics& diagnostics);

/// The rules of every *.yaml/*.yml file of `dir` (not recursive), sorted by id; problems with
/// their positions. A rule whose id a built-in or another file already has is an error.
[[nodiscard]] std::vector<Rule> user_rules(const std::string& dir, Diagnostics& diagnostics);

/// `builtin` and `user` together; a user rule may not reuse a built-in id.
[[nodiscard]] std::vector<Rule> merge_rules(std::vector<Rule> builtin, std::vector<Rule> user, Diagnostics& diagnostics);

/// What `rbacq lint` runs and `rbacq rules` lists: the built-in rules and those of each of
/// `user_dirs` (--rules), merged and sorted by id.
[[nodiscard]] std::vector<Rule> load_rules(const std::vector<std::string>& user_dirs, Diagnostics& diagnostics);

}  // namespace rbacq::rules
