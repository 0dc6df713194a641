// SPDX-License-Identifier: Apache-2.0
// The who-can index: which rules of which bound roles name a verb × group × resource, so that
// who-can looks up a handful of keys instead of scanning every binding (DESIGN §5).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/request.hpp"

namespace rbacq::analyzer::rbac {

struct ResolvedBinding;

/// A rule of the role of one binding: indexes into the authorizer's bindings and the role's rules.
struct RuleRef {
  std::size_t binding;
  std::size_t rule;
  friend bool operator==(const RuleRef&, const RuleRef&) = default;
  friend auto operator<=>(const RuleRef&, const RuleRef&) = default;
};

/// Each role's rules are indexed once, however many bindings use it (a cluster binds `admin`
/// thousands of times): a rule sits in the list of its role's scope (its namespace for a Role,
/// "" for a ClusterRole) under a 64-bit hash of each verb × group × resource it names. A
/// lookup re-checks every candidate with rule_allows, so a hash collision costs a check, never
/// a wrong answer. Keys are views into the model, which must outlive the index.
class RuleIndex {
 public:
  explicit RuleIndex(const std::vector<ResolvedBinding>& bindings);

  /// Every (binding, rule) that allows `request` through a binding that applies to its
  /// namespace: ClusterRoleBindings, and the RoleBindings of request.namespace_. Sorted, unique.
  [[nodiscard]] std::vector<RuleRef> allowing(const RequestAttributes& request) const;

  /// For a request without a name: the (binding, rule) pairs whose rule allows it only for the
  /// names it lists (rule_allows_named), in the same bindings as allowing().
  [[nodiscard]] std::vector<RuleRef> allowing_named(const RequestAttributes& request) const;

  /// Every (binding, rule) that allows `request` in some namespace: ClusterRoleBindings, and the
  /// RoleBindings of every namespace, each in its own (the union of allowing() over all
  /// namespaces, in one pass). Sorted, unique.
  [[nodiscard]] std::vector<RuleRef> allowing_anywhere(const RequestAttributes& request) const;

  /// The namespaces whose RoleBindings would allow `request` if it were asked inside them.
  [[nodiscard]] std::vector<std::string> namespaces_allowing(const RequestAttributes& request) const;

 private:
  struct Role {
    const analyzer::Role* role = nullptr;
    std::vector<std::size_t> cluster_bindings;  // ClusterRoleBindings to it
    std::unordered_map<std::string_view, std::vector<std::size_t>> namespace_bindings;  // RoleBindings, by namespace
  };
  struct HashedRule {
    std::uint64_t key;
    std::size_t role;
    std::size_t rule;
  };
  /// Calls `found(role, rule)` for each candidate rule of `scope` that allows the request.
  template <class Found>
  void candidates(std::string_view scope, const RequestAttributes& request, bool named, Found&& found) const;
  [[nodiscard]] std::vector<RuleRef> collect(const RequestAttributes& request, bool named) const;

  std::vector<Role> roles_;
  std::unordered_map<std::string_view, std::vector<HashedRule>> by_scope_;  // "" = ClusterRoles
  std::vector<std::pair<std::size_t, std::size_t>> url_rules_;  // (role, rule) of ClusterRoles with nonResourceURLs
};

}  // namespace rbacq::analyzer::rbac
