// SPDX-License-Identifier: Apache-2.0
// Byte offsets → 1-based line and column, for JSON, whose parser reports only offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace rbacq::analyzer {

/// Line and column from byte offsets, for JSON. Offsets are asked for mostly in increasing order,
/// so it counts newlines from the previous answer instead of indexing the whole file.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text = {}) : text_(text) {}
  /// 1-based line and byte column of `offset`.
  std::pair<std::uint32_t, std::uint32_t> locate(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;
};

}  // namespace rbacq::analyzer
