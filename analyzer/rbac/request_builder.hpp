// SPDX-License-Identifier: Apache-2.0
// Builds the authorizer attributes of a question as the API server would build them for the
// real request (RequestInfo, k8s-rbac-semantics §1): the resource resolved as kubectl resolves
// it (or taken literally in a given API group), the namespace kept or dropped as the resource's
// scope says, and a create's name dropped. What the user should know about how the question was
// read comes back as notes (data: question_notes.hpp); the front ends word them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/rbac/question_notes.hpp"
#include "analyzer/rbac/request.hpp"

namespace rbacq::analyzer::rbac {

/// One request, as a question names it.
struct RequestSpec {
  std::string verb;
  bool url = false;      // a non-resource request: `resource` is the path
  std::string resource;  // as written: pods, po, deployments.apps, Pod; or /PATH
  std::string subresource;
  std::string name;
  /// Take `resource` literally in this API group ("" is the core group): the authorizer sees
  /// exactly these strings, whatever the API serves.
  std::optional<std::string> api_group;
  /// The namespace asked in; nullopt asks with no namespace (cluster-wide, or all namespaces for
  /// a namespaced resource, where only ClusterRoleBindings count).
  std::optional<std::string> namespace_;
};

struct BuiltRequest {
  RequestAttributes attributes;
  const catalogue::ApiResource* resource = nullptr;  // nullptr for URLs and resources the catalogue does not know
  std::vector<QuestionNote> notes;
  /// The namespace asked for a cluster-scoped resource, which its request does not have (what a
  /// SubjectAccessReview would carry: kubectl auth can-i sends it).
  std::string dropped_namespace;

  /// Whether the request is about a namespaced resource (an unknown literal one counts as
  /// namespaced: RoleBindings may allow it).
  [[nodiscard]] bool namespaced() const { return attributes.resource_request && (resource == nullptr || resource->namespaced); }
};

/// The request, or why there is none (an unknown or ambiguous resource).
[[nodiscard]] tl::expected<BuiltRequest, RequestError> build_request(const RequestSpec& spec, const catalogue::ApiCatalogue& catalogue);

}  // namespace rbacq::analyzer::rbac
