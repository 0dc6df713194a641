// SPDX-License-Identifier: Apache-2.0
#include "rules/scalar_positions.hpp"

#include <string_view>

namespace rbacq::rules {
namespace {

/// The file's line `line` (1-based), without its line end.
std::string_view line_of(std::string_view text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  const std::size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

std::uint32_t indentation(std::string_view line) {
  std::uint32_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

}  // namespace

QueryPositions positions_of(std::string_view file_text, SourceLocation at, std::size_t value_lines) {
  QueryPositions out;
  const std::string_view first = line_of(file_text, at.line);
  const char style = at.column >= 1 && at.column <= first.size() ? first[at.column - 1] : ' ';
  if (style == '|' || style == '>') {
    std::uint32_t line = at.line + 1;
    std::uint32_t indent = 0;
    // The block's indentation is its first non-empty line's.
    for (std::uint32_t l = line; l < line + 1000; ++l) {
      const std::string_view text = line_of(file_text, l);
      if (text.find_first_not_of(' ') != std::string_view::npos) {
        indent = indentation(text);
        break;
      }
      if (l > at.line + value_lines + 1) break;
    }
    for (std::size_t i = 0; i < value_lines; ++i) out.lines.push_back({at.file, line + static_cast<std::uint32_t>(i), indent + 1});
    return out;
  }
  const std::uint32_t column = style == '"' || style == '\'' ? at.column + 1 : at.column;
  out.lines.push_back({at.file, at.line, column});
  return out;
}

}  // namespace rbacq::rules
