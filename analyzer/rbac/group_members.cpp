// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/group_members.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"

namespace rbacq::analyzer::rbac {

GroupMembers group_members(std::string_view group, const Model& model) {
  GroupMembers out;
  const auto add_service_accounts = [&](std::string_view ns) {
    for (const ServiceAccount& sa : model.service_accounts) {
      if (ns.empty() || sa.meta.namespace_ == ns) out.service_accounts.push_back(sa.meta.namespace_ + "/" + sa.meta.name);
    }
    std::sort(out.service_accounts.begin(), out.service_accounts.end());
  };
  if (group == kPrivilegedGroup) {
    out.description = "identities whose credential carries this group (a client certificate with O=system:masters): "
                      "allowed everything before RBAC";
  } else if (group == kAllAuthenticated) {
    out.description = "every authenticated user and every service account";
  } else if (group == kAllUnauthenticated) {
    out.description = "anonymous requests (user system:anonymous), when anonymous auth is on";
  } else if (group == kServiceAccountsGroup) {
    out.description = "every service account of every namespace";
    add_service_accounts({});
  } else if (group.starts_with(kServiceAccountsGroup) && group.size() > kServiceAccountsGroup.size() + 1 &&
             group[kServiceAccountsGroup.size()] == ':') {
    const std::string_view ns = group.substr(kServiceAccountsGroup.size() + 1);
    out.description = fmt::format("every service account of namespace {}, including ones created later", ns);
    add_service_accounts(ns);
  } else if (group == "system:nodes") {
    out.description = "kubelets (users system:node:NAME); the Node authorizer also applies to them";
  } else if (group == "system:bootstrappers") {
    out.description = "bootstrap tokens (kubeadm join)";
  }
  return out;
}

}  // namespace rbacq::analyzer::rbac
