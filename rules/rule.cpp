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

std::vector<query::QueryOption> Rule::query_options() const {
  std::vector<query::QueryOption> out;
  out.reserve(options.size());
  for (const RuleOption& o : options) out.push_back({o.name, o.values});
  return out;
}

const RuleOption* Rule::option(std::string_view name) const {
  for (const RuleOption& o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

}  // namespace rbacq::rules
