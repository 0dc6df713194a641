// SPDX-License-Identifier: Apache-2.0
#include "cli/who_can_render.hpp"

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/kubectl_phrases.hpp"
#include "cli/proof.hpp"
#include "cli/table.hpp"
#include "query/evidence.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::rbac::Grant;
using analyzer::rbac::WhoCanResult;
using analyzer::rbac::WhoCanSubject;

/// "RoleBinding dev/x → ClusterRole y, rule 2", escaped for a terminal.
std::string granted_by(const Grant& g) {
  return printable(fmt::format("{} → {}, rule {}", query::describe_binding(g.binding()), query::describe_role(g.role()), g.rule + 1));
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
      rows.push_back({printable(query::describe_subject(s.subject)), scope_text(g),
                      fmt::format("[{}] {}", printable(fmt::format("{}", fmt::join(g.policy_rule().resource_names, " "))), granted_by(g)),
                      printable(to_string(g.binding().meta.loc))});
    }
  }
  return "\nonly for some objects (ask with TYPE/NAME for one):\n\n" + aligned(rows);
}

}  // namespace

std::string who_can_text(const query::WhoCanAnswers& answers) {
  const query::WhoCanAnswer& answer = answers.answers.front();
  const analyzer::rbac::RequestAttributes& request = answer.request;
  const WhoCanResult& result = answer.result;
  const WhoCanResult& named = answer.named;
  Rows rows{{"SUBJECT", "SCOPE", "GRANTED BY", "AT"}};
  std::vector<std::string> group_lines;
  for (const WhoCanSubject& s : result.subjects) {
    // The subject on every row, so that grep finds all of its grants.
    const std::string subject = printable(query::describe_subject(s.subject));
    if (s.privileged) rows.push_back({subject, "everywhere", "privileged group: allowed before RBAC, no binding revokes it", ""});
    for (const Grant& g : s.grants) rows.push_back({subject, scope_text(g), granted_by(g), printable(to_string(g.binding().meta.loc))});
    if (const auto it = answers.groups.find(s.subject.name); s.subject.kind == "Group" && it != answers.groups.end()) {
      const auto& members = it->second;
      std::string line = printable(fmt::format("{}: {}", query::describe_subject(s.subject), query::describe_group(members)));
      if (!members.service_accounts.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < members.service_accounts.size() && i < 10; ++i) names.push_back(printable(members.service_accounts[i]));
        line += fmt::format(" (in the input: {}{})", fmt::join(names, ", "),
                            members.service_accounts.size() > 10 ? fmt::format(" and {} more", members.service_accounts.size() - 10) : "");
      }
      group_lines.push_back(std::move(line));
    }
  }
  std::string out = fmt::format("who can {}:\n\n", printable(query::describe_request(request))) + aligned(rows) + named_only_text(named);
  if (!group_lines.empty()) out += "\n";
  for (const auto& line : group_lines) out += line + "\n";
  return out;
}

namespace {

void write_subject(JsonWriter& w, const query::WhoCanAnswers& answers, const WhoCanSubject& s) {
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
  if (const auto it = answers.groups.find(s.subject.name); s.subject.kind == "Group" && it != answers.groups.end()) {
    w.key("members");
    write_members(w, it->second);
  }
  w.end_object();
}

}  // namespace

std::string who_can_json(const analyzer::AnalysisContext& context, const std::string& statement, const query::WhoCanAnswers& answers,
                         const std::vector<analyzer::rbac::QuestionNote>& notes) {
  const query::WhoCanAnswer& answer = answers.answers.front();
  const analyzer::rbac::RequestAttributes& request = answer.request;
  const WhoCanResult& result = answer.result;
  const WhoCanResult& named = answer.named;
  JsonDocument document;
  JsonWriter& w = document.writer();
  w.key("statement");
  w.value(statement);
  w.key("request");
  write_request(w, request);
  w.key("subjects");
  w.begin_array();
  for (const WhoCanSubject& s : result.subjects) write_subject(w, answers, s);
  w.end_array();
  w.key("onlyForNames");
  w.begin_array();
  for (const WhoCanSubject& s : named.subjects) write_subject(w, answers, s);
  w.end_array();
  write_resolution_errors(w, result.errors);
  write_notes(w, notes, kubectl_phrases());
  return document.finish(context.diagnostics().sorted());
}

}  // namespace rbacq::cli
