// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/group_members.hpp"

#include <algorithm>

#include "analyzer/rbac/identity.hpp"

namespace rbacq::analyzer::rbac {

GroupDirectory::GroupDirectory(const Model& model) {
  service_accounts_.reserve(model.service_accounts.size());
  for (const ServiceAccount& sa : model.service_accounts) service_accounts_.push_back(sa.meta.namespace_ + "/" + sa.meta.name);
  std::sort(service_accounts_.begin(), service_accounts_.end());
  service_accounts_.erase(std::unique(service_accounts_.begin(), service_accounts_.end()), service_accounts_.end());
}

GroupMembers GroupDirectory::members(std::string_view group) const {
  GroupMembers out;
  const auto add_service_accounts = [&](const std::string& ns) {
    if (ns.empty()) {
      out.service_accounts = service_accounts_;
      return;
    }
    // "NS/" sorts before every "NS/NAME" and after every name of a namespace that sorts before NS.
    const std::string prefix = ns + "/";
    for (auto it = std::lower_bound(service_accounts_.begin(), service_accounts_.end(), prefix);
         it != service_accounts_.end() && it->starts_with(prefix); ++it) {
      out.service_accounts.push_back(*it);
    }
  };
  if (group == kPrivilegedGroup) {
    out.kind = GroupKind::privileged;
  } else if (group == kAllAuthenticated) {
    out.kind = GroupKind::all_authenticated;
  } else if (group == kAllUnauthenticated) {
    out.kind = GroupKind::all_unauthenticated;
  } else if (group == kServiceAccountsGroup) {
    out.kind = GroupKind::all_service_accounts;
    add_service_accounts({});
  } else if (group.starts_with(kServiceAccountsGroup) && group.size() > kServiceAccountsGroup.size() + 1 &&
             group[kServiceAccountsGroup.size()] == ':') {
    out.kind = GroupKind::namespace_service_accounts;
    out.namespace_ = std::string(group.substr(kServiceAccountsGroup.size() + 1));
    add_service_accounts(out.namespace_);
  } else if (group == "system:nodes") {
    out.kind = GroupKind::nodes;
  } else if (group == "system:bootstrappers") {
    out.kind = GroupKind::bootstrappers;
  }
  return out;
}

}  // namespace rbacq::analyzer::rbac
