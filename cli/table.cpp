// SPDX-License-Identifier: Apache-2.0
#include "cli/table.hpp"

#include <algorithm>

#include "support/printable.hpp"

namespace rbacq::cli {

std::string aligned_table(const std::vector<TableRow>& rows, std::string_view gap) {
  std::vector<std::size_t> width;
  for (const TableRow& row : rows) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  }
  std::string out;
  for (const TableRow& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i + 1 == row.size()) {
        line += row[i];
      } else {
        line += pad_right(row[i], width[i]);
        line += gap;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace rbacq::cli
