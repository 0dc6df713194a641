// SPDX-License-Identifier: Apache-2.0
#include "cli/query_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "cli/proof.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/result_render.hpp"
#include "query/evaluator.hpp"
#include "query/functions.hpp"
#include "query/relation.hpp"
#include "support/json_writer.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

constexpr const char* kHelp =
    "Asks anything the query language can say, from manifests alone, and answers with tables whose rows carry\n"
    "their proof (--explain: binding → role → rule, each at file:line). docs/query-language.md has the grammar.\n\n"
    "Questions:\n"
    "  can SUBJECT VERBS RESOURCE [named NAME] [in NS | in any namespace | cluster-wide]\n"
    "  can SUBJECT VERBS url /PATH\n"
    "  who can VERBS RESOURCE [named NAME] [in NS | in any namespace | cluster-wide]\n"
    "  what can SUBJECT [in NS]\n"
    "  [count] RELATION [where CONDITION] [order by COLUMN [desc]] [limit N]\n"
    "SUBJECT is user:NAME, group:NAME, sa:NS/NAME or system:serviceaccount:NS:NAME; VERBS is get, * or\n"
    "{get,list,watch}; RESOURCE is pods, deployments.apps, pods/exec (a subresource), certificates.cert-manager.io.\n"
    "A namespaced resource with no scope is asked in any namespace: the answer lists where it is allowed.\n"
    "Conditions: = != < <= > >= =~ (RE2) !~, in (...), not in (...), has V, has any (...), has all (...),\n"
    "and, or, not, ( ), exists, exists(COLUMN), can(VERBS, RESOURCE[, NS]). Several statements: separate with ';'.\n\n"
    "Examples:\n"
    "  rbacq query 'can sa:ci/deployer create deployments.apps in prod' -f deploy/\n"
    "  rbacq query 'who can get secrets in kube-system' -f dump.json --with-defaults --explain\n"
    "  rbacq query 'what can user:alice in dev' -f rbac/\n"
    "  rbacq query 'bindings where role = cluster-admin and subject.kind != Group' -f rbac/\n"
    "  rbacq query 'subjects where can(list, secrets) and kind = ServiceAccount' -f rbac/ -o json\n"
    "  rbacq query 'serviceaccounts where not exists and bound' -f rbac/     # bound, never created\n"
    "  rbacq query 'rules where resources has \"secrets\" and verbs has any (get, list, watch)' -f rbac/\n"
    "  rbacq query -f rbac/ < questions.txt                                 # one query per line\n"
    "  rbacq query -f rbac/                                                 # interactive prompt\n\n";

constexpr const char* kOutputHelp =
    "\nOutput: an aligned table per statement (-o markdown, -o csv); -o json prints one document per statement:\n"
    "{\"schema\":\"rbacq/v1\",\"statement\",\"columns\":[{\"name\",\"type\"}],\"rows\":[{\"values\":{…},\"evidence\":[…]}],\n"
    "\"notes\",\"errors\",\"diagnostics\"}. Exit status: 0 answered, 2 a query error, errors in the input (the answers\n"
    "are still printed) or a usage mistake, 3 internal error.";

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

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

class Session {
 public:
  Session(const analyzer::AnalysisContext& context, const QueryOptions& options, const OutputOptions& output)
      : context_(context), options_(options), output_(output), diagnostics_(context.diagnostics().sorted()) {}

  /// Runs one query text; false when it had an error.
  bool run(std::string_view text, std::string_view origin, std::uint32_t line, bool label) {
    const query::QuerySource source{text, origin, line};
    auto tables = query::run_query(context_, source);
    if (!tables) {
      report(tables.error(), source);
      return false;
    }
    for (const auto& table : *tables) print(table, label || tables->size() > 1);
    return true;
  }

  void report(const Diagnostic& d, const query::QuerySource& source) const {
    if (output_.format == Format::json) {
      JsonWriter w;
      w.begin_object();
      w.key("schema");
      w.value("rbacq/v1");
      w.key("query");
      w.value(source.text);
      w.key("error");
      write_json(w, {d});
      w.end_object();
      write_out(w.str());
    }
    std::string text = render_text({d}, output_.color);
    // The caret under the query line, between the error and its notes.
    const std::size_t first_note = text.find('\n');
    text.insert(first_note + 1, query::caret_lines(source.text, d.loc, source.first_line));
    std::fwrite(text.data(), 1, text.size(), stderr);
  }

