// SPDX-License-Identifier: Apache-2.0
// Where a rule can grant: a RoleBinding grants only requests inside its namespace, and requests
// for cluster-scoped resources and non-resource URLs have none (k8s-rbac-semantics §5), so a
// RoleBinding to a role whose rules name only those grants nothing.
#pragma once

#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/model.hpp"

namespace rbacq::analyzer::rbac {

/// Whether a RoleBinding can grant anything with `rule`: it names, in a group it lists, a
/// namespaced resource, `*` (in a resource or a group), or a resource the catalogue does not know
/// (a CRD that was not loaded may be namespaced), or `bind` on clusterroles (asked in the
/// RoleBinding's namespace). False for a rule of cluster-scoped resources
/// and URLs only, and for a rule that grants nothing at all (no verbs, groups or resources).
[[nodiscard]] bool rule_reaches_namespaces(const PolicyRule& rule, const catalogue::ApiCatalogue& catalogue);

}  // namespace rbacq::analyzer::rbac
