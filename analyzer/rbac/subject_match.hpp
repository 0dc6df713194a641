// SPDX-License-Identifier: Apache-2.0
// Does a binding's subject list apply to a user? Kubernetes' appliesTo / appliesToUser
// (k8s-rbac-semantics §3).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/request.hpp"
#include "analyzer/rbac/subject_key.hpp"

namespace rbacq::analyzer::rbac {

/// `binding_namespace` is the RoleBinding's namespace, or "" for a ClusterRoleBinding: it is
/// the default namespace of ServiceAccount subjects written without one. Kinds are exact
/// (`User`, `Group`, `ServiceAccount`); `User "*"` is a user named "*"; apiGroup is ignored.
[[nodiscard]] bool applies_to_user(const UserInfo& user, const Subject& subject, std::string_view binding_namespace);

/// Index of the first subject that applies, as the "allowed by" message names it.
[[nodiscard]] std::optional<std::size_t> applies_to(const UserInfo& user, const std::vector<Subject>& subjects,
                                                   std::string_view binding_namespace);

/// The namespace a binding grants in: its own for a RoleBinding, "" for a ClusterRoleBinding
/// (which is also the default namespace of its ServiceAccount subjects: none).
[[nodiscard]] inline std::string_view binding_namespace(const Binding& binding) {
  return binding.cluster ? std::string_view{} : std::string_view(binding.meta.namespace_);
}

/// The namespace a ServiceAccount subject means: its own, else the binding's; "" never matches.
[[nodiscard]] std::string_view service_account_namespace(const Subject& subject, std::string_view binding_namespace);

/// Subject `index` of `binding` as a key: kind and name, and a ServiceAccount's namespace
/// defaulted (empty when it can match nobody).
[[nodiscard]] SubjectKey subject_key(const Binding& binding, std::size_t index);

}  // namespace rbacq::analyzer::rbac
