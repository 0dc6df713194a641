// SPDX-License-Identifier: Apache-2.0
// How far apart two names are, for "did you mean …?" suggestions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rbacq {

/// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`
/// (optimal string alignment distance). "secert" → "secret" is 1.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates within a typo's reach of `word` (a third of its length, at least 1), closest
/// first, at most `limit`.
[[nodiscard]] std::vector<std::string> close_names(std::string_view word, const std::vector<std::string>& candidates,
                                                   std::size_t limit = 5);

}  // namespace rbacq
