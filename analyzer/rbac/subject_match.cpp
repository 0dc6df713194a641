// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/subject_match.hpp"

#include <algorithm>

#include "analyzer/rbac/identity.hpp"

namespace rbacq::analyzer::rbac {

std::string_view service_account_namespace(const Subject& subject, std::string_view binding_namespace) {
  return subject.namespace_.empty() ? binding_namespace : std::string_view(subject.namespace_);
}

bool applies_to_user(const UserInfo& user, const Subject& subject, std::string_view binding_namespace) {
  if (subject.kind == "User") return user.name == subject.name;
  if (subject.kind == "Group") return std::find(user.groups.begin(), user.groups.end(), subject.name) != user.groups.end();
  if (subject.kind == "ServiceAccount") {
    const std::string_view ns = service_account_namespace(subject, binding_namespace);
    if (ns.empty()) return false;
    // serviceaccount.MatchesUsername: a plain comparison with the full username.
    const std::string_view name = user.name;
    return name.size() == kServiceAccountPrefix.size() + ns.size() + 1 + subject.name.size() &&
           name.starts_with(kServiceAccountPrefix) && name.substr(kServiceAccountPrefix.size(), ns.size()) == ns &&
           name[kServiceAccountPrefix.size() + ns.size()] == ':' && name.ends_with(subject.name);
  }
  return false;
}

SubjectKey subject_key(const Binding& binding, std::size_t index) {
  const Subject& s = binding.subjects[index];
  SubjectKey key{s.kind, s.name, {}};
  if (s.kind == "ServiceAccount") key.namespace_ = std::string(service_account_namespace(s, binding_namespace(binding)));
  return key;
}

std::optional<std::size_t> applies_to(const UserInfo& user, const std::vector<Subject>& subjects,
                                      std::string_view binding_namespace) {
  for (std::size_t i = 0; i < subjects.size(); ++i) {
    if (applies_to_user(user, subjects[i], binding_namespace)) return i;
  }
  return std::nullopt;
}

}  // namespace rbacq::analyzer::rbac
