// SPDX-License-Identifier: Apache-2.0
#include "rules/rule.hpp"

#include <algorithm>

namespace rbacq::rules {

SourceLocation QueryPositions::at(std::uint32_t line, std::uint32_t column) const {
  if (lines.empty()) return {};
  const std::size_t i = std::min<std::size_t>(line == 0 ? 0 : line - 1, lines.size() - 1);
  SourceLocation loc = lines[i];
  loc.column += column == 0 ? 0 : column - 1;
  return loc;
}

query::Level Rule::severity() const {
  query::Level out = query::Level::info;
  for (const RuleCase& c : cases) out = std::max(out, c.severity);
  return out;
}

}  // namespace rbacq::rules
