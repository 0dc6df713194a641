// SPDX-License-Identifier: Apache-2.0
// Where the text of a YAML scalar sits in its file, line by line: a query or message written in
// a rule file or .rbacq.yaml reports its errors at the file's own line and column.
#pragma once

#include <cstddef>
#include <string_view>

#include "rules/rule.hpp"
#include "support/source_location.hpp"

namespace rbacq::rules {

/// Where each line of the scalar at `at` starts in the file: a block scalar (`|`, `>`) has one
/// line per content line, at the block's indentation; a quoted one starts after its quote; a
/// plain one where it stands (a folded multi-line plain or quoted scalar is one line of text).
[[nodiscard]] QueryPositions positions_of(std::string_view file_text, SourceLocation at, std::size_t value_lines);

}  // namespace rbacq::rules
