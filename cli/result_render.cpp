// SPDX-License-Identifier: Apache-2.0
#include "cli/result_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/proof.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/table.hpp"
#include "support/json_writer.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using query::ResultTable;
using query::Value;

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return c == '.' ? '.' : static_cast<char>(std::toupper(c)); });
  return s;
}

/// A cell as plain text: lists joined by `separator`, null as `null_text`. An empty item is
/// written `""`: the core API group is `[""]`, which must not read as `[]` (a rule that grants
/// nothing).
std::string cell(const Value& v, std::string_view separator, std::string_view null_text) {
  if (v.is_null()) return std::string(null_text);
  if (const auto* l = std::get_if<query::ListValue>(&v.data())) {
    std::vector<std::string_view> items;
    for (const std::string& item : l->items()) items.push_back(item.empty() ? std::string_view(R"("")") : std::string_view(item));
    return fmt::format("{}", fmt::join(items, separator));
  }
  return query::to_text(v);
}

void write_value(JsonWriter& w, const Value& v) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          w.null();
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t>) {
          w.value(x);
        } else if constexpr (std::is_same_v<T, query::StringValue>) {
          w.value(x.view());
        } else if constexpr (std::is_same_v<T, query::ListValue>) {
          w.begin_array();
          for (const auto& s : x.items()) w.value(s);
          w.end_array();
        } else if constexpr (std::is_same_v<T, query::SubjectValue>) {
          w.begin_object();
          w.key("kind");
          w.value(x.kind);
          w.key("name");
          w.value(x.name);
          if (!x.namespace_.empty()) {
            w.key("namespace");
            w.value(x.namespace_);
          }
          w.end_object();
        } else if constexpr (std::is_same_v<T, query::MapValue>) {
          w.begin_object();
          for (const auto& [key, value] : x.pairs()) {
            w.key(key);
            w.value(value);
          }
          w.end_object();
        } else {
          w.value(query::to_string(x));
        }
      },
      v.data());
}

/// The columns a table shows: all but the hidden ones (conditions' columns nobody selected).
std::vector<std::size_t> shown_columns(const ResultTable& table) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (!table.columns[i].hidden) out.push_back(i);
  }
  return out;
}

/// "every service account of namespace dev, … (in the input: dev/a, dev/b)".
std::string members_text(const analyzer::rbac::GroupMembers& members) {
  constexpr std::size_t shown_at_most = 10;
  std::string out = query::describe_group(members);
  if (members.service_accounts.empty()) return out;
  const std::size_t shown = std::min(members.service_accounts.size(), shown_at_most);
  return out + fmt::format(" (in the input: {}{})",
                           fmt::join(members.service_accounts.begin(), members.service_accounts.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
                           members.service_accounts.size() > shown ? fmt::format(" and {} more", members.service_accounts.size() - shown) : "");
}

/// A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `@SUM`, a
/// leading tab or CR) gets a leading `'`, as OWASP's CSV injection guidance says: a subject
/// named by an attacker must not become a formula in the reviewer's spreadsheet. Numbers are
/// data, not text, and stay as they are.
std::string neutralised(std::string text, const Value& v) {
  if (text.empty() || std::holds_alternative<std::int64_t>(v.data())) return text;
  if (std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) return text;
  return "'" + text;
}

}  // namespace

std::string render_text(const ResultTable& table, const TableStyle& style) {
  const std::vector<std::size_t> shown = shown_columns(table);
  std::vector<TableRow> rows;
  if (style.headers) {
    TableRow head;
    for (const std::size_t c : shown) head.push_back(upper(table.columns[c].name));
    rows.push_back(std::move(head));
  }
  for (const auto& r : table.rows) {
    TableRow row;
    for (const std::size_t c : shown) {
      const Value& v = r.values.at(c);
      const bool list = std::holds_alternative<query::ListValue>(v.data());
      row.push_back(printable(list ? "[" + cell(v, " ", "") + "]" : cell(v, " ", "-")));
    }
    rows.push_back(std::move(row));
  }
  if (!style.evidence) return aligned_table(rows, "  ");
  // Evidence under each row: align the table first, then interleave.
  const std::string aligned = aligned_table(rows, "  ");
  std::string out;
  std::size_t start = 0;
  std::size_t index = 0;
  const std::size_t first_row = style.headers ? 1 : 0;
  while (start < aligned.size()) {
    const std::size_t nl = aligned.find('\n', start);
    const std::size_t end = nl == std::string::npos ? aligned.size() : nl + 1;
    out.append(aligned, start, end - start);
    if (index >= first_row && index - first_row < table.rows.size()) {
      const query::ResultRow& row = table.rows[index - first_row];
      const auto lines = [&](const std::vector<query::Evidence>& evidence, std::string_view indent) {
        for (const auto& e : evidence) {
          out += e.loc.file.empty() ? fmt::format("{}{}\n", indent, printable(e.message))
                                    : fmt::format("{}{}: {}\n", indent, printable(to_string(e.loc)), printable(e.message));
        }
      };
      lines(row.evidence, "    ");
      if (!row.near_misses.empty()) out += "    close, but not enough:\n";
      lines(row.near_misses, "      ");
      if (row.members) out += fmt::format("    members: {}\n", printable(members_text(*row.members)));
    }
    start = end;
    ++index;
  }
  return out;
}

