// SPDX-License-Identifier: Apache-2.0
// Text from the input, made safe for GitHub-flavoured Markdown (a pull-request comment, SARIF's
// help.markdown): it reads as the characters it is, never as markup.
#pragma once

#include <string>
#include <string_view>

namespace rbacq::cli {

/// `text` as Markdown inline content (a paragraph, a table cell, a list item). printable() first,
/// so that a newline or ESC shows as `\n`, `\x1b` and cannot end a table row or a <details>
/// block; then what Markdown reads as markup is escaped: `\` `` ` `` `*` `_` `~` `[` `]` `|` `$`
/// with a backslash, `&` `<` `>` as entities (no HTML tags), `@` followed by a zero-width space
/// (no mentions, as Renovate does), and a leading `#` `-` `+` `=` (no heading or list).
[[nodiscard]] std::string markdown_inline(std::string_view text);

/// Several lines of prose (a rule's description): each line as markdown_inline(), line breaks
/// kept, so that blank lines still separate paragraphs.
[[nodiscard]] std::string markdown_lines(std::string_view text);

/// `text` inside an HTML element (<summary>), where Markdown escapes do not apply: printable(),
/// then `&` `<` `>` `"` as entities and `@` as for markdown_inline().
[[nodiscard]] std::string html_text(std::string_view text);

}  // namespace rbacq::cli
