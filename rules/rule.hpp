// SPDX-License-Identifier: Apache-2.0
// A lint rule: metadata and one or more cases, each a query of rbacq's language whose rows are
// the findings, with a severity and a message template over the rows' columns (DESIGN §7).
#pragma once

#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/check_context.hpp"
#include "query/value.hpp"
#include "support/source_location.hpp"

namespace rbacq::rules {

/// Whether a finding is certain, or depends on what the input does not show (a binding to a
/// role that is not in the input: the finding holds if the role is what its name says).
enum class Certainty { sure, inconclusive };

/// Where each line of a query written in a YAML scalar starts in the rule file, so that an
/// error at line:column of the query points at the same character of the file.
struct QueryPositions {
  std::vector<SourceLocation> lines;  // lines[i]: the file position of the query's line i+1, column 1
  /// The file position of the query's `line`:`column` (1-based).
  [[nodiscard]] SourceLocation at(std::uint32_t line, std::uint32_t column) const;
};

/// Where a finding points: the line the row points at (a binding's subject entry, a rule, an
/// object), or the roleRef of the row's binding — for what is wrong with the reference itself.
enum class FindingAt { row, role_ref };

/// One query of a rule, with what its rows mean.
struct RuleCase {
  query::Level severity = query::Level::medium;
  Certainty certainty = Certainty::sure;
  std::string query;    // the text, as written
  query::Query parsed;  // one statement
  QueryPositions positions;
  std::string message;  // template: {column} is the row's value of that column, {{ and }} braces
  SourceLocation message_at;
  FindingAt at = FindingAt::row;
};

/// A setting of a rule that a team changes in .rbacq.yaml (rules.options) without rewriting the
/// query: a list of values that the query reads with listed(NAME, COLUMN).
struct RuleOption {
  std::string name;  // kebab-case
  std::string description;
  std::vector<std::string> defaults;  // as the rule file gives them
  std::vector<std::string> values;    // what the queries see: the defaults, or .rbacq.yaml's
  SourceLocation loc;                 // the option's key in the rule file
};

struct Rule {
  std::string id;  // kebab-case, stable: part of the interface (suppressions, baselines)
  std::string title;
  std::string description;
  std::string remediation;
  std::vector<std::string> references;  // CIS 5.1.x, MITRE ATT&CK for Containers, upstream docs
  std::vector<RuleCase> cases;
  std::vector<RuleOption> options;
  SourceLocation loc;  // the rule file
  bool builtin = false;

  /// The highest severity of its cases: what `rbacq rules` lists.
  [[nodiscard]] query::Level severity() const;
  /// The options as its queries see them (QuerySource::options).
  [[nodiscard]] std::vector<query::QueryOption> query_options() const;
  /// The option named `name`, or nullptr.
  [[nodiscard]] const RuleOption* option(std::string_view name) const;
};

}  // namespace rbacq::rules
