// SPDX-License-Identifier: Apache-2.0
// Who is in a group, when Kubernetes decides it: the groups the authentication layer gives
// (system:authenticated, system:serviceaccounts[:NS], …), with the service accounts of the input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model.hpp"

namespace rbacq::analyzer::rbac {

struct GroupMembers {
  std::string description;  // "" for a group whose members only an identity provider knows
  std::vector<std::string> service_accounts;  // NS/NAME of the input's service accounts in it
};

[[nodiscard]] GroupMembers group_members(std::string_view group, const Model& model);

}  // namespace rbacq::analyzer::rbac
