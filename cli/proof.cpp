// SPDX-License-Identifier: Apache-2.0
#include "cli/proof.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "analyzer/catalogue/default_policy.hpp"
#include "analyzer/kind_names.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"
#include "cli/render_diagnostics.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

using analyzer::Binding;
using analyzer::Role;

void write_strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& values) {
  w.key(key);
  w.begin_array();
  for (const std::string& v : values) w.value(v);
  w.end_array();
}

void write_object_ref(JsonWriter& w, std::string_view kind, const std::string& name, const std::string& ns,
                      const SourceLocation& loc) {
  w.begin_object();
  w.key("kind");
  w.value(kind);
  w.key("name");
  w.value(name);
  if (!ns.empty()) {
    w.key("namespace");
    w.value(ns);
  }
  write_location(w, loc);
  w.end_object();
}

}  // namespace

Diagnostic resolution_diagnostic(const analyzer::rbac::ResolvedBinding& binding, const analyzer::AnalysisOptions& options) {
  const Binding& b = *binding.binding;
  Diagnostic d{"rbac-missing-role", Severity::warning, b.role_ref.loc, {}, {}};
  if (b.cluster && b.role_ref.kind == "Role") {
    d.message = fmt::format("{} refers to a Role ('{}'): a ClusterRoleBinding can only use a ClusterRole, so it grants nothing "
                            "(the API server rejects it; not a deny: other bindings still count)",
                            query::describe_binding(b), b.role_ref.name);
    return d;
  }
  if (b.role_ref.kind != "Role" && b.role_ref.kind != "ClusterRole") {
    d.message = fmt::format("{} refers to a '{}', which is not a role kind: it grants nothing ({})", query::describe_binding(b),
                            b.role_ref.kind, binding.error);
    return d;
  }
  d.message = fmt::format("{} refers to {} '{}', which is not defined: {}; it grants nothing until it exists (not a deny: other "
                          "bindings still count)",
                          query::describe_binding(b), b.role_ref.kind, b.role_ref.name, binding.error);
  if (!options.with_defaults &&
      analyzer::catalogue::is_default_role(options.k8s_minor, b.role_ref.kind == "ClusterRole", b.meta.namespace_, b.role_ref.name)) {
    d.notes.push_back({b.role_ref.loc, fmt::format("'{}' is part of Kubernetes' default policy, which every cluster has: add "
                                                   "--with-defaults to include it",
                                                   b.role_ref.name)});
  }
  return d;
}

void add_default_policy_note(std::vector<analyzer::rbac::QuestionNote>& notes, const analyzer::AnalysisContext& context) {
  if (const auto minor = context.default_policy_minor()) notes.insert(notes.begin(), analyzer::rbac::DefaultPolicyVersion{*minor});
}

void print_notes(const std::vector<analyzer::rbac::QuestionNote>& notes, const query::Phrasebook& words) {
  for (const auto& n : notes) std::fprintf(stderr, "rbacq: note: %s\n", printable(query::describe(n, words)).c_str());
}

void write_notes(JsonWriter& w, const std::vector<analyzer::rbac::QuestionNote>& notes, const query::Phrasebook& words) {
  w.key("notes");
  w.begin_array();
  for (const auto& n : notes) w.value(query::describe(n, words));
  w.end_array();
}

void write_members(JsonWriter& w, const analyzer::rbac::GroupMembers& members) {
  w.begin_object();
  w.key("description");
  w.value(query::describe_group(members));
  w.key("serviceAccounts");
  w.begin_array();
  for (const auto& sa : members.service_accounts) w.value(sa);
  w.end_array();
  w.end_object();
}

void write_evidence(JsonWriter& w, const std::vector<query::Evidence>& evidence) {
  w.begin_array();
  for (const auto& e : evidence) {
    w.begin_object();
    w.key("message");
    w.value(e.message);
    write_location(w, e.loc);
    w.end_object();
  }
  w.end_array();
}

void print_problems(const analyzer::AnalysisContext& context, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors,
                    const OutputOptions& output) {
  std::vector<Diagnostic> all = context.diagnostics().sorted();
  for (const auto* e : errors) all.push_back(resolution_diagnostic(*e, context.options()));
  const std::string text = render_listed(all, output.listing, output.color);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void write_rule(JsonWriter& w, const analyzer::PolicyRule& rule, std::size_t number) {
  w.begin_object();
  w.key("number");
  w.value(static_cast<std::uint64_t>(number));
  write_strings(w, "verbs", rule.verbs);
  write_strings(w, "apiGroups", rule.api_groups);
  write_strings(w, "resources", rule.resources);
  write_strings(w, "resourceNames", rule.resource_names);
  write_strings(w, "nonResourceURLs", rule.non_resource_urls);
  if (!rule.aggregated_from.empty()) {
    w.key("aggregatedFrom");
    w.value(rule.aggregated_from);
  }
  write_location(w, rule.loc);
  w.end_object();
}

void write_grant(JsonWriter& w, const analyzer::rbac::Grant& grant) {
  const Binding& b = grant.binding();
  const Role& r = grant.role();
  const analyzer::rbac::SubjectKey s = analyzer::rbac::subject_key(b, grant.subject);
  w.begin_object();
  w.key("subject");
  write_object_ref(w, s.kind, s.name, s.namespace_, b.subjects[grant.subject].loc);
  w.key("binding");
  write_object_ref(w, analyzer::kind_of(b), b.meta.name, b.cluster ? std::string() : b.meta.namespace_, b.meta.loc);
  w.key("role");
  write_object_ref(w, analyzer::kind_of(r), r.meta.name, r.cluster ? std::string() : r.meta.namespace_, r.meta.loc);
  w.key("rule");
  write_rule(w, grant.policy_rule(), grant.rule + 1);
  w.key("scope");
  if (b.cluster) w.null();
  else w.value(b.meta.namespace_);
  w.end_object();
}

void write_resolution_error(JsonWriter& w, const analyzer::rbac::ResolvedBinding& binding) {
  const Binding& b = *binding.binding;
  w.begin_object();
  w.key("binding");
  write_object_ref(w, analyzer::kind_of(b), b.meta.name, b.cluster ? std::string() : b.meta.namespace_, b.meta.loc);
  w.key("roleRef");
  w.begin_object();
  w.key("kind");
  w.value(b.role_ref.kind);
  w.key("name");
  w.value(b.role_ref.name);
  write_location(w, b.role_ref.loc);
  w.end_object();
  w.key("message");
  w.value(binding.error);
  w.end_object();
}

void write_resolution_errors(JsonWriter& w, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors) {
  w.key("errors");
  w.begin_array();
  for (const auto* e : errors) write_resolution_error(w, *e);
  w.end_array();
}

void write_request(JsonWriter& w, const analyzer::rbac::RequestAttributes& r) {
  w.begin_object();
  w.key("resourceRequest");
  w.value(r.resource_request);
  w.key("verb");
  w.value(r.verb);
  if (r.resource_request) {
    w.key("apiGroup");
    w.value(r.api_group);
    w.key("resource");
    w.value(r.resource);
    w.key("subresource");
    w.value(r.subresource);
    w.key("name");
    w.value(r.name);
    w.key("namespace");
    w.value(r.namespace_);
  } else {
    w.key("path");
    w.value(r.path);
  }
  w.end_object();
}

}  // namespace rbacq::cli
