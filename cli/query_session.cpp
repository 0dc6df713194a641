// SPDX-License-Identifier: Apache-2.0
#include "cli/query_session.hpp"

#include <cstdio>
#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/proof.hpp"
#include "cli/render_dot.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/result_render.hpp"
#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "query/functions.hpp"
#include "query/parser.hpp"
#include "query/phrases.hpp"
#include "query/relation.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

}  // namespace

std::string relations_text() {
  std::string out;
  for (const query::Relation* r : query::relations()) out += fmt::format("  {:<16} {}\n", r->name(), r->doc());
  return out;
}

std::string columns_text(const query::Relation& r) {
  std::string out = fmt::format("{}: {}\n", r.name(), r.doc());
  for (const auto& c : r.columns()) out += fmt::format("  {:<20} {:<16} {}\n", c.name, query::type_name(c.type), c.doc);
  return out;
}

std::string functions_text() {
  std::string out;
  for (const auto& f : query::functions()) out += fmt::format("  {} → {}\n    {}\n", f.signature, query::type_name(f.result), f.doc);
  return out;
}

QuerySession::QuerySession(const analyzer::AnalysisContext& context, const QueryStyle& style, const OutputOptions& output,
                           std::span<const query::Relation* const> more_relations)
    : context_(context), style_(style), output_(output), more_relations_(more_relations), diagnostics_(context.diagnostics().sorted()) {}

bool QuerySession::run(std::string_view text, std::string_view origin, std::uint32_t line, bool label) {
  const query::QuerySource source{text, origin, line};
  const auto parsed = query::parse_query(source.text, source.origin, source.first_line);
  if (!parsed) {
    report_query_error(parsed.error(), source, output_);
    return false;
  }
  return run(*parsed, source, label);
}

bool QuerySession::run(const query::Query& query, query::QuerySource source, bool label) {
  source.more_relations = more_relations_;
  // Every statement is checked before any runs: a query with an error prints no table.
  const auto plans = query::check(query, context_, source);
  if (!plans) {
    report_query_error(plans.error(), source, output_);
    return false;
  }
  std::vector<query::ResultTable> tables;
  tables.reserve(plans->size());
  for (const query::StatementPlan& plan : *plans) tables.push_back(query::evaluate(plan, context_));
  if (output_.format == Format::json) {
    print_json(tables);
    return true;
  }
  for (const auto& table : tables) print(table, label || tables.size() > 1);
  return true;
}

void QuerySession::print_json(const std::vector<query::ResultTable>& tables) {
  // The input's problems once per session, in its first document: not again for every statement.
  const std::vector<Diagnostic> none;
  const auto diagnostics = [&]() -> const std::vector<Diagnostic>& { return std::exchange(diagnostics_written_, true) ? none : diagnostics_; };
  // Which minor's default policy was counted: in every statement's notes.
  std::vector<std::vector<analyzer::rbac::QuestionNote>> notes;
  for (const auto& table : tables) {
    notes.push_back(table.notes);
    add_default_policy_note(notes.back(), context_);
  }
  if (tables.size() == 1 || style_.json_stream) {
    for (std::size_t i = 0; i < tables.size(); ++i) write_out(render_json(tables[i], notes[i], diagnostics(), context_.options()));
  } else {
    write_out(render_json(tables, notes, diagnostics(), context_.options()));
  }
  std::fflush(stdout);
}

