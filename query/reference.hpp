// SPDX-License-Identifier: Apache-2.0
// The reference of the relations and functions, as Markdown, from the descriptions built into
// them: docs/query-language.md holds these blocks, and a test keeps them equal to the code.
#pragma once

#include <string>

#include "query/functions.hpp"
#include "query/relation.hpp"

namespace rbacq::query {

/// A table of columns (name, type, meaning; hidden columns say so).
[[nodiscard]] std::string columns_reference(const std::vector<ColumnInfo>& columns);

/// The relation's description, then a table of its columns.
[[nodiscard]] std::string relation_reference(const Relation& relation);

/// "### SIGNATURE → TYPE" and the function's description.
[[nodiscard]] std::string function_reference(const FunctionInfo& function);

}  // namespace rbacq::query
