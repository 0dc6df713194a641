// SPDX-License-Identifier: Apache-2.0
#include "cli/query_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "cli/proof.hpp"
#include "cli/query_argument.hpp"
#include "cli/query_session.hpp"
#include "rules/catalogue.hpp"
#include "rules/findings_relation.hpp"
#include "query/parser.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

constexpr const char* kHelp =
    "Asks anything the query language can say, from manifests alone, and answers with tables whose rows carry\n"
    "their proof (--explain: binding → role → rule, each at file:line). docs/query-language.md has the grammar.\n\n"
    "Questions:\n"
    "  can SUBJECT [with [only] groups (G, ...)] VERBS RESOURCE [of group G] [named NAME]\n"
    "      [in NS | in any namespace | cluster-wide]\n"
    "  can SUBJECT VERBS url /PATH\n"
    "  who can VERBS RESOURCE [of group G] [named NAME] [in NS | in any namespace | cluster-wide]\n"
    "  what can SUBJECT [with [only] groups (G, ...)] [in NS]\n"
    "  [count] RELATION [where CONDITION] [order by COLUMN [desc]] [limit N]\n"
    "SUBJECT is user:NAME, group:NAME, sa:NS/NAME or system:serviceaccount:NS:NAME; VERBS is get, * or\n"
    "{get,list,watch}; RESOURCE is pods, deployments.apps, pods/exec (a subresource), certificates.cert-manager.io;\n"
    "'of group G' takes it literally in API group G (\"\" is core). 'with groups' asks with those groups as well as\n"
    "system:authenticated (as kubectl --as-group), 'with only groups' with exactly them.\n"
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
    "\nOutput: an aligned table per statement (-o markdown, -o csv, -o dot: the graph its rows touch); -o json prints\none document:\n"
    "{\"schema\":\"rbacq/v1\",\"statement\",\"columns\":[{\"name\",\"type\"}],\"rows\":[{\"values\":{…},\"evidence\":[…]}],\n"
    "\"notes\",\"errors\",\"diagnostics\"}, and for several statements {\"schema\",\"statements\":[{\"statement\",…},…],\n"
    "\"diagnostics\"} (--json-stream: one document per statement, the diagnostics in the first). Exit status: 0 answered, 2 a query error, errors in the input (the answers\n"
    "are still printed) or a usage mistake, 3 internal error.";

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
  cmd->add_flag("--json-stream", options.json_stream,
                "With -o json and several statements: one document per statement (the input's diagnostics in the first) "
                "instead of one document with \"statements\"");
  add_input_options(*cmd, options.input);
  return cmd;
}

int run_query_command(const CLI::App& command, const QueryOptions& options, const OutputOptions& output) {
  InputOptions input = options.input;
  std::optional<std::string> query_text;
  if (command.count("QUERY") != 0) {
    query_text = options.query;
  } else if ((query_text = take_query_from_paths(input.paths))) {
    std::fprintf(stderr, "rbacq: note: taking '%s' as the query: no file has that name, and it reads as a query\n",
                 printable(*query_text).c_str());
  }
  if (const auto missing = missing_input(input)) return report_usage_error(*missing, output);
  if (options.json_stream && output.format != Format::json) return report_usage_error(usage_error("--json-stream goes with -o json"), output);
  if (!query_text && std::find(input.paths.begin(), input.paths.end(), "-") != input.paths.end()) {
    return report_usage_error({"usage", Severity::error, {}, "the manifests come from standard input (-f -): give the query as an argument", {}},
                              output);
  }
  const auto analysis = analysis_options(input);
  if (!analysis) return report_usage_error(analysis.error(), output);
  // The query is parsed before the inputs are loaded: a typo is reported at once, not after the
  // seconds a large dump takes to load. Checking it needs the loaded resources and CRDs.
  const query::QuerySource source{query_text ? std::string_view(*query_text) : std::string_view(), "query", 1};
  std::optional<query::Query> parsed;
  if (query_text) {
    auto result = query::parse_query(source.text, source.origin, source.first_line);
    if (!result) {
      report_query_error(result.error(), source, output);
      return kExitError;
    }
    parsed = std::move(*result);
  }
  const analyzer::AnalysisContext context(with_query_hints(analyzer::load(input.paths, analysis->limits), input.paths), *analysis);
  if (output.format != Format::json) print_problems(context, {}, output);

  // `findings`: the lint rules' findings, as a relation (the rules run only if it is asked for).
  Diagnostics rule_problems;
  const rules::FindingsRelation findings(rules::builtin_rules(rule_problems));
  const std::array<const query::Relation*, 1> more{&findings};
  QuerySession session(context, QueryStyle{!options.no_headers, options.explain, options.json_stream}, output, more);
  bool ok = true;
  if (parsed) {
    ok = session.run(*parsed, source, false);
  } else if (::isatty(::fileno(stdin)) != 0) {
    ok = run_prompt(session);
  } else {
    ok = run_lines(session);
  }
  if (!ok || context.diagnostics().has_errors()) return kExitError;
  return kExitOk;
}

}  // namespace rbacq::cli
