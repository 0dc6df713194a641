// SPDX-License-Identifier: Apache-2.0
// What every query returns: typed columns, rows with their evidence, and notes on how the
// question was read. Renderers (text, JSON, Markdown, CSV, DOT) live in cli/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/group_members.hpp"
#include "analyzer/rbac/question_notes.hpp"
#include "query/evidence.hpp"
#include "query/relation.hpp"
#include "query/value.hpp"

namespace rbacq::query {

struct ResultColumn {
  std::string name;
  Type type = Type::string;
  bool hidden = false;  // not shown (a condition's column, not selected)
};

struct ResultRow {
  std::vector<Value> values;
  /// Why the row is there: subject → binding → role → rule, or the objects it comes from.
  std::vector<Evidence> evidence;
  /// For a denied `can` row: what came close to allowing it.
  std::vector<Evidence> near_misses;
  /// For a group subject whose members Kubernetes decides: who is in it.
  std::optional<analyzer::rbac::GroupMembers> members;
  /// The model objects the row is about (bindings, roles, rules, subjects).
  RowObjects objects;
};

struct ResultTable {
  std::string statement;  // the statement, printed canonically
  std::vector<ResultColumn> columns;
  std::vector<ResultRow> rows;
  /// How the question was read ("nodes is cluster-scoped: 'in NS' is ignored"), as data.
  std::vector<analyzer::rbac::QuestionNote> notes;
  /// Bindings in scope whose role is missing: the answer may change when it appears.
  std::vector<const analyzer::rbac::ResolvedBinding*> errors;
};

}  // namespace rbacq::query
