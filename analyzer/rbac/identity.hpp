// SPDX-License-Identifier: Apache-2.0
// Well-known users and groups, and the groups the authentication layer gives an identity
// (k8s-rbac-semantics §4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/rbac/request.hpp"

namespace rbacq::analyzer::rbac {

inline constexpr std::string_view kPrivilegedGroup = "system:masters";
inline constexpr std::string_view kAllAuthenticated = "system:authenticated";
inline constexpr std::string_view kAllUnauthenticated = "system:unauthenticated";
inline constexpr std::string_view kAnonymousUser = "system:anonymous";
inline constexpr std::string_view kServiceAccountsGroup = "system:serviceaccounts";
inline constexpr std::string_view kServiceAccountPrefix = "system:serviceaccount:";

struct ServiceAccountName {
  std::string namespace_;
  std::string name;
};

/// "system:serviceaccount:NS:NAME" → {NS, NAME}; nullopt unless there are exactly four
/// colon-separated parts with a valid namespace and name (serviceaccount.SplitUsername).
[[nodiscard]] std::optional<ServiceAccountName> split_service_account_username(std::string_view username);

/// "system:serviceaccount:NS:NAME".
[[nodiscard]] std::string service_account_username(std::string_view ns, std::string_view name);

/// The groups every service account of `ns` has from its token: system:serviceaccounts and
/// system:serviceaccounts:NS.
[[nodiscard]] std::vector<std::string> service_account_groups(std::string_view ns);

/// The identity the API server would authorize for `username` with `extra_groups`, as a real
/// login or `--as`/`--as-group` impersonation produces it: a service-account name gets its SA
/// groups (only when no groups were given, as impersonation does), `system:anonymous` gets
/// `system:unauthenticated`, and everyone else `system:authenticated` — unless one of the two
/// was given explicitly.
[[nodiscard]] UserInfo authenticated_user(std::string_view username, std::vector<std::string> extra_groups);

/// Whether a binding's subject is one of Kubernetes' own components, whose permissions the
/// default policy decides, rather than a person or a workload: a User or Group named system:*
/// (system:masters, system:nodes, system:kube-scheduler, system:node:NAME…), except the
/// anonymous user and the groups that everyone of a kind is in (system:authenticated,
/// system:unauthenticated, system:serviceaccounts[:NS]), and except a User named as a
/// ServiceAccount (system:serviceaccount:NS:NAME), which is judged as that account; or a
/// ServiceAccount that Kubernetes 1.`minor`'s default policy binds (kube-system's controllers).
/// Lint rules about who holds a power leave components out: upstream decides their rules.
[[nodiscard]] bool is_system_component(std::string_view kind, std::string_view name, std::string_view namespace_, int minor);

/// True for a DNS-1123 label (namespaces, service-account names are subdomains: see below).
[[nodiscard]] bool is_dns1123_label(std::string_view s);
/// True for a DNS-1123 subdomain (service-account names).
[[nodiscard]] bool is_dns1123_subdomain(std::string_view s);

}  // namespace rbacq::analyzer::rbac
