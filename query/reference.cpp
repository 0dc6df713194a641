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

std::string relation_reference(const Relation& relation) {
  std::string out = relation.doc() + "\n\n| Column | Type | Meaning |\n|---|---|---|\n";
  for (const ColumnInfo& c : relation.columns()) out += fmt::format("| `{}` | {} | {} |\n", c.name, type_name(c.type), cell(c.doc));
  return out;
}

std::string function_reference(const FunctionInfo& function) {
  return fmt::format("### {} → {}\n\n{}\n", function.signature, type_name(function.result), function.doc);
}

}  // namespace rbacq::query
