// SPDX-License-Identifier: Apache-2.0
// Query results as an aligned text table, JSON, Markdown or CSV.
#pragma once

#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/result_table.hpp"
#include "support/diagnostic.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {

struct TableStyle {
  bool headers = true;
  bool evidence = false;  // text: each row's evidence under it
};

/// Columns upper-cased as kubectl heads them; null as "-"; evidence lines indented under rows.
[[nodiscard]] std::string render_text(const query::ResultTable& table, const TableStyle& style);
/// {"schema":"rbacq/v1","statement","columns":[{"name","type"}],"rows":[{"values":{…},"evidence":[…]}],
///  "notes","errors","diagnostics"}.
[[nodiscard]] std::string render_json(const query::ResultTable& table, const std::vector<analyzer::rbac::QuestionNote>& notes,
                                      const std::vector<Diagnostic>& diagnostics, const analyzer::AnalysisOptions& options);
/// Several statements as one document, so that a JSON parser reads the whole answer; `notes[i]`
/// are those of `tables[i]`:
/// {"schema":"rbacq/v1","statements":[{"statement","columns","rows","notes","errors"},…],"diagnostics"}.
[[nodiscard]] std::string render_json(const std::vector<query::ResultTable>& tables,
                                      const std::vector<std::vector<analyzer::rbac::QuestionNote>>& notes,
                                      const std::vector<Diagnostic>& diagnostics, const analyzer::AnalysisOptions& options);
/// The members of one statement's answer: "statement","columns","rows","notes","errors".
void write_statement(JsonWriter& w, const query::ResultTable& table, const std::vector<analyzer::rbac::QuestionNote>& notes,
                     const analyzer::AnalysisOptions& options);
/// A GitHub-flavoured Markdown table ('|' escaped), for comments in code review.
[[nodiscard]] std::string render_markdown(const query::ResultTable& table);
/// RFC 4180: a header row, then one record per row; lists joined with spaces.
[[nodiscard]] std::string render_csv(const query::ResultTable& table, const TableStyle& style);

}  // namespace rbacq::cli
