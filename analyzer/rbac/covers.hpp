// SPDX-License-Identifier: Apache-2.0
// Escalation prevention (k8s-rbac-semantics §7): whether the rules a user holds cover the rules
// of a role they want to create or bind (policy_comparator Covers), and the attributes of the
// `bind` and `escalate` checks that let a user skip that comparison.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/request.hpp"

namespace rbacq::analyzer::rbac {

/// One rule broken into atomic rules: one per group × resource × verb (× name, when there
/// are names), and one per URL × verb.
[[nodiscard]] std::vector<PolicyRule> breakdown_rule(const PolicyRule& rule);

/// True when `owner` alone covers all of `servant` (ruleCovers).
[[nodiscard]] bool rule_covers(const PolicyRule& owner, const PolicyRule& servant);

/// The atomic parts of `servant` that no single owner rule covers; empty: covered.
[[nodiscard]] std::vector<PolicyRule> uncovered_rules(const std::vector<PolicyRule>& owner,
                                                      const std::vector<PolicyRule>& servant);

/// The `bind` check the API server makes before it compares rules, for creating or updating
/// `binding`: verb bind on roles or clusterroles (from roleRef.kind) named roleRef.name, in
/// roleRef.apiGroup, in the binding's namespace ("" for a ClusterRoleBinding).
[[nodiscard]] RequestAttributes bind_check(const Binding& binding);

/// The `escalate` check for writing `role`. On create the name comes from the URL, which has
/// none: an escalate rule limited by resourceNames only helps updates.
[[nodiscard]] RequestAttributes escalate_check(const Role& role, bool create);

}  // namespace rbacq::analyzer::rbac
