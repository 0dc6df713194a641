// SPDX-License-Identifier: Apache-2.0
#include "cli/can_i_command.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "cli/proof.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/table.hpp"
#include "query/answers.hpp"
#include "query/checker.hpp"
#include "support/json_writer.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::rbac::Decision;
using analyzer::rbac::Grant;
using analyzer::rbac::UserInfo;
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
    "\nOutput: yes or no on stdout (-q: nothing); with -o json {\"schema\":\"rbacq/v1\",\"allowed\",\"decision\",\"via\",\n"
    "\"reason\",\"request\",\"user\",\"grants\",\"errors\",\"notes\",\"diagnostics\"} (see README). Exit status: 0 yes, 1 no,\n"
    "2 usage mistakes or errors in the input (the answer is still printed), 3 internal error.";

std::string groups_text(const UserInfo& user) {
  std::vector<std::string> groups;
  for (const auto& g : user.groups) groups.push_back(g.empty() ? std::string("\"\"") : printable(g));
  return groups.empty() ? std::string("no groups") : fmt::format("groups {}", fmt::join(groups, ", "));
}


/// Why a request was not allowed, beyond "no rule matches": as note lines.
std::vector<std::string> near_miss_lines(const analyzer::AnalysisContext& context, const UserInfo& user,
                                         const analyzer::rbac::RequestAttributes& request, bool namespaced) {
  std::vector<std::string> out;
  for (const analyzer::rbac::NearMiss& miss : context.authorizer().near_misses(user, request, namespaced)) {
    const analyzer::Binding& b = *miss.resolved->binding;
    const analyzer::PolicyRule& rule = miss.resolved->role->rules[miss.rule];
    switch (miss.kind) {
      case analyzer::rbac::NearMiss::Kind::url_in_role_binding:
        out.push_back(fmt::format("{}: note: {} has a rule for this URL, but a RoleBinding never grants non-resource URLs",
                                  printable(to_string(b.meta.loc)), query::describe_binding(b)));
        break;
      case analyzer::rbac::NearMiss::Kind::other_namespace:
        out.push_back(fmt::format("{}: note: {} would allow it in namespace {}, but it grants only there{}",
                                  printable(to_string(b.meta.loc)), query::describe_binding(b), printable(b.meta.namespace_),
                                  request.namespace_.empty() ? " (a request with no namespace needs a ClusterRoleBinding)" : ""));
        break;
      case analyzer::rbac::NearMiss::Kind::other_names:
        out.push_back(fmt::format("{}: note: rule {} of {} allows it only for the names [{}]{}", printable(to_string(rule.loc)),
                                  miss.rule + 1, query::describe_role(*miss.resolved->role),
                                  printable(fmt::format("{}", fmt::join(rule.resource_names, " "))),
                                  request.name.empty() ? "; this request has no name" : ""));
        break;
    }
  }
  return out;
}

