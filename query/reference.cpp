// SPDX-License-Identifier: Apache-2.0
#include "query/reference.hpp"

#include <fmt/format.h>

namespace rbacq::query {
namespace {

/// A Markdown table cell: '|' would end it.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string columns_reference(const std::vector<ColumnInfo>& columns) {
  std::string out = "| Column | Type | Meaning |\n|---|---|---|\n";
  for (const ColumnInfo& c : columns) {
    std::string meaning = cell(c.doc);
    if (!c.values.empty()) meaning += fmt::format(" ({})", fmt::join(c.values, ", "));
    if (c.hidden) meaning += " — hidden: not shown unless selected";
    out += fmt::format("| `{}` | {} | {} |\n", c.name, type_name(c.type), meaning);
  }
  return out;
}

std::string relation_reference(const Relation& relation) { return relation.doc() + "\n\n" + columns_reference(relation.columns()); }

std::string function_reference(const FunctionInfo& function) {
  return fmt::format("### {} → {}\n\n{}\n", function.signature, type_name(function.result), function.doc);
}

}  // namespace rbacq::query
