// SPDX-License-Identifier: Apache-2.0
// A checked statement, ready to run: columns resolved to indexes, literals converted to the
// column's type, regexes compiled, resources resolved, functions bound.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analyzer/rbac/request.hpp"
#include "query/ast.hpp"
#include "query/functions.hpp"
#include "query/regex.hpp"
#include "query/relation.hpp"
#include "query/request_plan.hpp"

namespace rbacq::query {

/// A `where` condition over one relation's rows.
struct BoundExpr {
  Expr::Kind kind = Expr::Kind::test;
  std::vector<BoundExpr> children;
  std::size_t column = 0;                          // when `function` is null
  std::shared_ptr<const BoundFunction> function;  // a call
  CompareOp op = CompareOp::eq;
  bool negated = false;
  HasMode has_mode = HasMode::one;
  std::vector<Value> values;
  std::optional<Regex> regex;
};

struct CanPlan {
  SubjectRef subject;
  analyzer::rbac::UserInfo user;  // as the subject asks, with its groups
  RequestPlan requests;
};

struct WhoCanPlan {
  RequestPlan requests;
};

struct WhatCanPlan {
  SubjectRef subject;
  analyzer::rbac::UserInfo user;  // as the subject asks, with its groups
  std::optional<std::string> namespace_;
};

/// A checked statement: where its rows come from, the condition bound to the source's columns,
/// and how the rows are shaped (counted per group, or narrowed to some columns, ordered, cut).
struct StatementPlan {
  std::string text;  // the statement, printed canonically
  /// How the statement was read (requests resolved, a name that is not a service account's…).
  std::vector<analyzer::rbac::QuestionNote> notes;
  std::variant<CanPlan, WhoCanPlan, WhatCanPlan, const Relation*> source;
  const Schema* schema = nullptr;  // the source's columns
  std::optional<BoundExpr> where;
  bool count = false;
  std::vector<std::size_t> group_by;  // source columns (count … by)
  std::vector<std::size_t> columns;   // source columns (select … from); empty: all
  bool distinct = false;
  std::vector<ColumnInfo> output;     // the result's columns
  std::optional<std::size_t> order_column;  // in `output`
  bool descending = false;
  std::optional<std::size_t> limit;
};

}  // namespace rbacq::query
