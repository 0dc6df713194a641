// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: arbitrary bytes through the loading front door, once as a YAML file and once
// as a JSON file, so that both readers and the object decoder (incl. embedded aws-auth YAML) run;
// then through aggregation and the authorizer, checking that can-i and who-can agree.
// Also compiled into fuzz_replay_load (replay_main.cpp), which runs the seed corpus under CTest.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzer/analysis_context.hpp"
#include "analyzer/input/loader.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"

namespace {

/// Small limits keep each input fast: the defaults allow 4M alias-expanded nodes per document.
rbacq::analyzer::LoadLimits fuzz_limits() {
  rbacq::analyzer::LoadLimits limits;
  limits.max_file_bytes = std::size_t{1} << 20U;
  limits.max_depth = 64;
  limits.max_expanded_nodes = 100'000;
  limits.max_objects = 10'000;
  return limits;
}

/// Invariants every diagnostic must keep whatever the input: an id, a message and the file it
/// came from. A violation traps so that libFuzzer reports it like a crash.
void check(const rbacq::Diagnostics& diags, std::string_view name) {
  for (const rbacq::Diagnostic& d : diags.items()) {
    if (d.id.empty() || d.message.empty() || d.loc.file.str() != name) __builtin_trap();
  }
}

/// The user a who-can subject stands for.
rbacq::analyzer::rbac::UserInfo user_for(const rbacq::analyzer::rbac::SubjectKey& s) {
  if (s.kind == "User") return {s.name, {}};
  if (s.kind == "Group") return {"fuzz-user", {s.name}};
  return {rbacq::analyzer::rbac::service_account_username(s.namespace_, s.name), {}};
}

/// For the first rules of the model, as requests: who-can's subjects must each be allowed by
/// can-i, every grant must be a rule that allows the request, and every grant can-i finds for
/// a binding's subject must be in who-can's answer.
void check_authorizer(const rbacq::analyzer::AnalysisContext& context) {
  namespace rbac = rbacq::analyzer::rbac;
  std::size_t asked = 0;
  for (const auto& rb : context.authorizer().bindings()) {
    if (rb.role == nullptr || rb.role->rules.empty() || ++asked > 8) continue;
    const rbacq::analyzer::PolicyRule& rule = rb.role->rules.front();
    rbac::RequestAttributes request;
    if (!rule.non_resource_urls.empty() && !rule.verbs.empty()) {
      request.resource_request = false;
      request.verb = rule.verbs.front();
      request.path = rule.non_resource_urls.front();
    } else if (!rule.verbs.empty() && !rule.api_groups.empty() && !rule.resources.empty()) {
      request.verb = rule.verbs.front();
      request.api_group = rule.api_groups.front();
      const std::string& resource = rule.resources.front();
      const std::size_t slash = resource.find('/');
      request.resource = resource.substr(0, slash);
      if (slash != std::string::npos) request.subresource = resource.substr(slash + 1);
      request.namespace_ = rb.binding->cluster ? std::string() : rb.binding->meta.namespace_;
      if (!rule.resource_names.empty()) request.name = rule.resource_names.front();
    } else {
      continue;
    }
    const rbac::WhoCanResult who = context.authorizer().who_can(request);
    if (who.subjects.empty() || !who.subjects.front().privileged) __builtin_trap();
    for (const auto& subject : who.subjects) {
      for (const rbac::Grant& g : subject.grants) {
        if (!rbac::rule_allows(request, g.policy_rule())) __builtin_trap();
      }
      if (subject.privileged) continue;
      const rbac::Decision d = context.authorizer().authorize(user_for(subject.subject), request);
      if (!d.allowed()) __builtin_trap();
      for (const rbac::Grant& g : d.grants) {
        if (!rbac::rule_allows(request, g.policy_rule())) __builtin_trap();
      }
    }
    // The other direction: each subject of the bindings, asked with can-i, is in who-can.
    for (const auto& other : context.authorizer().bindings()) {
      for (std::size_t i = 0; i < other.binding->subjects.size() && i < 4; ++i) {
        const rbac::SubjectKey key = rbac::subject_key(*other.binding, i);
        if (key.kind != "User" && key.kind != "Group" && key.kind != "ServiceAccount") continue;
        if (key.kind == "ServiceAccount" && key.namespace_.empty()) continue;
        const rbac::Decision d = context.authorizer().authorize(user_for(key), request);
        for (const rbac::Grant& g : d.grants) {
          const rbac::SubjectKey granted = rbac::subject_key(g.binding(), g.subject);
          const bool listed = std::any_of(who.subjects.begin(), who.subjects.end(), [&](const rbac::WhoCanSubject& w) {
            return w.subject == granted && std::any_of(w.grants.begin(), w.grants.end(), [&](const rbac::Grant& x) {
                     return x.resolved == g.resolved && x.rule == g.rule;
                   });
          });
          if (!listed) __builtin_trap();
        }
      }
    }
    static_cast<void>(context.authorizer().rules_for({"fuzz-user", {"system:authenticated"}}, request.namespace_));
  }
}

/// A JSON List decoded item by item as it is read must give what reading the whole tree first
/// gives (issue 15): the same model and the same diagnostics, past the cap of problems shown
/// per file too.
void check_streamed_list(std::string_view text, const rbacq::analyzer::Model& streamed, const rbacq::Diagnostics& streamed_diags) {
  rbacq::analyzer::LoadLimits whole_tree = fuzz_limits();
  whole_tree.stream_json_lists = false;
  rbacq::analyzer::Model model;
  rbacq::Diagnostics diags;
  rbacq::analyzer::load_text(text, "fuzz.json", whole_tree, model, diags);
  if (!(model == streamed)) __builtin_trap();
  if (diags.sorted() != streamed_diags.sorted()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rbacq::analyzer::LoadLimits limits = fuzz_limits();
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes are bytes
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const std::string_view name : {std::string_view("fuzz.yaml"), std::string_view("fuzz.json")}) {
    rbacq::analyzer::Model model;
    rbacq::Diagnostics diags;
    rbacq::analyzer::load_text(text, name, limits, model, diags);
    check(diags, name);
    static_cast<void>(diags.sorted());
    if (name == "fuzz.json") check_streamed_list(text, model, diags);
    // Half of the inputs keep namespaces as written (RoleBindings without one apply nowhere).
    rbacq::analyzer::AnalysisOptions options;
    if (size % 2 == 1) options.default_namespace.clear();
    const rbacq::analyzer::AnalysisContext context(rbacq::analyzer::LoadResult{std::move(model), std::move(diags)}, options);
    check(context.diagnostics(), name);
    check_authorizer(context);
  }
  return 0;
}
