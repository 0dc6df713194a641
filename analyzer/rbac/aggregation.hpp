// SPDX-License-Identifier: Apache-2.0
// ClusterRole aggregation as the clusterrole-aggregation controller computes it
// (k8s-rbac-semantics §8). Manifests leave aggregated roles empty (`admin`, `edit`, `view` have
// `rules: null`); the controller fills them in a running cluster, so an offline analyzer must.
#pragma once

#include <vector>

#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer::rbac {

/// True when the ClusterRole's labels satisfy the selector: matchLabels and matchExpressions
/// ANDed; `{}` matches everything. Throws nothing; an invalid selector matches nothing (see
/// `selector_problem`).
[[nodiscard]] bool selector_matches(const LabelSelector& selector, const Labels& labels);

/// Why metav1.LabelSelectorAsSelector would refuse the selector ("" when it is valid): an
/// unknown operator, In/NotIn without values, Exists/DoesNotExist with values.
[[nodiscard]] std::string selector_problem(const LabelSelector& selector);

/// The first selector of `target`'s aggregationRule that selects `source`, or nullptr: none
/// does, `source` is `target` or not a ClusterRole, `target` has no aggregationRule, or one of
/// its selectors is invalid (the controller then does not sync the role at all).
[[nodiscard]] const LabelSelector* aggregating_selector(const Role& target, const Role& source);

/// Rules equal as the controller compares them (lists in order; location and origin ignored).
[[nodiscard]] bool semantically_equal(const PolicyRule& a, const PolicyRule& b);

/// Replaces the rules of every ClusterRole with an aggregationRule by the rules of the
/// ClusterRoles its selectors match: selectors in order, matching roles by name, rules in
/// order, duplicates dropped, the role itself never selected. Chains are followed until
/// nothing changes. Rules written by hand in an aggregated role are replaced, as in a cluster
/// (warning `aggregation-replaced` when that loses a rule). A role with an invalid selector
/// keeps its rules, as the controller fails to sync it (warning `aggregation-selector`).
void aggregate_cluster_roles(std::vector<Role>& roles, Diagnostics& diagnostics);

}  // namespace rbacq::analyzer::rbac
