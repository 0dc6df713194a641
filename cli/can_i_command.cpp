// SPDX-License-Identifier: Apache-2.0
#include "cli/can_i_command.hpp"

#include <cstdio>
#include <optional>
#include <tuple>
#include <utility>

#include "analyzer/rbac/identity.hpp"
#include "cli/can_i_render.hpp"
#include "cli/kubectl_phrases.hpp"
#include "cli/proof.hpp"
#include "query/answers.hpp"
#include "query/checker.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::rbac::Decision;
using analyzer::rbac::Via;

constexpr const char* kHelp =
    "Answers 'can USER do VERB on TYPE?' as the API server would, from manifests alone: prints yes or no\n"
    "(exit 0 or 1), like kubectl auth can-i. --explain shows why: the subject, binding, role and rule, each\n"
    "with its file:line. Members of system:masters are always allowed, before RBAC: no binding revokes that.\n\n"
    "Examples:\n"
    "  rbacq can-i list secrets -n kube-system --as system:serviceaccount:kube-system:admin -f cluster/\n"
    "  rbacq can-i create pods --subresource exec -n dev --as alice --as-group developers -f rbac/ --explain\n"
    "  rbacq can-i get nodes --as bob -f rbac/                    # cluster-scoped: only ClusterRoleBindings count\n"
    "  rbacq can-i get /healthz --as system:anonymous -f rbac/ --with-defaults\n"
    "  rbacq can-i --list -n dev --as system:serviceaccount:dev:ci -f rbac/   # everything ci may do in dev\n"
    "  kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o json | rbacq can-i get secrets -A --as alice -f -\n\n"
    "Who is asking (--as): the API server adds groups to every identity, and so does rbacq:\n"
    "  system:authenticated to every user but system:anonymous (which gets system:unauthenticated), and for\n"
    "  system:serviceaccount:NS:NAME the groups system:serviceaccounts and system:serviceaccounts:NS — unless\n"
    "  --as-group is given, as impersonation does. --exact-groups evaluates exactly --as and --as-group.\n\n";

constexpr const char* kExitHelp =
    "\nOutput: yes or no on stdout (-q: nothing); --explain adds the statement it was asked as (paste it into\n"
    "rbacq query), the request, the user's groups and the proof. With -o json {\"schema\":\"rbacq/v1\",\"statement\",\n"
    "\"allowed\",\"decision\",\"via\",\"reason\",\"request\",\"user\",\"grants\",\"nearMisses\",\"errors\",\"notes\",\n"
    "\"diagnostics\"} (see README). Exit status: 0 yes, 1 no,\n"
    "2 usage mistakes or errors in the input (the answer is still printed), 3 internal error.";

/// --as, --as-group and --exact-groups as the language says them: `user:NAME` (or
/// `sa:NS/NAME` for a service account's user name) `[with [only] groups (…)]`.
std::pair<query::SubjectRef, std::optional<query::GroupsClause>> asking(const CanIOptions& options) {
  query::SubjectRef subject;
  subject.name = options.as;
  if (const auto sa = analyzer::rbac::split_service_account_username(options.as)) {
    subject.kind = query::SubjectRef::Kind::service_account;
    subject.namespace_ = sa->namespace_;
    subject.name = sa->name;
  }
  std::optional<query::GroupsClause> groups;
  if (options.exact_groups || !options.as_groups.empty()) groups = query::GroupsClause{options.as_groups, options.exact_groups, {}};
  return {std::move(subject), std::move(groups)};
}

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

/// --list is the statement `what can USER [with groups (…)] in NS`.
int run_list(const CLI::App& command, const CanIOptions& options, const OutputOptions& output, const analyzer::AnalysisContext& context) {
  query::WhatCanQuery statement;
  std::tie(statement.subject, statement.groups) = asking(options);
  statement.namespace_ = command.count("--namespace") != 0 ? options.request.namespace_ : options.input.default_namespace;
  const auto plan = query::check(query::Statement(statement), context, query::QuerySource{}, kubectl_phrases());
  if (!plan) return report_usage_error(as_usage_error(plan.error()), output);
  const auto& what = std::get<query::WhatCanPlan>(plan->source);
  const query::WhatCanAnswer answer = query::answer(what, context);
  std::vector<analyzer::rbac::QuestionNote> notes = plan->notes;
  add_default_policy_note(notes, context);
  if (output.format == Format::json) {
    write_out(rules_json(context, plan->text, what.user, *statement.namespace_, answer, notes));
  } else {
    print_notes(notes, kubectl_phrases());
    print_problems(context, answer.errors, output);
    if (answer.privileged) std::fprintf(stderr, "rbacq: note: %s; the rules below are only RBAC's\n", query::privileged_evidence().message.c_str());
    write_out(rules_table(answer, !options.no_headers));
  }
  return context.diagnostics().has_errors() ? kExitError : kExitOk;
}

