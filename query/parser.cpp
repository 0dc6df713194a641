// SPDX-License-Identifier: Apache-2.0
// The only translation unit that includes PEGTL (through grammar.hpp, errors.hpp, syntax_tree.hpp
// and builder.hpp, its private headers).
#include "query/parser.hpp"

#include <optional>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "query/builder.hpp"
#include "query/errors.hpp"
#include "query/grammar.hpp"
#include "query/syntax_tree.hpp"
#include "support/printable.hpp"

namespace rbacq::query {
namespace {

namespace pegtl = tao::pegtl;

template <typename Rule>
using Control = pegtl::must_if<grammar::errors>::control<Rule>;

/// The offset of the next token at or after `offset`: errors point at what was found, not at
/// the blanks before it.
std::size_t skip_blanks(std::string_view text, std::size_t offset) {
  while (offset < text.size()) {
    const char c = text[offset];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++offset;
    } else if (c == '#') {
      while (offset < text.size() && text[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  return offset;
}

/// What the user wrote at `offset`, for "found 'x'": the rest of the word, or one character.
std::string found_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return "the end of the query";
  std::size_t end = offset;
  while (end < text.size() && end - offset < 24 && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r' &&
         text[end] != ';' && text[end] != ',' && text[end] != ')' && text[end] != '(') {
    ++end;
  }
  if (end == offset) end = offset + 1;
  return fmt::format("'{}'", text.substr(offset, end - offset));  // escaped by the renderer
}

/// At most this many display columns of the query line are shown on each side of the caret: a
/// pasted 95,000-character line is not echoed whole, nor followed by 64,000 blanks.
constexpr std::size_t kCaretContext = 60;

/// `text` made printable one character (or stray byte) at a time.
std::vector<std::string> printable_characters(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::max<std::size_t>(utf8_sequence_length(text, i), 1);
    out.push_back(printable(text.substr(i, n)));
    i += n;
  }
  return out;
}

/// A bare name stops at '/': `named kubernetes.io/kube-apiserver-client` fails at the slash. The
/// name with its slash, quoted, is what was meant.
std::optional<std::string> slash_in_name_hint(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] != '/') return std::nullopt;
  std::size_t start = at;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\t' && text[start - 1] != '\n' && text[start - 1] != '(' &&
         text[start - 1] != ',') {
    --start;
  }
  std::size_t end = at;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != ')' && text[end] != ',' &&
         text[end] != ';') {
    ++end;
  }
  if (start == at) return std::nullopt;
  return fmt::format("a name with '/' is written in quotes: \"{}\"", text.substr(start, end - start));
}

Diagnostic syntax_error(std::string_view text, std::size_t offset, std::string message, std::string_view origin, std::uint32_t first_line) {
  return Diagnostic{"query-syntax", Severity::error, location_in(text, offset, origin, first_line), std::move(message), {}};
}

}  // namespace

SourceLocation location_in(std::string_view text, std::size_t offset, std::string_view origin, std::uint32_t first_line) {
  offset = std::min(offset, text.size());
  std::uint32_t line = first_line;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {FilePath::intern(origin), line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

std::string caret_lines(std::string_view text, const SourceLocation& loc, std::uint32_t first_line) {
  std::size_t start = 0;
  for (std::uint32_t line = first_line; line < loc.line && start < text.size(); ++line) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  const std::size_t nl = text.find('\n', start);
  std::string_view line_text = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
  if (!line_text.empty() && line_text.back() == '\r') line_text.remove_suffix(1);
  const std::size_t col = std::min<std::size_t>(loc.column == 0 ? 0 : loc.column - 1, line_text.size());
  // Cut where characters start, so that an escape such as \u200b is shown whole or not at all.
  const std::vector<std::string> before = printable_characters(line_text.substr(0, col));
  const std::vector<std::string> after = printable_characters(line_text.substr(col));
  std::string left;
  std::size_t width = 0;
  auto from = before.end();
  while (from != before.begin() && width + display_width(*std::prev(from)) <= kCaretContext) width += display_width(*--from);
  if (from != before.begin()) left = "…";
  for (auto it = from; it != before.end(); ++it) left += *it;
  std::string right;
  width = 0;
  auto to = after.begin();
  while (to != after.end() && width + display_width(*to) <= kCaretContext) width += display_width(*to++);
  for (auto it = after.begin(); it != to; ++it) right += *it;
  if (to != after.end()) right += "…";
  return fmt::format("  {}{}\n  {}^\n", left, right, std::string(display_width(left), ' '));
}

bool is_reserved_word(std::string_view word) {
  pegtl::memory_input in(word.data(), word.size(), "");
  return pegtl::parse<pegtl::seq<grammar::reserved, pegtl::eof>>(in);
}

Result<Query> parse_query(std::string_view text, std::string_view origin, std::uint32_t first_line) {
  if (text.size() > kMaxQueryBytes) {
    return fail(syntax_error(text, kMaxQueryBytes, fmt::format("the query is longer than {} KiB", kMaxQueryBytes / 1024), origin, first_line));
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return fail(syntax_error(text, nul, "the query contains a NUL byte", origin, first_line));
  }
  pegtl::memory_input in(text.data(), text.size(), std::string(origin));
  try {
    const auto root = pegtl::parse_tree::parse<grammar::query, grammar::selector, grammar::nesting, Control>(in);
    if (!root) return fail(syntax_error(text, 0, "expected a statement", origin, first_line));  // the grammar raises first
    if (root->children.size() > kMaxStatements) {
      return fail(syntax_error(text, root->children.at(kMaxStatements)->begin().byte,
                               fmt::format("a query has at most {} statements", kMaxStatements), origin, first_line));
    }
    return grammar::Builder::query(*root);
  } catch (const pegtl::parse_error& e) {
    const std::size_t at = e.positions().empty() ? 0 : skip_blanks(text, e.positions().front().byte);
    Diagnostic d = syntax_error(text, at, fmt::format("{}, found {}", e.message(), found_at(text, at)), origin, first_line);
    if (auto hint = slash_in_name_hint(text, at)) d.notes.push_back({d.loc, std::move(*hint)});
    return fail(std::move(d));
  }
}

}  // namespace rbacq::query
