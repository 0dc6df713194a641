// SPDX-License-Identifier: Apache-2.0
// What the authorizer sees: a user (name and groups) and the attributes of one request, as the
// API server's RequestInfo builds them (k8s-rbac-semantics §1).
#pragma once

#include <string>
#include <vector>

namespace rbacq::analyzer::rbac {

struct UserInfo {
  std::string name;
  std::vector<std::string> groups;
};

/// Authorizer attributes. A resource request has verb, group, resource, optional subresource,
/// name and namespace; a non-resource request has a verb and a path. Strings are compared
/// exactly as given: RBAC is case-sensitive and ignores the API version.
struct RequestAttributes {
  bool resource_request = true;
  std::string verb;
  std::string api_group;
  std::string resource;
  std::string subresource;
  std::string name;
  std::string namespace_;  // "" = cluster-scoped or all namespaces
  std::string path;        // non-resource requests only

  /// "pods/log" when there is a subresource, else "pods": what rules' `resources` are matched to.
  [[nodiscard]] std::string combined_resource() const {
    return subresource.empty() ? resource : resource + "/" + subresource;
  }
};

}  // namespace rbacq::analyzer::rbac