/// The question is the statement `can USER [with groups (…)] VERB TARGET [SCOPE]`.
int run_question(const CLI::App& command, const CanIOptions& options, const OutputOptions& output, const analyzer::AnalysisContext& context) {
  auto question = request_question(command, options.request, options.input, context.catalogue());
  if (!question) return report_usage_error(question.error(), output);
  query::CanQuery statement;
  std::tie(statement.subject, statement.groups) = asking(options);
  statement.verbs = std::move(question->verbs);
  statement.target = std::move(question->target);
  statement.scope = std::move(question->scope);
  const auto plan = query::check(query::Statement(std::move(statement)), context, query::QuerySource{}, kubectl_phrases());
  if (!plan) return report_usage_error(as_usage_error(plan.error()), output);
  std::vector<analyzer::rbac::QuestionNote> notes = std::move(question->notes);
  for (const auto& n : plan->notes) query::add_note(notes, n);
  add_default_policy_note(notes, context);
  const auto& can = std::get<query::CanPlan>(plan->source);
  const query::CanAnswer answer = query::answer(can, context).front();  // one verb, one scope: one answer
  for (const auto& n : answer.notes) query::add_note(notes, n);
  const Decision& decision = answer.decision;
  const int code = context.diagnostics().has_errors() ? kExitError : decision.allowed() ? kExitOk : kExitFindings;
  if (options.quiet) return code;

  if (output.format == Format::json) {
    write_out(decision_json(context, plan->text, can.user, answer, notes));
    return code;
  }
  print_notes(notes, kubectl_phrases());
  print_problems(context, decision.errors, output);
  if (decision.via == Via::privileged_group) {
    // stdout stays "yes" for scripts, as kubectl prints it; the reason goes with the notes.
    std::fprintf(stderr, "rbacq: note: %s\n", query::privileged_evidence().message.c_str());
    std::fflush(stderr);
    std::printf("yes\n");
  } else if (decision.allowed()) {
    std::printf("yes\n");
  } else if (!decision.errors.empty()) {
    std::printf("no - %s\n", printable(decision.reason()).c_str());
  } else {
    std::printf("no\n");
  }
  if (options.explain) write_out(explanation_text(plan->text, can.user, answer));
  return code;
}

}  // namespace

CLI::App* add_can_i_command(CLI::App& app, CanIOptions& options) {
  CLI::App* cmd = app.add_subcommand("can-i", "Can a user do VERB on TYPE? yes or no, with the proof (--explain)");
  cmd->footer(std::string(kHelp) + kRequestHelp + kExitHelp);
  add_request_options(*cmd, options.request);
  cmd->get_option("VERB")->required(false);
  cmd->add_option("--as", options.as, "The user asking: a name, or system:serviceaccount:NS:NAME (required)")->type_name("USER");
  cmd->add_option("--as-group", options.as_groups, "A group of the user (repeatable)")->type_name("GROUP");
  cmd->add_flag("--exact-groups", options.exact_groups, "Do not add system:authenticated or service-account groups");
  cmd->add_flag("-q,--quiet", options.quiet, "Print nothing; answer with the exit status");
  cmd->add_flag("--explain", options.explain, "Show the proof: subject → binding → role → rule, with file:line");
  cmd->add_flag("--list", options.list, "List what the user may do in the namespace (like kubectl auth can-i --list)");
  cmd->add_flag("--no-headers", options.no_headers, "With --list: no header row");
  add_input_options(*cmd, options.input);
  return cmd;
}

int run_can_i(const CLI::App& command, const CanIOptions& options, const OutputOptions& output) {
  if (options.list) {
    if (options.request.all_namespaces || options.quiet || !options.request.subresource.empty() || !options.request.verb.empty()) {
      return report_usage_error(usage_error("--list takes no VERB or TYPE, and no -A, -q or --subresource: it lists what the user may do in "
                                            "one namespace (-n)"),
                                output);
    }
  } else if (options.request.verb.empty() || options.request.target.empty()) {
    return report_usage_error(usage_error("can-i needs VERB and TYPE[/NAME] or /URL (or --list)",
                                          {"for example: rbacq can-i get secrets -n kube-system --as alice -f manifests/"}),
                              output);
  }
  if (command.count("--as") == 0) {
    return report_usage_error(usage_error("say whose access to check with --as USER: offline there is no current user",
                                          {"for example --as alice --as-group developers, or --as system:serviceaccount:NS:NAME"}),
                              output);
  }
  if (const auto missing = missing_input(options.input)) return report_usage_error(*missing, output);
  const auto analysis = analysis_options(options.input);
  if (!analysis) return report_usage_error(analysis.error(), output);
  const analyzer::AnalysisContext context(options.input.paths, *analysis);
  return options.list ? run_list(command, options, output, context) : run_question(command, options, output, context);
}

}  // namespace rbacq::cli
