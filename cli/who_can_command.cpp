// SPDX-License-Identifier: Apache-2.0
#include "cli/who_can_command.hpp"

#include <cstdio>

#include "cli/kubectl_phrases.hpp"
#include "cli/proof.hpp"
#include "cli/who_can_render.hpp"
#include "query/answers.hpp"
#include "query/checker.hpp"

namespace rbacq::cli {
namespace {

constexpr const char* kHelp =
    "Lists every subject that can do VERB on TYPE, as the API server's subject locator does, from manifests\n"
    "alone: Group system:masters first (allowed before RBAC), then each user, group and service account named\n"
    "by a binding that allows it, with the binding, role and rule (file:line) and where it applies. Groups are\n"
    "shown as groups, with who is in them when Kubernetes decides it (system:serviceaccounts:NS, …).\n\n"
    "Examples:\n"
    "  rbacq who-can get secrets -n kube-system -f cluster/\n"
    "  rbacq who-can create pods --subresource exec -n prod -f rbac/ --with-defaults\n"
    "  rbacq who-can list secrets -A -f dump.json                 # with no namespace: ClusterRoleBindings only\n"
    "  rbacq who-can impersonate users -f rbac/\n"
    "  rbacq who-can bind clusterroles/cluster-admin -f rbac/\n"
    "  rbacq who-can get /metrics -f rbac/ -o json\n\n";

constexpr const char* kOutputHelp =
    "\nOutput: a table (SUBJECT, SCOPE, GRANTED BY, AT), then who may do it only for some named objects\n"
    "(resourceNames); with -o json {\"schema\":\"rbacq/v1\",\"statement\",\"request\",\"subjects\":[{\"kind\",\"name\",\"namespace\",\n"
    "\"privileged\",\"grants\",\"members\"}],\"onlyForNames\":[…],\"errors\",\"notes\",\"diagnostics\"}.\n"
    "Exit status: 0 answered, 2 usage mistakes or errors in the input (the answer is still printed), 3 internal error.";

}  // namespace

CLI::App* add_who_can_command(CLI::App& app, WhoCanOptions& options) {
  CLI::App* cmd = app.add_subcommand("who-can", "Who can do VERB on TYPE? Every subject, with the binding, role and rule");
  cmd->footer(std::string(kHelp) + kRequestHelp + kOutputHelp);
  add_request_options(*cmd, options.request);
  cmd->get_option("TYPE")->required();
  add_input_options(*cmd, options.input);
  return cmd;
}

int run_who_can(const CLI::App& command, const WhoCanOptions& options, const OutputOptions& output) {
  if (const auto missing = missing_input(options.input)) return report_usage_error(*missing, output);
  const auto analysis = analysis_options(options.input);
  if (!analysis) return report_usage_error(analysis.error(), output);
  const analyzer::AnalysisContext context(options.input.paths, *analysis);
  // who-can is the statement `who can VERB TARGET [SCOPE]`.
  auto question = request_question(command, options.request, options.input, context.catalogue());
  if (!question) return report_usage_error(question.error(), output);
  query::WhoCanQuery statement{std::move(question->verbs), std::move(question->target), std::move(question->scope)};
  const auto plan = query::check(query::Statement(std::move(statement)), context, query::QuerySource{}, kubectl_phrases());
  if (!plan) return report_usage_error(as_usage_error(plan.error()), output);
  const query::WhoCanAnswers answers = query::answer(std::get<query::WhoCanPlan>(plan->source), context);
  std::vector<analyzer::rbac::QuestionNote> notes = std::move(question->notes);
  for (const auto* list : {&plan->notes, &answers.notes}) {
    for (const auto& n : *list) query::add_note(notes, n);
  }
  add_default_policy_note(notes, context);
  const int code = context.diagnostics().has_errors() ? kExitError : kExitOk;
  if (output.format == Format::json) {
    const std::string json = who_can_json(context, plan->text, answers, notes);
    std::fwrite(json.data(), 1, json.size(), stdout);
    return code;
  }
  print_notes(notes, kubectl_phrases());
  print_problems(context, answers.answers.front().result.errors, output);
  const std::string table = who_can_text(answers);
  std::fwrite(table.data(), 1, table.size(), stdout);
  return code;
}

}  // namespace rbacq::cli
