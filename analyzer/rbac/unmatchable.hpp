// SPDX-License-Identifier: Apache-2.0
// The parts of a PolicyRule that no request can ever match, by RBAC's own matching
// (k8s-rbac-semantics §2) against the API resources of the Kubernetes minor assumed: what the
// rule's author meant to grant and does not (lint rule rule-never-matches).
#pragma once

#include <string>
#include <vector>

#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/model.hpp"

namespace rbacq::analyzer::rbac {

/// One sentence per part of `rule` that matches nothing, in the rule's order:
///  - an empty verbs list; for a resource rule an empty apiGroups or resources list (RBAC
///    matches nothing against an empty list);
///  - a verb with an upper-case letter (matching is case-sensitive and request verbs are lower
///    case); for a rule whose every resource the catalogue knows, a verb that is neither a request
///    verb (get, list, watch, create, update, patch, delete, deletecollection, proxy) nor one that
///    an authorization check asks of one of those resources (bind, escalate, impersonate, approve…);
///  - a resource with an upper-case letter (plural names are lower case), `R/*` (not a wildcard:
///    only `*` and `*/SUB` are), and — when every apiGroup of the rule is a group Kubernetes
///    itself serves, not `*` and not a CustomResourceDefinition's — a resource none of those
///    groups serves (deployments in "", the singular pod), or a subresource it does not have
///    and no authorization check asks about (R/finalizers, endpoints/restricted are asked).
/// Resources of other groups (CRDs, aggregated APIs such as metrics.k8s.io) are not judged:
/// the input may not hold their definitions.
[[nodiscard]] std::vector<std::string> unmatchable_parts(const PolicyRule& rule, const catalogue::ApiCatalogue& catalogue);

}  // namespace rbacq::analyzer::rbac
