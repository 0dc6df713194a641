// SPDX-License-Identifier: Apache-2.0
#include "cli/can_i_render.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/kubectl_phrases.hpp"
#include "cli/proof.hpp"
#include "cli/table.hpp"
#include "query/evidence.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::rbac::Decision;
using analyzer::rbac::Grant;
using analyzer::rbac::UserInfo;
using analyzer::rbac::Via;

std::string groups_text(const UserInfo& user) {
  std::vector<std::string> groups;
  for (const auto& g : user.groups) groups.push_back(g.empty() ? std::string("\"\"") : printable(g));
  return groups.empty() ? std::string("no groups") : fmt::format("groups {}", fmt::join(groups, ", "));
}

std::string note_line(const query::Evidence& e) { return fmt::format("{}: note: {}\n", printable(to_string(e.loc)), printable(e.message)); }

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

}  // namespace

std::string explanation_text(const std::string& statement, const UserInfo& user, const query::CanAnswer& answer) {
  const Decision& d = answer.decision;
  std::string out = fmt::format("asked as: {}\nrequest: {}\nuser: {} ({})\n", printable(statement), printable(query::describe_request(answer.request)),
                                printable(user.name), groups_text(user));
  if (d.via == Via::privileged_group) out += fmt::format("allowed: {}\n", query::privileged_evidence().message);
  if (!d.grants.empty()) {
    out += d.via == Via::privileged_group ? fmt::format("RBAC would allow it too ({} grant{}):\n", d.grants.size(), d.grants.size() == 1 ? "" : "s")
                                          : fmt::format("allowed by {} grant{}:\n", d.grants.size(), d.grants.size() == 1 ? "" : "s");
    for (const Grant& g : d.grants) {
      for (const auto& n : query::grant_notes(g)) out += note_line(n);
    }
  }
  if (!d.allowed()) {
    out += "denied: no RBAC rule of a binding that applies allows it (RBAC has no deny rules: nothing grants it)\n";
    if (!answer.near_misses.empty()) out += "close, but not enough:\n";
    for (const auto& miss : answer.near_misses) out += note_line(query::near_miss_evidence(miss, answer.request));
  }
  return out;
}

std::string decision_json(const analyzer::AnalysisContext& context, const std::string& statement, const UserInfo& user,
                          const query::CanAnswer& answer, const std::vector<analyzer::rbac::QuestionNote>& notes) {
  const Decision& d = answer.decision;
  JsonDocument document;
  JsonWriter& w = document.writer();
  w.key("statement");
  w.value(statement);
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
  write_request(w, answer.request);
  write_user(w, user);
  w.key("grants");
  w.begin_array();
  for (const Grant& g : d.grants) write_grant(w, g);
  w.end_array();
  w.key("nearMisses");
  std::vector<query::Evidence> misses;
  for (const auto& miss : answer.near_misses) misses.push_back(query::near_miss_evidence(miss, answer.request));
  write_evidence(w, misses);
  write_resolution_errors(w, d.errors);
  write_notes(w, notes, kubectl_phrases());
  return document.finish(context.diagnostics().sorted());
}

std::string rules_table(const query::WhatCanAnswer& answer, bool headers) {
  // Resources first, then URLs (as kubectl), each sorted; rows that differ only in verbs merge.
  using Key = std::tuple<bool, std::string, std::string, std::string, std::string>;
  std::map<Key, std::vector<std::string>> rows;
  const auto add = [&](Key key, const std::vector<std::string>& verbs) {
    auto& v = rows[std::move(key)];
    for (const auto& verb : verbs) {
      if (std::find(v.begin(), v.end(), verb) == v.end()) v.push_back(verb);
    }
  };
  for (const Grant& g : answer.grants) {
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

std::string rules_json(const analyzer::AnalysisContext& context, const std::string& statement, const UserInfo& user,
                       const std::string& namespace_, const query::WhatCanAnswer& answer,
                       const std::vector<analyzer::rbac::QuestionNote>& notes) {
  JsonDocument document;
  JsonWriter& w = document.writer();
  w.key("statement");
  w.value(statement);
  write_user(w, user);
  w.key("namespace");
  w.value(namespace_);
  w.key("privileged");
  w.value(answer.privileged);
  w.key("rules");
  w.begin_array();
  for (const Grant& g : answer.grants) write_grant(w, g);
  w.end_array();
  write_resolution_errors(w, answer.errors);
  write_notes(w, notes, kubectl_phrases());
  return document.finish(context.diagnostics().sorted());
}

}  // namespace rbacq::cli