  void print(const query::ResultTable& table, bool label) {
    const TableStyle style{!options_.no_headers, options_.explain};
    switch (output_.format) {
      case Format::json: write_out(render_json(table, diagnostics_, context_.options().with_defaults)); return;
      case Format::markdown:
        if (label) write_out(fmt::format("{}**{}**\n\n", printed_ ? "\n" : "", printable(table.statement)));
        write_out(render_markdown(table));
        break;
      case Format::csv: write_out(render_csv(table, style)); break;
      case Format::dot:  // main.cpp refuses -o dot for query until it renders the rows' neighbourhood
      case Format::text:
        if (label) write_out(fmt::format("{}# {}\n", printed_ ? "\n" : "", printable(table.statement)));
        write_out(render_text(table, style));
        break;
    }
    printed_ = true;
    std::fflush(stdout);
    print_notes(table.notes);
    std::vector<Diagnostic> warnings;
    for (const auto* e : table.errors) warnings.push_back(resolution_diagnostic(*e, context_.options().with_defaults));
    const std::string text = render_text(warnings, output_.color);
    std::fwrite(text.data(), 1, text.size(), stderr);
    if (table.rows.empty()) std::fputs("rbacq: note: no rows\n", stderr);
    std::fflush(stderr);
  }

 private:
  const analyzer::AnalysisContext& context_;
  const QueryOptions& options_;
  const OutputOptions& output_;
  const std::vector<Diagnostic> diagnostics_;  // the input's, sorted once for every JSON document
  bool printed_ = false;
};

/// Queries from standard input, one per line ('#' comments and blank lines skipped).
bool run_lines(Session& session) {
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

/// The interactive prompt: queries and a few commands, with the session's history.
bool run_prompt(Session& session) {
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

}  // namespace

CLI::App* add_query_command(CLI::App& app, QueryOptions& options) {
  CLI::App* cmd = app.add_subcommand("query", "Ask anything in the query language: can, who can, what can, relations");
  // Built when --help is asked for: other runs need not construct the relation tables.
  cmd->footer([] {
    return std::string(kHelp) + "Relations (`columns RELATION` at the prompt, or docs/query-language.md, lists their columns):\n" +
           relations_text() + "Functions:\n" + functions_text() + kOutputHelp;
  });
  cmd->add_option("QUERY", options.query, "The query; without it, one query per line from standard input, or a prompt on a terminal");
  cmd->add_flag("--explain", options.explain, "Under each row, its evidence: subject, binding, role, rule, each with file:line");
  cmd->add_flag("--no-headers", options.no_headers, "No header row (text and CSV)");
  add_input_options(*cmd, options.input);
  return cmd;
}

int run_query_command(const CLI::App& command, const QueryOptions& options, const OutputOptions& output) {
  const bool has_query = command.count("QUERY") != 0;
  if (const auto missing = missing_input(options.input)) return report_usage_error(*missing, output);
  if (!has_query && std::find(options.input.paths.begin(), options.input.paths.end(), "-") != options.input.paths.end()) {
    return report_usage_error({"usage", Severity::error, {}, "the manifests come from standard input (-f -): give the query as an argument", {}},
                              output);
  }
  const auto analysis = analysis_options(options.input);
  if (!analysis) return report_usage_error(analysis.error(), output);
  const analyzer::AnalysisContext context(options.input.paths, *analysis);
  if (output.format != Format::json) print_problems(context, {}, output.color);

  Session session(context, options, output);
  bool ok = true;
  if (has_query) {
    ok = session.run(options.query, "query", 1, false);
  } else if (::isatty(::fileno(stdin)) != 0) {
    ok = run_prompt(session);
  } else {
    ok = run_lines(session);
  }
  if (!ok || context.diagnostics().has_errors()) return kExitError;
  return kExitOk;
}

}  // namespace rbacq::cli
