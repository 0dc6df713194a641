// SPDX-License-Identifier: Apache-2.0
// Aligned text tables, as kubectl prints them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rbacq::cli {

using TableRow = std::vector<std::string>;

/// Columns padded to their widest cell (in display columns) and separated by `gap`; the last
/// column is not padded and no line ends in spaces. Cells must already be printable().
[[nodiscard]] std::string aligned_table(const std::vector<TableRow>& rows, std::string_view gap);

}  // namespace rbacq::cli
