// SPDX-License-Identifier: Apache-2.0
#include "query/request_plan.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "support/edit_distance.hpp"

namespace rbacq::query {

analyzer::rbac::RequestAttributes in_namespace(analyzer::rbac::RequestAttributes request, std::string_view namespace_) {
  request.namespace_ = std::string(namespace_);
  return request;
}

std::optional<analyzer::rbac::QuestionNote> unknown_namespace(std::string_view namespace_, const analyzer::AnalysisContext& context) {
  static const std::array<std::string_view, 4> every_cluster{"default", "kube-system", "kube-public", "kube-node-lease"};
  const auto& seen = context.model().namespaces_seen;
  if (seen.contains(std::string(namespace_)) || std::find(every_cluster.begin(), every_cluster.end(), namespace_) != every_cluster.end()) {
    return std::nullopt;
  }
  std::vector<std::string> candidates(seen.begin(), seen.end());
  candidates.insert(candidates.end(), every_cluster.begin(), every_cluster.end());
  return analyzer::rbac::UnknownNamespace{std::string(namespace_), close_names(namespace_, candidates, 3)};
}

void add_note(std::vector<analyzer::rbac::QuestionNote>& notes, analyzer::rbac::QuestionNote note) {
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
}

Result<RequestPlan> plan_requests(const Verbs& verbs, const Target& target, const Scope& scope, const analyzer::AnalysisContext& context,
                                  const QuerySource& source, const Phrasebook& words) {
  RequestPlan plan;
  if (target.url && (target.resource.empty() || target.resource.front() != '/')) {
    return fail(source.error(target.span, fmt::format("a non-resource URL starts with '/': '{}'", target.resource)));
  }
  if (scope.kind == Scope::Kind::namespace_) {
    if (auto note = unknown_namespace(scope.namespace_, context)) add_note(plan.notes, std::move(*note));
  }
  for (const std::string& verb : verbs.items) {
    analyzer::rbac::RequestSpec spec;
    spec.verb = verb;
    spec.url = target.url;
    spec.resource = target.resource;
    spec.subresource = target.subresource;
    spec.name = target.name;
    spec.api_group = target.api_group;
    if (scope.kind == Scope::Kind::namespace_) spec.namespace_ = scope.namespace_;
    auto built = analyzer::rbac::build_request(spec, context.catalogue());
    if (!built) {
      Sentence s = describe(built.error(), words);
      return fail(source.error(target.span, std::move(s.message), std::move(s.notes)));
    }
    PlannedRequest p{std::move(*built), false};
    const bool namespaced = p.built.namespaced();
    const bool wants_any = scope.kind == Scope::Kind::any_namespace || scope.kind == Scope::Kind::unspecified;
    if (wants_any && namespaced) p.any_namespace = true;
    if (scope.kind == Scope::Kind::any_namespace && !namespaced && p.built.resource != nullptr) {
      p.built.notes.emplace_back(analyzer::rbac::ClusterScopedAnyNamespace{p.built.resource->qualified_name()});
    }
    for (const auto& n : p.built.notes) add_note(plan.notes, n);
    plan.requests.push_back(std::move(p));
  }
  return plan;
}

}  // namespace rbacq::query
