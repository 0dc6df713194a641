// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/plain_scalar.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace rbacq::analyzer {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Digits of `s` in base 2^bits_per_digit fit in 64 bits (leading zeros do not count).
bool fits_64_bits(std::string_view digits, unsigned bits_per_digit) {
  const auto first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return true;
  const std::size_t significant = digits.size() - first;
  const auto top = static_cast<unsigned char>(digits[first]);
  const auto top_value = static_cast<unsigned>(is_digit(static_cast<char>(top)) ? top - '0' : std::tolower(top) - 'a' + 10);
  unsigned top_bits = 0;
  for (unsigned v = top_value; v != 0; v >>= 1U) ++top_bits;
  return (significant - 1) * bits_per_digit + top_bits <= 64;
}

/// Go's strconv.ParseInt/ParseUint(s, 0, 64), which go-yaml tries after removing underscores:
/// sign, 0x/0o/0b prefixes, leading-0 octal. A prefixed value beyond 64 bits fails both, and
/// then ParseFloat, so it stays a string; a decimal one is still a float.
bool is_integer(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty()) return false;
  auto all = [&](std::string_view digits, auto pred) { return !digits.empty() && std::all_of(digits.begin(), digits.end(), pred); };
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    return all(s.substr(2), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }) && fits_64_bits(s.substr(2), 4);
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
    return all(s.substr(2), [](char c) { return c >= '0' && c <= '7'; }) && fits_64_bits(s.substr(2), 3);
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    return all(s.substr(2), [](char c) { return c == '0' || c == '1'; }) && fits_64_bits(s.substr(2), 1);
  }
  if (s.size() > 1 && s[0] == '0') return all(s.substr(1), [](char c) { return c >= '0' && c <= '7'; });
  return all(s, is_digit);
}

/// go-yaml v2's float pattern: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool is_float(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t int_start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  const bool has_int = i > int_start;
  bool has_frac = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    has_frac = i > frac_start;
  }
  if (!has_int && !has_frac) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t exp_start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == exp_start) return false;
  }
  if (i != s.size()) return false;
  // Go's ParseFloat fails on overflow (±Inf), and go-yaml then keeps the text as a string.
  const std::string text(s);
  return !std::isinf(std::strtod(text.c_str(), nullptr));
}

}  // namespace

std::optional<bool> plain_bool(std::string_view text) {
  static constexpr std::array<std::string_view, 11> yes{"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static constexpr std::array<std::string_view, 11> no{"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
  if (std::find(yes.begin(), yes.end(), text) != yes.end()) return true;
  if (std::find(no.begin(), no.end(), text) != no.end()) return false;
  return std::nullopt;
}

PlainType plain_type(std::string_view text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return PlainType::null;
  if (plain_bool(text)) return PlainType::boolean;
  const char first = text[0];
  if (!is_digit(first) && first != '+' && first != '-' && first != '.') return PlainType::string;  // fast path
  std::string plain(text);
  plain.erase(std::remove(plain.begin(), plain.end(), '_'), plain.end());
  if (is_integer(plain)) return PlainType::integer;
  if (is_float(plain)) return PlainType::floating;
  static constexpr std::array<std::string_view, 12> special{".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
                                                            "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"};
  if (std::find(special.begin(), special.end(), text) != special.end()) return PlainType::floating;
  return PlainType::string;
}

std::string_view describe(PlainType type) {
  switch (type) {
    case PlainType::string: return "a string";
    case PlainType::null: return "null";
    case PlainType::boolean: return "a boolean";
    case PlainType::integer:
    case PlainType::floating: return "a number";
  }
  return "a value";
}

}  // namespace rbacq::analyzer
