// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/covers.hpp"

#include <algorithm>

namespace rbacq::analyzer::rbac {
namespace {

bool has(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool has_all(const std::vector<std::string>& list, const std::vector<std::string>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return has(list, w); });
}

/// resourceCoversAll: "*", exact names, or "*/SUB" for a subresource.
bool resources_cover(const std::vector<std::string>& owner, const std::vector<std::string>& servant) {
  if (has(owner, "*") || has_all(owner, servant)) return true;
  return std::all_of(servant.begin(), servant.end(), [&](const std::string& s) {
    if (has(owner, s)) return true;
    const std::size_t slash = s.find('/');
    return slash != std::string::npos && has(owner, "*/" + s.substr(slash + 1));
  });
}

bool urls_cover(const std::vector<std::string>& owner, const std::vector<std::string>& servant) {
  return std::all_of(servant.begin(), servant.end(), [&](const std::string& s) {
    return std::any_of(owner.begin(), owner.end(), [&](const std::string& o) {
      if (o == s) return true;
      if (!o.ends_with('*')) return false;
      return s.starts_with(std::string_view(o).substr(0, o.find_last_not_of('*') + 1));
    });
  });
}

}  // namespace

std::vector<PolicyRule> breakdown_rule(const PolicyRule& rule) {
  std::vector<PolicyRule> out;
  for (const auto& group : rule.api_groups) {
    for (const auto& resource : rule.resources) {
      for (const auto& verb : rule.verbs) {
        if (rule.resource_names.empty()) {
          out.push_back({{verb}, {group}, {resource}, {}, {}, rule.loc, rule.aggregated_from});
        }
        for (const auto& name : rule.resource_names) {
          out.push_back({{verb}, {group}, {resource}, {name}, {}, rule.loc, rule.aggregated_from});
        }
      }
    }
  }
  for (const auto& url : rule.non_resource_urls) {
    for (const auto& verb : rule.verbs) out.push_back({{verb}, {}, {}, {}, {url}, rule.loc, rule.aggregated_from});
  }
  return out;
}

bool rule_covers(const PolicyRule& owner, const PolicyRule& servant) {
  const bool verbs = has(owner.verbs, "*") || has_all(owner.verbs, servant.verbs);
  const bool groups = has(owner.api_groups, "*") || has_all(owner.api_groups, servant.api_groups);
  const bool resources = resources_cover(owner.resources, servant.resources);
  const bool urls = urls_cover(owner.non_resource_urls, servant.non_resource_urls);
  // Names: a servant without names needs an owner without names; otherwise the owner has no
  // names (all of them) or every servant name.
  const bool names = servant.resource_names.empty() ? owner.resource_names.empty()
                                                    : owner.resource_names.empty() || has_all(owner.resource_names, servant.resource_names);
  return verbs && groups && resources && urls && names;
}

std::vector<PolicyRule> uncovered_rules(const std::vector<PolicyRule>& owner, const std::vector<PolicyRule>& servant) {
  std::vector<PolicyRule> out;
  for (const PolicyRule& rule : servant) {
    for (PolicyRule& part : breakdown_rule(rule)) {
      const bool covered = std::any_of(owner.begin(), owner.end(), [&](const PolicyRule& o) { return rule_covers(o, part); });
      if (!covered) out.push_back(std::move(part));
    }
  }
  return out;
}

RequestAttributes bind_check(const Binding& binding) {
  RequestAttributes a;
  a.verb = "bind";
  a.api_group = binding.role_ref.api_group;
  a.resource = binding.role_ref.kind == "ClusterRole" ? "clusterroles" : "roles";
  a.name = binding.role_ref.name;
  a.namespace_ = binding.cluster ? std::string() : binding.meta.namespace_;
  return a;
}

RequestAttributes escalate_check(const Role& role, bool create) {
  RequestAttributes a;
  a.verb = "escalate";
  a.api_group = "rbac.authorization.k8s.io";
  a.resource = role.cluster ? "clusterroles" : "roles";
  if (!create) a.name = role.meta.name;
  a.namespace_ = role.cluster ? std::string() : role.meta.namespace_;
  return a;
}

}  // namespace rbacq::analyzer::rbac
