// SPDX-License-Identifier: Apache-2.0
#include "cli/who_can_command.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "analyzer/rbac/group_members.hpp"
#include "cli/proof.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/table.hpp"
#include "query/answers.hpp"
#include "query/checker.hpp"
#include "support/json_writer.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::rbac::Grant;
using analyzer::rbac::WhoCanResult;
using analyzer::rbac::WhoCanSubject;

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
    "(resourceNames); with -o json {\"schema\":\"rbacq/v1\",\"request\",\"subjects\":[{\"kind\",\"name\",\"namespace\",\n"
    "\"privileged\",\"grants\",\"members\"}],\"onlyForNames\":[…],\"errors\",\"notes\",\"diagnostics\"}.\n"
    "Exit status: 0 answered, 2 usage mistakes or errors in the input (the answer is still printed), 3 internal error.";

std::string granted_by(const Grant& g) {
  return fmt::format("{} → {}, rule {}", query::describe_binding(g.binding()), query::describe_role(g.role()), g.rule + 1);
}

std::string scope_text(const Grant& g) {
  return g.binding().cluster ? std::string("cluster-wide") : fmt::format("in {}", printable(g.binding().meta.namespace_));
}

using Rows = std::vector<TableRow>;

std::string aligned(const Rows& rows) { return aligned_table(rows, "  "); }

/// Subjects whose grants allow the request only for named objects, as a second table.
std::string named_only_text(const WhoCanResult& named) {
  if (named.subjects.empty()) return {};
  Rows rows{{"SUBJECT", "SCOPE", "ONLY FOR NAMES, GRANTED BY", "AT"}};
  for (const WhoCanSubject& s : named.subjects) {
    for (const Grant& g : s.grants) {
      rows.push_back({query::describe_subject(s.subject), scope_text(g),
                      fmt::format("[{}] {}", printable(fmt::format("{}", fmt::join(g.policy_rule().resource_names, " "))), granted_by(g)),
                      printable(to_string(g.binding().meta.loc))});
    }
  }
  return "\nonly for some objects (ask with TYPE/NAME for one):\n\n" + aligned(rows);
}

std::string who_can_text(const analyzer::AnalysisContext& context, const analyzer::rbac::RequestAttributes& request,
                         const WhoCanResult& result, const WhoCanResult& named) {
  Rows rows{{"SUBJECT", "SCOPE", "GRANTED BY", "AT"}};
  std::vector<std::string> group_lines;
  for (const WhoCanSubject& s : result.subjects) {
    // The subject on every row, so that grep finds all of its grants.
    const std::string subject = query::describe_subject(s.subject);
    if (s.privileged) rows.push_back({subject, "everywhere", "privileged group: allowed before RBAC, no binding revokes it", ""});
    for (const Grant& g : s.grants) rows.push_back({subject, scope_text(g), granted_by(g), printable(to_string(g.binding().meta.loc))});
    if (s.subject.kind == "Group") {
      const auto members = analyzer::rbac::group_members(s.subject.name, context.model());
      if (members.description.empty()) continue;
      std::string line = fmt::format("{}: {}", query::describe_subject(s.subject), printable(members.description));
      if (!members.service_accounts.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < members.service_accounts.size() && i < 10; ++i) names.push_back(printable(members.service_accounts[i]));
        line += fmt::format(" (in the input: {}{})", fmt::join(names, ", "),
                            members.service_accounts.size() > 10 ? fmt::format(" and {} more", members.service_accounts.size() - 10) : "");
      }
      group_lines.push_back(std::move(line));
    }
  }
  std::string out = fmt::format("who can {}:\n\n", query::describe_request(request)) + aligned(rows) + named_only_text(named);
  if (!group_lines.empty()) out += "\n";
  for (const auto& line : group_lines) out += line + "\n";
  return out;
}

