// SPDX-License-Identifier: Apache-2.0
// Syntax tree → text that parses back to the same tree: canonical spacing, names quoted only
// when they must be, the parentheses the user wrote plus those precedence needs.
#pragma once

#include <string>
#include <string_view>

#include "query/ast.hpp"

namespace rbacq::query {

[[nodiscard]] std::string print(const Query& query);
[[nodiscard]] std::string print(const Statement& statement);
/// The source part of a statement: `who can get pods in dev`, `grants`.
[[nodiscard]] std::string print(const Source& source);
[[nodiscard]] std::string print(const Expr& expr);
[[nodiscard]] std::string print(const SubjectRef& subject);

/// A name as the grammar reads it back: bare when it can be, else quoted.
[[nodiscard]] std::string print_name(std::string_view name_text);

}  // namespace rbacq::query
