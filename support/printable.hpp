// SPDX-License-Identifier: Apache-2.0
// Text from the input, made safe for a terminal or a CI log.
#pragma once

#include <string>
#include <string_view>

namespace rbacq {

/// Escapes what a terminal would interpret or a log parser would split on: C0 and C1 control
/// characters, DEL, and bytes that are not UTF-8, as `\n`, `\t`, `\x1b`... A name in a manifest
/// must not be able to move the cursor, recolour the screen or forge a `file:line: error:` line.
/// Characters a terminal shows as nothing or as a blank (format characters such as U+200B and
/// U+FEFF, bidirectional controls, spaces other than U+0020) are escaped as `\u200b` (`\U000e0001`
/// past U+FFFF), so that `kube-system\u200b` is not mistaken for `kube-system`.
[[nodiscard]] std::string printable(std::string_view text);

/// Length of the valid UTF-8 sequence starting at `s[i]`, or 0 when the byte starts none.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// Columns `text` takes on a terminal, counting one per code point (for aligned tables).
[[nodiscard]] std::size_t display_width(std::string_view text);

/// `text` padded with spaces to `width` display columns.
[[nodiscard]] std::string pad_right(std::string_view text, std::size_t width);

}  // namespace rbacq