void write_statement(JsonWriter& w, const ResultTable& table, const std::vector<analyzer::rbac::QuestionNote>& notes,
                     const analyzer::AnalysisOptions& options) {
  w.key("statement");
  w.value(table.statement);
  const std::vector<std::size_t> shown = shown_columns(table);
  w.key("columns");
  w.begin_array();
  for (const std::size_t i : shown) {
    const auto& c = table.columns[i];
    w.begin_object();
    w.key("name");
    w.value(c.name);
    w.key("type");
    w.value(query::type_name(c.type));
    w.end_object();
  }
  w.end_array();
  w.key("rows");
  w.begin_array();
  for (const auto& r : table.rows) {
    w.begin_object();
    w.key("values");
    w.begin_object();
    for (const std::size_t i : shown) {
      w.key(table.columns[i].name);
      write_value(w, r.values.at(i));
    }
    w.end_object();
    w.key("evidence");
    write_evidence(w, r.evidence);
    if (!r.near_misses.empty()) {
      w.key("nearMisses");
      write_evidence(w, r.near_misses);
    }
    if (r.members) {
      w.key("members");
      write_members(w, *r.members);
    }
    w.end_object();
  }
  w.end_array();
  write_notes(w, notes, query::language_phrases());
  w.key("errors");
  std::vector<Diagnostic> errors;
  for (const auto* e : table.errors) errors.push_back(resolution_diagnostic(*e, options));
  write_json(w, errors);
}

std::string render_json(const ResultTable& table, const std::vector<analyzer::rbac::QuestionNote>& notes, const std::vector<Diagnostic>& diagnostics,
                        const analyzer::AnalysisOptions& options) {
  JsonDocument document;
  write_statement(document.writer(), table, notes, options);
  return document.finish(diagnostics);
}

std::string render_json(const std::vector<ResultTable>& tables, const std::vector<std::vector<analyzer::rbac::QuestionNote>>& notes,
                        const std::vector<Diagnostic>& diagnostics, const analyzer::AnalysisOptions& options) {
  JsonDocument document;
  JsonWriter& w = document.writer();
  w.key("statements");
  w.begin_array();
  for (std::size_t i = 0; i < tables.size(); ++i) {
    w.begin_object();
    write_statement(w, tables[i], notes.at(i), options);
    w.end_object();
  }
  w.end_array();
  return document.finish(diagnostics);
}

std::string render_markdown(const ResultTable& table) {
  const auto escape = [](const std::string& s) {
    std::string out;
    for (const char c : s) {
      if (c == '|') out += "\\|";
      else if (c == '\n' || c == '\r') out += ' ';
      else out += c;
    }
    return out;
  };
  std::string out;
  std::vector<std::string> names;
  const std::vector<std::size_t> shown = shown_columns(table);
  names.reserve(shown.size());
  for (const std::size_t c : shown) names.push_back(escape(table.columns[c].name));
  // A Markdown table always has its header row.
  out += fmt::format("| {} |\n", fmt::join(names, " | "));
  const std::vector<std::string> rule(names.size(), "---");
  out += fmt::format("| {} |\n", fmt::join(rule, " | "));
  for (const auto& r : table.rows) {
    std::vector<std::string> cells;
    cells.reserve(shown.size());
    for (const std::size_t c : shown) cells.push_back(escape(printable(cell(r.values.at(c), ", ", ""))));
    out += fmt::format("| {} |\n", fmt::join(cells, " | "));
  }
  return out;
}

std::string render_csv(const ResultTable& table, const TableStyle& style) {
  const std::vector<std::size_t> shown = shown_columns(table);
  const auto field = [](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  std::string out;
  const auto record = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) out += ',';
      out += field(cells[i]);
    }
    out += "\r\n";
  };
  if (style.headers) {
    std::vector<std::string> names;
    names.reserve(shown.size());
    for (const std::size_t c : shown) names.push_back(table.columns[c].name);
    record(names);
  }
  for (const auto& r : table.rows) {
    std::vector<std::string> cells;
    cells.reserve(shown.size());
    for (const std::size_t c : shown) cells.push_back(neutralised(printable(cell(r.values.at(c), " ", "")), r.values.at(c)));
    record(cells);
  }
  return out;
}

}  // namespace rbacq::cli