void report_query_error(const Diagnostic& error, const query::QuerySource& source, const OutputOptions& output) {
  if (output.format == Format::json) {
    JsonDocument document;
    JsonWriter& w = document.writer();
    w.key("query");
    w.value(source.text);
    w.key("error");
    write_json(w, {error});
    write_out(document.finish());
  }
  std::string text = render_text({error}, output.color);
  // The caret under the query line, between the error and its notes.
  const std::size_t first_note = text.find('\n');
  text.insert(first_note + 1, query::caret_lines(source.text, error.loc, source.first_line));
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void QuerySession::print(const query::ResultTable& table, bool label) {
  const TableStyle style{style_.headers, style_.explain};
  // Which minor's default policy was counted: once a session on stderr (in every JSON document).
  std::vector<analyzer::rbac::QuestionNote> notes = table.notes;
  if (!defaults_noted_) add_default_policy_note(notes, context_);
  defaults_noted_ = true;
  switch (output_.format) {
    case Format::json: return;  // print_json()
    case Format::markdown:
      if (label) write_out(fmt::format("{}**{}**\n\n", printed_ ? "\n" : "", printable(table.statement)));
      write_out(render_markdown(table));
      break;
    case Format::csv: write_out(render_csv(table, style)); break;
    case Format::dot: write_out(render_dot(context_.graph(), table)); break;
    case Format::sarif:
    case Format::github:  // main.cpp gives these to lint only
    case Format::text:
      if (label) write_out(fmt::format("{}# {}\n", printed_ ? "\n" : "", printable(table.statement)));
      write_out(render_text(table, style));
      break;
  }
  printed_ = true;
  std::fflush(stdout);
  print_notes(notes, query::language_phrases());
  std::vector<Diagnostic> warnings;
  for (const auto* e : table.errors) warnings.push_back(resolution_diagnostic(*e, context_.options()));
  const std::string text = render_listed(warnings, output_.listing, output_.color);
  std::fwrite(text.data(), 1, text.size(), stderr);
  if (table.rows.empty()) std::fputs("rbacq: note: no rows\n", stderr);
  std::fflush(stderr);
}

bool run_lines(QuerySession& session) {
  bool ok = true;
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    ok = session.run(line, "<stdin>", number, true) && ok;
  }
  return ok;
}

constexpr const char* kPromptHelp =
    "Type a query and press Enter (docs/query-language.md has the grammar). Commands:\n"
    "  relations            the relations, with what they hold\n"
    "  columns RELATION     a relation's columns and their types\n"
    "  functions            the functions (can(...))\n"
    "  history              the queries of this session;  !N runs number N again, !! the last one\n"
    "  help                 this text;  quit (or Ctrl-D) to leave\n";

bool run_prompt(QuerySession& session) {
  std::vector<std::string> history;
  std::fputs("rbacq query: type a query, 'help' for commands, Ctrl-D to quit\n", stderr);
  std::string line;
  while (true) {
    std::fputs("rbacq> ", stderr);
    std::fflush(stderr);
    if (!std::getline(std::cin, line)) break;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    std::string text = line.substr(first);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.pop_back();
    if (text == "quit" || text == "exit") break;
    if (text == "help") {
      std::fputs(kPromptHelp, stdout);
      continue;
    }
    if (text == "relations") {
      write_out(relations_text());
      continue;
    }
    if (text == "functions") {
      write_out(functions_text());
      continue;
    }
    if (text.starts_with("columns")) {
      const std::string name = text.size() > 8 ? text.substr(8) : std::string();
      const query::Relation* r = query::find_relation(name);
      if (r == nullptr) {
        std::fprintf(stderr, "rbacq: error: unknown relation '%s'; 'relations' lists them\n", printable(name).c_str());
      } else {
        write_out(columns_text(*r));
      }
      continue;
    }
    if (text == "history") {
      for (std::size_t i = 0; i < history.size(); ++i) write_out(fmt::format("{:>4}  {}\n", i + 1, printable(history[i])));
      continue;
    }
    if (text.starts_with("!")) {
      std::size_t n = history.size();
      if (text != "!!") {
        try {
          n = std::stoul(text.substr(1));
        } catch (const std::exception&) {
          n = 0;
        }
      }
      if (n == 0 || n > history.size()) {
        std::fputs("rbacq: error: no such query in the history ('history' lists them)\n", stderr);
        continue;
      }
      text = history[n - 1];
      std::fprintf(stderr, "%s\n", printable(text).c_str());
    }
    history.push_back(text);
    session.run(text, "query", 1, false);
  }
  std::fputs("\n", stderr);
  return true;
}

}  // namespace rbacq::cli