void write_subject(JsonWriter& w, const analyzer::AnalysisContext& context, const WhoCanSubject& s) {
  w.begin_object();
  w.key("kind");
  w.value(s.subject.kind);
  w.key("name");
  w.value(s.subject.name);
  if (!s.subject.namespace_.empty()) {
    w.key("namespace");
    w.value(s.subject.namespace_);
  }
  w.key("privileged");
  w.value(s.privileged);
  w.key("grants");
  w.begin_array();
  for (const Grant& g : s.grants) write_grant(w, g);
  w.end_array();
  if (s.subject.kind == "Group") {
    const auto members = analyzer::rbac::group_members(s.subject.name, context.model());
    if (!members.description.empty()) {
      w.key("members");
      w.begin_object();
      w.key("description");
      w.value(members.description);
      w.key("serviceAccounts");
      w.begin_array();
      for (const auto& sa : members.service_accounts) w.value(sa);
      w.end_array();
      w.end_object();
    }
  }
  w.end_object();
}

std::string who_can_json(const analyzer::AnalysisContext& context, const analyzer::rbac::RequestAttributes& request,
                         const WhoCanResult& result, const WhoCanResult& named, const std::vector<std::string>& notes) {
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.value("rbacq/v1");
  w.key("request");
  write_request(w, request);
  w.key("subjects");
  w.begin_array();
  for (const WhoCanSubject& s : result.subjects) write_subject(w, context, s);
  w.end_array();
  w.key("onlyForNames");
  w.begin_array();
  for (const WhoCanSubject& s : named.subjects) write_subject(w, context, s);
  w.end_array();
  w.key("errors");
  w.begin_array();
  for (const auto* e : result.errors) write_resolution_error(w, *e);
  w.end_array();
  w.key("notes");
  w.begin_array();
  for (const auto& n : notes) w.value(n);
  w.end_array();
  w.key("diagnostics");
  write_json(w, context.diagnostics().sorted());
  w.end_object();
  return w.str();
}

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
  // who-can is the query `who can VERB TARGET SCOPE`.
  auto question = request_question(command, options.request, options.input);
  if (!question) return report_usage_error(question.error(), output);
  query::WhoCanQuery statement;
  statement.verbs.items = {options.request.verb};
  statement.target = std::move(question->first);
  statement.scope = std::move(question->second);
  const auto plan = query::check(query::Statement(std::move(statement)), context, query::QuerySource{});
  if (!plan) return report_usage_error(as_usage_error(plan.error()), output);
  const auto& who = std::get<query::WhoCanPlan>(plan->plan);
  const query::PlannedRequest& planned = who.requests.requests.front();
  const analyzer::rbac::BuiltRequest* built = &planned.built;
  query::WhoCanAnswer answer = std::move(query::answer_who_can(context, planned).front());
  const WhoCanResult& result = answer.result;
  const WhoCanResult& named = answer.named;
  std::vector<std::string> notes = who.requests.notes;
  if (built->attributes.resource_request && built->attributes.namespace_.empty()) {
    // -A is exact (no namespace: ClusterRoleBindings only); say what RoleBindings add inside namespaces.
    const std::vector<std::string> inside = context.authorizer().namespaces_allowing(built->attributes);
    if (!inside.empty()) {
      const std::size_t shown = std::min<std::size_t>(inside.size(), 10);
      notes.push_back(fmt::format("RoleBindings also allow this inside {} namespace{}: {}{} (ask with -n NS to see who)", inside.size(),
                                  inside.size() == 1 ? "" : "s",
                                  fmt::join(inside.begin(), inside.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
                                  inside.size() > shown ? ", …" : ""));
    }
  }
  const int code = context.diagnostics().has_errors() ? kExitError : kExitOk;

  if (output.format == Format::json) {
    const std::string json = who_can_json(context, built->attributes, result, named, notes);
    std::fwrite(json.data(), 1, json.size(), stdout);
    return code;
  }
  print_notes(notes);
  print_problems(context, result.errors, output.color);
  const std::string table = who_can_text(context, built->attributes, result, named);
  std::fwrite(table.data(), 1, table.size(), stdout);
  return code;
}

}  // namespace rbacq::cli
