// SPDX-License-Identifier: Apache-2.0
// One run of `rbacq query`: queries answered one after another over one loaded analysis — from
// the command line, one per line from standard input, or at an interactive prompt — each printed
// as soon as it is answered, errors with a caret under the query.
#pragma once

#include <cstdint>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "cli/output.hpp"
#include "query/ast.hpp"
#include "query/check_context.hpp"
#include "query/relation.hpp"
#include "query/result_table.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::cli {

struct QueryStyle {
  bool headers = true;
  bool explain = false;
  /// -o json: one document per statement, not one per query (--json-stream).
  bool json_stream = false;
};

class QuerySession {
 public:
  /// `more_relations`: relations of higher layers the queries may select from (findings).
  QuerySession(const analyzer::AnalysisContext& context, const QueryStyle& style, const OutputOptions& output,
               std::span<const query::Relation* const> more_relations = {});

  /// Runs one query text; false when it had an error. `label`: print each statement above its table.
  bool run(std::string_view text, std::string_view origin, std::uint32_t line, bool label);
  /// Runs a query parsed already (before the inputs were loaded): checks it against the loaded
  /// model, evaluates and prints it.
  bool run(const query::Query& query, query::QuerySource source, bool label);

 private:
  void print(const query::ResultTable& table, bool label);
  void print_json(const std::vector<query::ResultTable>& tables);

  const analyzer::AnalysisContext& context_;
  QueryStyle style_;
  const OutputOptions& output_;
  std::span<const query::Relation* const> more_relations_;
  const std::vector<Diagnostic> diagnostics_;  // the input's, sorted once, in the session's first JSON document
  bool printed_ = false;
  bool diagnostics_written_ = false;  // JSON: the input's diagnostics went out with a document
  bool defaults_noted_ = false;  // the --with-defaults note: once a session on stderr
};

/// A syntax or check error of `source`: the diagnostic with the query line and a caret under the
/// place, on stderr; with -o json also {"schema","query","error":[…]} on stdout.
void report_query_error(const Diagnostic& error, const query::QuerySource& source, const OutputOptions& output);

/// Queries from standard input, one per line ('#' comments and blank lines skipped); false when
/// one had an error (the others still run).
bool run_lines(QuerySession& session);

/// The interactive prompt: queries and a few commands (relations, columns R, functions,
/// history, !N), with the session's history.
bool run_prompt(QuerySession& session);

/// The relations, one per line with what they hold.
[[nodiscard]] std::string relations_text();
/// A relation's columns with their types and meaning.
[[nodiscard]] std::string columns_text(const query::Relation& relation);
/// The functions with their signatures.
[[nodiscard]] std::string functions_text();

}  // namespace rbacq::cli
