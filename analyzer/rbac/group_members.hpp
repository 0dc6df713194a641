// SPDX-License-Identifier: Apache-2.0
// Who is in a group, when Kubernetes decides it: the groups the authentication layer gives
// (system:authenticated, system:serviceaccounts[:NS], …), with the service accounts of the input.
// Data only: the front ends say what each kind of group means.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model.hpp"

namespace rbacq::analyzer::rbac {

/// Groups whose members Kubernetes itself decides (k8s-rbac-semantics §4); `other` for groups
/// only an identity provider or a certificate's O knows.
enum class GroupKind {
  other,
  privileged,                   // system:masters: allowed before RBAC
  all_authenticated,            // system:authenticated
  all_unauthenticated,          // system:unauthenticated
  all_service_accounts,         // system:serviceaccounts
  namespace_service_accounts,   // system:serviceaccounts:NS
  nodes,                        // system:nodes
  bootstrappers,                // system:bootstrappers
};

struct GroupMembers {
  GroupKind kind = GroupKind::other;
  std::string namespace_;                     // namespace_service_accounts only
  std::vector<std::string> service_accounts;  // NS/NAME of the input's service accounts in it, sorted
};

/// The members of groups, for many groups at once: the input's service accounts are sorted
/// once, so a group of one namespace costs a search, not a scan.
class GroupDirectory {
 public:
  explicit GroupDirectory(const Model& model);
  [[nodiscard]] GroupMembers members(std::string_view group) const;

 private:
  std::vector<std::string> service_accounts_;  // NS/NAME, sorted
};

}  // namespace rbacq::analyzer::rbac
