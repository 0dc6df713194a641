// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/line_cursor.hpp"

#include <algorithm>
#include <cstring>

namespace rbacq::analyzer {

std::pair<std::uint32_t, std::uint32_t> LineCursor::locate(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < offset_) {  // rare: restart from the top
    offset_ = 0;
    line_ = 1;
    line_start_ = 0;
  }
  const char* base = text_.data();
  for (const char* p = base + offset_; p < base + offset;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(base + offset - p));
    if (nl == nullptr) break;
    ++line_;
    p = static_cast<const char*>(nl) + 1;
    line_start_ = static_cast<std::size_t>(p - base);
  }
  offset_ = offset;
  return {line_, static_cast<std::uint32_t>(offset - line_start_ + 1)};
}

}  // namespace rbacq::analyzer
