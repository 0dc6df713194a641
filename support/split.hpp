// SPDX-License-Identifier: Apache-2.0
// Cutting text at a separator, for the small formats lint reads (path globs, KIND/NS/NAME,
// baseline lines, lists of rule ids).
#pragma once

#include <string_view>
#include <vector>

namespace rbacq {

/// The pieces of `text` between `separator`s, empty ones included: "a//b" is {"a", "", "b"},
/// "" is {""}. The pieces point into `text`.
[[nodiscard]] std::vector<std::string_view> split(std::string_view text, char separator);

}  // namespace rbacq
