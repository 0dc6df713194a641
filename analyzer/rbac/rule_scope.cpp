// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/rule_scope.hpp"

namespace rbacq::analyzer::rbac {

bool rule_reaches_namespaces(const PolicyRule& rule, const catalogue::ApiCatalogue& catalogue) {
  if (rule.verbs.empty()) return false;
  for (const std::string& group : rule.api_groups) {
    for (const std::string& resource : rule.resources) {
      const std::string base = resource.substr(0, resource.find('/'));  // "pods/log" is a subresource of pods
      if (group == "*" || base == "*") return true;
      const catalogue::ApiResource* known = catalogue.find(group, base);
      if (known == nullptr || known->namespaced) return true;
    }
  }
  return false;
}

}  // namespace rbacq::analyzer::rbac
