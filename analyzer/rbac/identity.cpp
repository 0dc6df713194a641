// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/identity.hpp"

#include <algorithm>

#include "analyzer/catalogue/default_policy.hpp"

namespace rbacq::analyzer::rbac {
namespace {

bool is_alnum_lower(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

bool is_dns1123_label(std::string_view s) {
  if (s.empty() || s.size() > 63) return false;
  if (!is_alnum_lower(s.front()) || !is_alnum_lower(s.back())) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_alnum_lower(c) || c == '-'; });
}

bool is_dns1123_subdomain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view label = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    // Labels of a subdomain follow the label rule but without the 63-character limit.
    if (label.empty() || !is_alnum_lower(label.front()) || !is_alnum_lower(label.back())) return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum_lower(c) || c == '-'; })) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

std::optional<ServiceAccountName> split_service_account_username(std::string_view username) {
  if (!username.starts_with(kServiceAccountPrefix)) return std::nullopt;
  const std::string_view rest = username.substr(kServiceAccountPrefix.size());
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view ns = rest.substr(0, colon);
  const std::string_view name = rest.substr(colon + 1);
  if (name.find(':') != std::string_view::npos) return std::nullopt;  // exactly four parts
  if (!is_dns1123_label(ns) || !is_dns1123_subdomain(name)) return std::nullopt;
  return ServiceAccountName{std::string(ns), std::string(name)};
}

std::string service_account_username(std::string_view ns, std::string_view name) {
  std::string out(kServiceAccountPrefix);
  out += ns;
  out += ':';
  out += name;
  return out;
}

std::vector<std::string> service_account_groups(std::string_view ns) {
  return {std::string(kServiceAccountsGroup), std::string(kServiceAccountsGroup) + ":" + std::string(ns)};
}

UserInfo authenticated_user(std::string_view username, std::vector<std::string> extra_groups) {
  UserInfo user{std::string(username), std::move(extra_groups)};
  if (username == kAnonymousUser) {
    if (!contains(user.groups, kAllUnauthenticated)) user.groups.emplace_back(kAllUnauthenticated);
    return user;
  }
  if (user.groups.empty()) {
    if (auto sa = split_service_account_username(username)) user.groups = service_account_groups(sa->namespace_);
  }
  if (!contains(user.groups, kAllAuthenticated) && !contains(user.groups, kAllUnauthenticated)) {
    user.groups.emplace_back(kAllAuthenticated);
  }
  return user;
}

bool is_system_component(std::string_view kind, std::string_view name, std::string_view namespace_, int minor) {
  if (kind == "ServiceAccount") return catalogue::is_default_service_account(minor, namespace_, name);
  if (kind == "User" && name.starts_with(kServiceAccountPrefix)) {
    const auto sa = split_service_account_username(name);
    return sa && catalogue::is_default_service_account(minor, sa->namespace_, sa->name);
  }
  if (kind != "User" && kind != "Group") return false;
  if (!name.starts_with("system:")) return false;
  // Everyone of a kind: anonymous requests, every authenticated identity, every service account.
  if (name == kAnonymousUser || name == kAllAuthenticated || name == kAllUnauthenticated || name == kServiceAccountsGroup) return false;
  if (kind == "Group" && name.starts_with(std::string(kServiceAccountsGroup) + ":")) return false;
  return true;
}

}  // namespace rbacq::analyzer::rbac
