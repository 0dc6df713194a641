// SPDX-License-Identifier: Apache-2.0
#include "cli/markdown_text.hpp"

#include <algorithm>

#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

// A zero-width space after '@': GitHub links "@name" to a user or team and notifies them.
constexpr std::string_view kAt = "@&#8203;";

}  // namespace

std::string markdown_inline(std::string_view text) {
  const std::string shown = printable(text);
  std::string out;
  out.reserve(shown.size() + shown.size() / 8);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const char c = shown[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '~':
      case '[':
      case ']':
      case '|':
      case '$':
        out += '\\';
        out += c;
        break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '@': out += kAt; break;
      case '#':
      case '-':
      case '+':
      case '=':
        if (i == 0) out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_lines(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    // Markdown reads four leading spaces as code: prose lines are flush left.
    line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
    out += markdown_inline(line);
    if (end == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(end + 1);
  }
  return out;
}

std::string html_text(std::string_view text) {
  const std::string shown = printable(text);
  std::string out;
  out.reserve(shown.size());
  for (const char c : shown) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '@': out += kAt; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace rbacq::cli
