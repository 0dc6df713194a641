// SPDX-License-Identifier: Apache-2.0
#include "query/request_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rbacq::query {

analyzer::rbac::RequestAttributes in_namespace(analyzer::rbac::RequestAttributes request, std::string_view namespace_) {
  request.namespace_ = std::string(namespace_);
  return request;
}

Target target_of(std::string_view text, Span span) {
  Target t;
  t.span = span;
  if (!text.empty() && text.front() == '/') {
    t.url = true;
    t.resource = std::string(text);
    return t;
  }
  const std::size_t slash = text.find('/');
  t.resource = std::string(text.substr(0, slash));
  if (slash != std::string_view::npos) t.subresource = std::string(text.substr(slash + 1));
  return t;
}

Result<RequestPlan> plan_requests(const Verbs& verbs, const Target& target, const Scope& scope, const analyzer::AnalysisContext& context,
                                  const QuerySource& source) {
  RequestPlan plan;
  if (target.url && (target.resource.empty() || target.resource.front() != '/')) {
    return fail(source.error(target.span, fmt::format("a non-resource URL starts with '/': '{}'", target.resource)));
  }
  for (const std::string& verb : verbs.items) {
    analyzer::rbac::RequestSpec spec;
    spec.query_words = !target.kubectl_words;
    spec.verb = verb;
    spec.target = target.url || target.name.empty() ? target.resource : target.resource + "/" + target.name;
    spec.subresource = target.subresource;
    spec.api_group = target.api_group;
    spec.default_namespace = context.options().default_namespace;
    if (scope.kind == Scope::Kind::namespace_) {
      if (scope.implicit) {
        spec.default_namespace = scope.namespace_;
      } else {
        spec.namespace_ = scope.namespace_;
      }
    } else if (!target.url) {
      spec.all_namespaces = true;
    }
    auto built = analyzer::rbac::build_request(spec, context.catalogue());
    if (!built) {
      std::vector<std::string> notes;
      for (const Note& n : built.error().notes) notes.push_back(n.message);
      return fail(source.error(target.span, built.error().message, std::move(notes)));
    }
    PlannedRequest p{std::move(*built), false};
    const bool namespaced = p.built.attributes.resource_request && (p.built.resource == nullptr || p.built.resource->namespaced);
    const bool wants_any = scope.kind == Scope::Kind::any_namespace || scope.kind == Scope::Kind::unspecified;
    if (wants_any && namespaced) p.any_namespace = true;
    if (scope.kind == Scope::Kind::any_namespace && !namespaced && p.built.resource != nullptr) {
      p.built.notes.push_back(fmt::format("{} is cluster-scoped: 'in any namespace' asks with no namespace (only ClusterRoleBindings count)",
                                          p.built.resource->qualified_name()));
    }
    for (auto& n : p.built.notes) {
      if (std::find(plan.notes.begin(), plan.notes.end(), n) == plan.notes.end()) plan.notes.push_back(n);
    }
    plan.requests.push_back(std::move(p));
  }
  return plan;
}

}  // namespace rbacq::query
