// SPDX-License-Identifier: Apache-2.0
#include "support/printable.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace rbacq {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((c & 0xE0U) == 0xC0) {
    n = 1;
    cp = c & 0x1FU;
  } else if ((c & 0xF0U) == 0xE0) {
    n = 2;
    cp = c & 0x0FU;
  } else if ((c & 0xF8U) == 0xF0) {
    n = 3;
    cp = c & 0x07U;
  } else {
    return 0;
  }
  if (i + n >= s.size()) return 0;  // truncated
  for (std::size_t k = 1; k <= n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0U) != 0x80) return 0;
    cp = (cp << 6U) | (cc & 0x3FU);
  }
  const bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n + 1;
}

namespace {

/// U+200E/F, U+202A-E, U+2066-9 (bidirectional controls) and U+2028/9 (line and paragraph
/// separators): they reorder or split a line on screen. Returns the code point, or 0.
unsigned reorders_text(std::string_view seq) {
  if (seq.size() != 3 || static_cast<unsigned char>(seq[0]) != 0xE2) return 0;
  const unsigned cp = ((0xE2U & 0x0FU) << 12U) | ((static_cast<unsigned char>(seq[1]) & 0x3FU) << 6U) |
                      (static_cast<unsigned char>(seq[2]) & 0x3FU);
  const bool bad = cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
                   cp == 0x2028 || cp == 0x2029;
  return bad ? cp : 0;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
      ++i;
      continue;
    }
    if (n == 1) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
          } else {
            out.push_back(static_cast<char>(c));
          }
      }
    } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])));  // C1 control
    } else if (const auto cp = reorders_text(text.substr(i, n))) {
      out += fmt::format("\\u{:04x}", cp);  // bidi control or line separator ("Trojan Source")
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  // Continuation bytes (10xxxxxx) do not start a character.
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace rbacq
