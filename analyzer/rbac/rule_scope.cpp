// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/rule_scope.hpp"

#include <algorithm>

namespace rbacq::analyzer::rbac {

bool rule_reaches_namespaces(const PolicyRule& rule, const catalogue::ApiCatalogue& catalogue) {
  if (rule.verbs.empty()) return false;
  const auto has = [](const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  for (const std::string& group : rule.api_groups) {
    for (const std::string& resource : rule.resources) {
      const std::string base = resource.substr(0, resource.find('/'));  // "pods/log" is a subresource of pods
      if (group == "*" || base == "*") return true;
      // bind on ClusterRoles is asked in the namespace of the RoleBinding being written
      // (BindingAuthorized): a RoleBinding can grant it although ClusterRoles are cluster-scoped.
      if (group == "rbac.authorization.k8s.io" && resource == "clusterroles" && (has(rule.verbs, "bind") || has(rule.verbs, "*"))) return true;
      const catalogue::ApiResource* known = catalogue.find(group, base);
      if (known == nullptr || known->namespaced) return true;
    }
  }
  return false;
}

}  // namespace rbacq::analyzer::rbac
