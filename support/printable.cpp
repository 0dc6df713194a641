// SPDX-License-Identifier: Apache-2.0
#include "support/printable.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

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

/// The code point of the valid UTF-8 sequence `seq` (2 to 4 bytes).
char32_t decode(std::string_view seq) {
  const auto lead = static_cast<unsigned char>(seq[0]);
  char32_t cp = seq.size() == 2 ? (lead & 0x1FU) : seq.size() == 3 ? (lead & 0x0FU) : (lead & 0x07U);
  for (std::size_t k = 1; k < seq.size(); ++k) cp = (cp << 6U) | (static_cast<unsigned char>(seq[k]) & 0x3FU);
  return cp;
}

/// Code points that a terminal shows as nothing, as a blank, or that change the line around
/// them, so that `kube-system\u200b` would look like `kube-system`: C1 controls, every format
/// character (Unicode category Cf: zero-width spaces and joiners, U+FEFF, bidirectional controls
/// - "Trojan Source" - and tags), every space but U+0020 (Zs: U+00A0, U+2000-U+200A, …), and the
/// line and paragraph separators (Zl, Zp). From the Unicode 15.0 character database.
constexpr std::pair<char32_t, char32_t> kHidden[] = {
    {0x0080, 0x00A0}, {0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD},
    {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2}, {0x1680, 0x1680}, {0x180E, 0x180E},
    {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
};

bool hidden(char32_t cp) {
  const auto* after = std::upper_bound(std::begin(kHidden), std::end(kHidden), cp,
                                       [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
  return after != std::begin(kHidden) && cp <= std::prev(after)->second;
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
    } else if (const char32_t cp = decode(text.substr(i, n)); hidden(cp)) {
      out += cp <= 0xFFFF ? fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp)) : fmt::format("\\U{:08x}", static_cast<std::uint32_t>(cp));
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
