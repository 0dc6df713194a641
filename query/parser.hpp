// SPDX-License-Identifier: Apache-2.0
// Text → syntax tree. Errors are diagnostics [query-syntax] at line:column of the query, naming
// what was expected and what was found; render_error() adds the query line and a caret.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "query/ast.hpp"
#include "support/diagnostic.hpp"
#include "support/result.hpp"

namespace rbacq::query {

/// A query longer than this is refused before parsing (a pasted file, not a question).
inline constexpr std::size_t kMaxQueryBytes = 64 * 1024;
/// At most this many ';'-separated statements in one query.
inline constexpr std::size_t kMaxStatements = 256;

/// Parses `text`. `origin` names where it came from in error locations ("query", "<stdin>",
/// a file); `first_line` is the line of `text` in that origin.
[[nodiscard]] Result<Query> parse_query(std::string_view text, std::string_view origin = "query", std::uint32_t first_line = 1);

/// Whether `word` is reserved by the grammar (and/or/where/…): such a name must be quoted.
[[nodiscard]] bool is_reserved_word(std::string_view word);

/// The location of byte `offset` of `text`, as a diagnostic at `origin` would carry it.
[[nodiscard]] SourceLocation location_in(std::string_view text, std::size_t offset, std::string_view origin, std::uint32_t first_line);

/// "  can user:alice gett pods\n                 ^" — the line of `text` that `loc` points into,
/// indented by two, and a caret under the column (display columns, so UTF-8 lines up). A long
/// line is clipped to 60 display columns on each side of the caret, with "…" where it is cut.
[[nodiscard]] std::string caret_lines(std::string_view text, const SourceLocation& loc, std::uint32_t first_line);

}  // namespace rbacq::query
