// SPDX-License-Identifier: Apache-2.0
// Does one PolicyRule allow one request? Kubernetes' RuleAllows, part by part
// (k8s-rbac-semantics §2). Every comparison is an exact, case-sensitive string comparison;
// "*" is a wildcard only as a whole element, plus "*/SUB" in resources and a trailing "*" in
// non-resource URLs.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/model.hpp"
#include "analyzer/rbac/request.hpp"

namespace rbacq::analyzer::rbac {

[[nodiscard]] bool verb_matches(const PolicyRule& rule, std::string_view verb);
/// An empty apiGroups list matches nothing; "" is the core group; "*" matches every group.
[[nodiscard]] bool api_group_matches(const PolicyRule& rule, std::string_view group);
/// `combined` is "RESOURCE" or "RESOURCE/SUB"; `subresource` is SUB or "". `pods/*` is literal.
[[nodiscard]] bool resource_matches(const PolicyRule& rule, std::string_view combined, std::string_view subresource);
/// An empty resourceNames list matches every name, including none.
[[nodiscard]] bool resource_name_matches(const PolicyRule& rule, std::string_view name);
/// Exact, "*", or a plain string prefix when the rule URL ends in "*".
[[nodiscard]] bool non_resource_url_matches(const PolicyRule& rule, std::string_view path);

[[nodiscard]] bool rule_allows(const RequestAttributes& request, const PolicyRule& rule);

/// For a resource request without a name: true when the rule has resourceNames and would allow
/// the request for one of them (a grant limited to named objects).
[[nodiscard]] bool rule_allows_named(const RequestAttributes& request, const PolicyRule& rule);

/// The rule as one line, in the order kubectl describe uses:
/// `verbs=[get list] apiGroups=[""] resources=[pods] resourceNames=[web]`.
[[nodiscard]] std::string rule_text(const PolicyRule& rule);

}  // namespace rbacq::analyzer::rbac
