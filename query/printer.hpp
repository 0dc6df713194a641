// SPDX-License-Identifier: Apache-2.0
// Syntax tree → text that parses back to the same tree: canonical spacing, names quoted only
// when they must be, the parentheses the user wrote plus those precedence needs.
#pragma once

#include <string>

#include "query/ast.hpp"
#include "query/value.hpp"

namespace rbacq::query {

[[nodiscard]] std::string print(const Query& query);
[[nodiscard]] std::string print(const Statement& statement);
[[nodiscard]] std::string print(const Expr& expr);
[[nodiscard]] std::string print(const SubjectRef& subject);

/// The subject a literal names, as bindings name subjects.
[[nodiscard]] SubjectValue subject_value(const SubjectRef& subject);

}  // namespace rbacq::query
