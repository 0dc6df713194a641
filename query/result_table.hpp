// SPDX-License-Identifier: Apache-2.0
// What every query returns: typed columns, rows with their evidence, and notes on how the
// question was read. Renderers (text, JSON, Markdown, CSV) live in cli/.
#pragma once

#include <string>
#include <vector>

#include "analyzer/rbac/authorizer.hpp"
#include "query/evidence.hpp"
#include "query/value.hpp"

namespace rbacq::query {

struct ResultColumn {
  std::string name;
  Type type = Type::string;
};

struct ResultRow {
  std::vector<Value> values;
  std::vector<Evidence> evidence;
};

struct ResultTable {
  std::string statement;  // the statement, printed canonically
  std::vector<ResultColumn> columns;
  std::vector<ResultRow> rows;
  /// How the question was read ("nodes is cluster-scoped: 'in NS' is ignored").
  std::vector<std::string> notes;
  /// Bindings in scope whose role is missing: the answer may change when it appears.
  std::vector<const analyzer::rbac::ResolvedBinding*> errors;
};

}  // namespace rbacq::query
