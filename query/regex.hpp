// SPDX-License-Identifier: Apache-2.0
// Regular expressions of `=~` and `!~`: RE2 (linear time, so a query cannot hang on a
// pathological pattern), behind a type of our own so that RE2 stays in regex.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace rbacq::query {

class Regex {
 public:
  /// The compiled pattern, or RE2's description of what is wrong with it.
  [[nodiscard]] static tl::expected<Regex, std::string> compile(std::string_view pattern);
  /// Whether the pattern matches somewhere in `text` (unanchored, as grep).
  [[nodiscard]] bool search(std::string_view text) const;

 private:
  struct Compiled;
  explicit Regex(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace rbacq::query
