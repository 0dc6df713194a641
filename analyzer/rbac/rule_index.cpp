// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/rule_index.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/rule_match.hpp"

namespace rbacq::analyzer::rbac {
namespace {

std::uint64_t rule_key(std::string_view verb, std::string_view group, std::string_view resource) {
  const std::hash<std::string_view> h;
  std::uint64_t seed = h(verb);
  for (const std::string_view part : {group, resource}) seed ^= h(part) + 0x9e3779b97f4a7c15ULL + (seed << 6U) + (seed >> 2U);
  return seed;
}

}  // namespace

RuleIndex::RuleIndex(const std::vector<ResolvedBinding>& bindings) {
  std::unordered_map<const analyzer::Role*, std::size_t> ids;
  for (std::size_t b = 0; b < bindings.size(); ++b) {
    const ResolvedBinding& rb = bindings[b];
    if (rb.role == nullptr) continue;
    // A RoleBinding without a namespace applies to no request (can-i never visits it either).
    if (!rb.binding->cluster && rb.binding->meta.namespace_.empty()) continue;
    const auto [it, added] = ids.try_emplace(rb.role, roles_.size());
    if (added) roles_.push_back({rb.role, {}, {}});
    Role& role = roles_[it->second];
    if (rb.binding->cluster) role.cluster_bindings.push_back(b);
    else role.namespace_bindings[rb.binding->meta.namespace_].push_back(b);
  }
  for (std::size_t id = 0; id < roles_.size(); ++id) {
    const analyzer::Role& role = *roles_[id].role;
    std::vector<HashedRule>& list = by_scope_[role.cluster ? std::string_view{} : std::string_view(role.meta.namespace_)];
    for (std::size_t i = 0; i < role.rules.size(); ++i) {
      const PolicyRule& rule = role.rules[i];
      if (role.cluster && !rule.non_resource_urls.empty() && !rule.verbs.empty()) url_rules_.emplace_back(id, i);
      for (const std::string& verb : rule.verbs) {
        for (const std::string& group : rule.api_groups) {
          for (const std::string& resource : rule.resources) list.push_back({rule_key(verb, group, resource), id, i});
        }
      }
    }
  }
  for (auto& [scope, list] : by_scope_) {
    std::sort(list.begin(), list.end(), [](const HashedRule& a, const HashedRule& b) {
      return std::tie(a.key, a.role, a.rule) < std::tie(b.key, b.role, b.rule);
    });
    list.erase(std::unique(list.begin(), list.end(),
                           [](const HashedRule& a, const HashedRule& b) { return std::tie(a.key, a.role, a.rule) == std::tie(b.key, b.role, b.rule); }),
               list.end());
  }
}

template <class Found>
void RuleIndex::candidates(std::string_view scope, const RequestAttributes& request, bool named, Found&& found) const {
  const auto it = by_scope_.find(scope);
  if (it == by_scope_.end()) return;
  const std::vector<HashedRule>& list = it->second;
  const std::string combined = request.combined_resource();
  const std::string star_sub = "*/" + request.subresource;
  std::vector<std::string_view> resources{combined, "*"};
  if (!request.subresource.empty()) resources.emplace_back(star_sub);  // "*/SUB" only with a subresource
  for (const std::string_view verb : {std::string_view(request.verb), std::string_view("*")}) {
    for (const std::string_view group : {std::string_view(request.api_group), std::string_view("*")}) {
      for (const std::string_view resource : resources) {
        const std::uint64_t key = rule_key(verb, group, resource);
        auto at = std::lower_bound(list.begin(), list.end(), key, [](const HashedRule& r, std::uint64_t k) { return r.key < k; });
        for (; at != list.end() && at->key == key; ++at) {
          const PolicyRule& rule = roles_[at->role].role->rules[at->rule];
          if (named ? rule_allows_named(request, rule) : rule_allows(request, rule)) found(at->role, at->rule);
        }
      }
    }
  }
}

std::vector<RuleRef> RuleIndex::allowing(const RequestAttributes& request) const { return collect(request, false); }

std::vector<RuleRef> RuleIndex::allowing_named(const RequestAttributes& request) const { return collect(request, true); }

std::vector<RuleRef> RuleIndex::collect(const RequestAttributes& request, bool named) const {
  std::vector<RuleRef> out;
  const std::string_view ns = request.namespace_;
  const auto add = [&](std::size_t role_id, std::size_t rule) {
    const Role& role = roles_[role_id];
    for (const std::size_t b : role.cluster_bindings) out.push_back({b, rule});
    if (ns.empty()) return;  // no RoleBinding applies to a request without namespace
    if (const auto it = role.namespace_bindings.find(ns); it != role.namespace_bindings.end()) {
      for (const std::size_t b : it->second) out.push_back({b, rule});
    }
  };
  if (!request.resource_request) {
    if (named) return out;
    for (const auto& [role_id, rule] : url_rules_) {
      if (!rule_allows(request, roles_[role_id].role->rules[rule])) continue;
      for (const std::size_t b : roles_[role_id].cluster_bindings) out.push_back({b, rule});
    }
  } else {
    candidates({}, request, named, add);
    if (!ns.empty()) candidates(ns, request, named, add);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<RuleRef> RuleIndex::allowing_anywhere(const RequestAttributes& request) const {
  if (!request.resource_request) return collect(request, false);
  std::vector<RuleRef> out;
  const auto add = [&](std::size_t role_id, std::size_t rule) {
    const Role& role = roles_[role_id];
    for (const std::size_t b : role.cluster_bindings) out.push_back({b, rule});
    for (const auto& [ns, bindings] : role.namespace_bindings) {
      for (const std::size_t b : bindings) out.push_back({b, rule});
    }
  };
  // rule_allows does not look at the namespace: each scope is asked with the request as it is.
  for (const auto& [scope, list] : by_scope_) candidates(scope, request, false, add);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> RuleIndex::namespaces_allowing(const RequestAttributes& request) const {
  std::set<std::string_view> found;
  if (!request.resource_request) return {};
  const auto add = [&](std::size_t role_id, std::size_t) {
    for (const auto& [ns, bindings] : roles_[role_id].namespace_bindings) found.insert(ns);
  };
  // rule_allows does not look at the namespace: each scope is asked with the request as it is.
  for (const auto& [scope, list] : by_scope_) candidates(scope, request, false, add);
  return {found.begin(), found.end()};
}

}  // namespace rbacq::analyzer::rbac