void print_explanation(const analyzer::AnalysisContext& context, const UserInfo& user, const analyzer::rbac::BuiltRequest& built,
                       const Decision& d) {
  const analyzer::rbac::RequestAttributes& request = built.attributes;
  std::string out = fmt::format("request: {}\nuser: {} ({})\n", query::describe_request(request), printable(user.name), groups_text(user));
  if (d.via == Via::privileged_group) out += fmt::format("allowed: {}\n", analyzer::rbac::privileged_group_reason());
  if (!d.grants.empty()) {
    out += d.via == Via::privileged_group ? fmt::format("RBAC would allow it too ({} grant{}):\n", d.grants.size(), d.grants.size() == 1 ? "" : "s")
                                          : fmt::format("allowed by {} grant{}:\n", d.grants.size(), d.grants.size() == 1 ? "" : "s");
    for (const Grant& g : d.grants) {
      for (const Note& n : query::grant_notes(g)) out += fmt::format("{}: note: {}\n", printable(to_string(n.loc)), n.message);
    }
  }
  if (!d.allowed()) {
    out += "denied: no RBAC rule of a binding that applies allows it (RBAC has no deny rules: nothing grants it)\n";
    // Other namespaces only matter for namespaced types (and for --api-group, where it is unknown).
    const bool namespaced = built.resource == nullptr || built.resource->namespaced;
    const std::vector<std::string> misses = near_miss_lines(context, user, request, namespaced);
    if (!misses.empty()) out += "close, but not enough:\n";
    for (const std::string& m : misses) out += m + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void write_user(JsonWriter& w, const UserInfo& user) {
  w.key("user");
  w.begin_object();
  w.key("name");
  w.value(user.name);
  w.key("groups");
  w.begin_array();
  for (const auto& g : user.groups) w.value(g);
  w.end_array();
  w.end_object();
}

void write_notes_and_diagnostics(JsonWriter& w, const std::vector<std::string>& notes, const analyzer::AnalysisContext& context) {
  w.key("notes");
  w.begin_array();
  for (const auto& n : notes) w.value(n);
  w.end_array();
  w.key("diagnostics");
  write_json(w, context.diagnostics().sorted());
}

std::string decision_json(const analyzer::AnalysisContext& context, const UserInfo& user,
                          const analyzer::rbac::RequestAttributes& request, const Decision& d, const std::vector<std::string>& notes) {
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.value("rbacq/v1");
  w.key("allowed");
  w.value(d.allowed());
  w.key("decision");
  w.value(d.allowed() ? "allow" : "no_opinion");
  w.key("via");
  if (d.via == Via::privileged_group) w.value("privileged-group");
  else if (d.via == Via::rbac) w.value("rbac");
  else w.null();
  w.key("reason");
  w.value(d.reason());
  w.key("request");
  write_request(w, request);
  write_user(w, user);
  w.key("grants");
  w.begin_array();
  for (const Grant& g : d.grants) write_grant(w, g);
  w.end_array();
  w.key("errors");
  w.begin_array();
  for (const auto* e : d.errors) write_resolution_error(w, *e);
  w.end_array();
  write_notes_and_diagnostics(w, notes, context);
  w.end_object();
  return w.str();
}

/// --list: the rules as kubectl auth can-i --list shows them, one row per resource (or URL),
/// names and scope, with the verbs of every rule that grants it merged.
std::string rules_table(const analyzer::rbac::RulesReview& review, bool headers) {
  // Resources first, then URLs (as kubectl), each sorted; rows that differ only in verbs merge.
  using Key = std::tuple<bool, std::string, std::string, std::string, std::string>;
  std::map<Key, std::vector<std::string>> rows;
  const auto add = [&](Key key, const std::vector<std::string>& verbs) {
    auto& v = rows[std::move(key)];
    for (const auto& verb : verbs) {
      if (std::find(v.begin(), v.end(), verb) == v.end()) v.push_back(verb);
    }
  };
  for (const Grant& g : review.rules) {
    const analyzer::PolicyRule& rule = g.policy_rule();
    const std::string scope = g.binding().cluster ? "cluster-wide" : "namespace";
    const std::string names = fmt::format("[{}]", fmt::join(rule.resource_names, " "));
    for (const auto& group : rule.api_groups) {
      for (const auto& resource : rule.resources) {
        std::string qualified = resource;
        if (!group.empty()) qualified.append(".").append(group);
        add({false, std::move(qualified), "[]", names, scope}, rule.verbs);
      }
    }
    // A RoleBinding never grants a URL (requests for URLs have no namespace): say so.
    const std::string url_scope = g.binding().cluster ? scope : std::string("none (RoleBinding)");
    for (const auto& url : rule.non_resource_urls) add({true, "", "[" + url + "]", "[]", url_scope}, rule.verbs);
  }
  std::vector<TableRow> table;
  if (headers) table.push_back({"Resources", "Non-Resource URLs", "Resource Names", "Verbs", "Scope"});
  for (const auto& [key, verbs] : rows) {
    table.push_back({printable(std::get<1>(key)), printable(std::get<2>(key)), printable(std::get<3>(key)),
                     printable(fmt::format("[{}]", fmt::join(verbs, " "))), std::get<4>(key)});
  }
  return aligned_table(table, "   ");
}

std::string rules_json(const analyzer::AnalysisContext& context, const UserInfo& user, std::string_view ns,
                       const analyzer::rbac::RulesReview& review, const std::vector<std::string>& notes) {
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.value("rbacq/v1");
  write_user(w, user);
  w.key("namespace");
  w.value(ns);
  w.key("privileged");
  w.value(review.privileged);
  w.key("rules");
  w.begin_array();
  for (const Grant& g : review.rules) write_grant(w, g);
  w.end_array();
  w.key("errors");
  w.begin_array();
  for (const auto* e : review.errors) write_resolution_error(w, *e);
  w.end_array();
  write_notes_and_diagnostics(w, notes, context);
  w.end_object();
  return w.str();
}

int run_list(const CLI::App& command, const CanIOptions& options, const OutputOptions& output,
             const analyzer::AnalysisContext& context, const UserInfo& user, const std::vector<std::string>& notes) {
  const std::string ns = command.count("--namespace") != 0 ? options.request.namespace_ : options.input.default_namespace;
  const analyzer::rbac::RulesReview review = context.authorizer().rules_for(user, ns);
  if (output.format == Format::json) {
    const std::string json = rules_json(context, user, ns, review, notes);
    std::fwrite(json.data(), 1, json.size(), stdout);
  } else {
    print_problems(context, review.errors, output.color);
    if (review.privileged) std::fprintf(stderr, "rbacq: note: %s; the rules below are only RBAC's\n", analyzer::rbac::privileged_group_reason().c_str());
    const std::string table = rules_table(review, !options.no_headers);
    std::fwrite(table.data(), 1, table.size(), stdout);
  }
  return context.diagnostics().has_errors() ? kExitError : kExitOk;
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
      return report_usage_error({"usage", Severity::error, {}, "--list takes no VERB or TYPE, and no -A, -q or --subresource: it lists "
                                                               "what the user may do in one namespace (-n)", {}}, output);
    }
  } else if (options.request.verb.empty() || options.request.target.empty()) {
    return report_usage_error({"usage", Severity::error, {}, "can-i needs VERB and TYPE[/NAME] or /URL (or --list)",
                               {{{}, "for example: rbacq can-i get secrets -n kube-system --as alice -f manifests/"}}}, output);
  }
  if (command.count("--as") == 0) {
    return report_usage_error({"usage", Severity::error, {}, "say whose access to check with --as USER: offline there is no current user",
                               {{{}, "for example --as alice --as-group developers, or --as system:serviceaccount:NS:NAME"}}}, output);
  }
  if (const auto missing = missing_input(options.input)) return report_usage_error(*missing, output);
  const auto analysis = analysis_options(options.input);
  if (!analysis) return report_usage_error(analysis.error(), output);
  std::vector<std::string> notes;
  if (options.as.starts_with(analyzer::rbac::kServiceAccountPrefix) && !analyzer::rbac::split_service_account_username(options.as)) {
    notes.push_back(fmt::format("'{}' is not a valid service-account name (system:serviceaccount:NAMESPACE:NAME): it is asked as a "
                                "plain user of that name, without service-account groups",
                                options.as));
  }

  const analyzer::AnalysisContext context(options.input.paths, *analysis);
  const UserInfo user = options.exact_groups ? UserInfo{options.as, options.as_groups}
                                             : analyzer::rbac::authenticated_user(options.as, options.as_groups);
  if (options.list) {
    if (output.format == Format::text) print_notes(notes);
    return run_list(command, options, output, context, user, notes);
  }

  // can-i is the query `can USER VERB TARGET SCOPE`, asked as exactly this identity.
  auto question = request_question(command, options.request, options.input);
  if (!question) return report_usage_error(question.error(), output);
  query::CanQuery statement;
  statement.subject.name = options.as;
  statement.subject.identity = user;
  statement.verbs.items = {options.request.verb};
  statement.target = std::move(question->first);
  statement.scope = std::move(question->second);
  const auto plan = query::check(query::Statement(std::move(statement)), context, query::QuerySource{});
  if (!plan) return report_usage_error(as_usage_error(plan.error()), output);
  const auto& can = std::get<query::CanPlan>(plan->plan);
  const query::PlannedRequest& planned = can.requests.requests.front();
  const analyzer::rbac::BuiltRequest* built = &planned.built;
  notes.insert(notes.end(), can.requests.notes.begin(), can.requests.notes.end());
  const Decision decision = query::answer_can(context, can.user, planned).front().decision;
  const int answer = decision.allowed() ? kExitOk : kExitFindings;
  const int code = context.diagnostics().has_errors() ? kExitError : answer;
  if (options.quiet) return code;

  if (output.format == Format::json) {
    const std::string json = decision_json(context, user, built->attributes, decision, notes);
    std::fwrite(json.data(), 1, json.size(), stdout);
    return code;
  }
  print_notes(notes);
  print_problems(context, decision.errors, output.color);
  if (decision.via == Via::privileged_group) {
    // stdout stays "yes" for scripts, as kubectl prints it; the reason goes with the notes.
    std::fprintf(stderr, "rbacq: note: %s\n", analyzer::rbac::privileged_group_reason().c_str());
    std::fflush(stderr);
    std::printf("yes\n");
  } else if (decision.allowed()) {
    std::printf("yes\n");
  } else if (!decision.errors.empty()) {
    std::printf("no - %s\n", printable(decision.reason()).c_str());
  } else {
    std::printf("no\n");
  }
  if (options.explain) print_explanation(context, user, *built, decision);
  return code;
}

}  // namespace rbacq::cli
