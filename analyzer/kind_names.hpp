// SPDX-License-Identifier: Apache-2.0
// The kind names of RBAC objects, from what the authorizer goes by.
#pragma once

#include <string_view>

#include "analyzer/model.hpp"

namespace rbacq::analyzer {

// A RoleBinding and a ClusterRoleBinding (a Role and a ClusterRole) are distinct kinds of
// rbac.authorization.k8s.io with different reach: a RoleBinding grants only in its namespace, a
// ClusterRoleBinding everywhere and for cluster-scoped resources and URLs. The model keeps the
// difference as `cluster`, which is what the authorizer reads; these give its kind name for
// messages, proofs and query columns, as kubectl and the API server name them.

/// "ClusterRoleBinding" or "RoleBinding".
[[nodiscard]] inline std::string_view kind_of(const Binding& binding) {
  return binding.cluster ? "ClusterRoleBinding" : "RoleBinding";
}

/// "ClusterRole" or "Role".
[[nodiscard]] inline std::string_view kind_of(const Role& role) { return role.cluster ? "ClusterRole" : "Role"; }

}  // namespace rbacq::analyzer
