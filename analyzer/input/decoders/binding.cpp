// SPDX-License-Identifier: Apache-2.0
// RoleBinding and ClusterRoleBinding: roleRef and subjects.
#include <string_view>

#include <fmt/format.h>

#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

constexpr std::string_view kRbacGroup = "rbac.authorization.k8s.io";

/// ValidateRoleBinding / ValidateClusterRoleBinding: what the API server refuses to store.
void check_binding(ObjectReader& r, const Binding& b) {
  const auto invalid = [&](const SourceLocation& loc, std::string message) { report_invalid(r, loc, std::move(message)); };
  if (b.role_ref.kind != "Role" && b.role_ref.kind != "ClusterRole") {
    invalid(b.role_ref.loc, fmt::format("roleRef.kind must be Role or ClusterRole, not '{}'", b.role_ref.kind));
  } else if (b.cluster && b.role_ref.kind == "Role") {
    invalid(b.role_ref.loc, "a ClusterRoleBinding can only reference a ClusterRole");
  }
  if (!b.role_ref.api_group.empty() && b.role_ref.api_group != kRbacGroup) {  // empty is defaulted
    invalid(b.role_ref.loc, fmt::format("roleRef.apiGroup must be {}", kRbacGroup));
  }
  for (const Subject& s : b.subjects) {
    if (s.kind != "User" && s.kind != "Group" && s.kind != "ServiceAccount") {
      invalid(s.loc, fmt::format("subject kind must be User, Group or ServiceAccount, not '{}' (case matters)", s.kind));
    } else if (s.kind == "ServiceAccount" && b.cluster && s.namespace_.empty()) {
      invalid(s.loc, "a ServiceAccount subject of a ClusterRoleBinding needs a namespace");
    }
  }
}

void read_binding(ObjectReader& r, NodeId node, Binding& binding) {
  const auto ref = r.mapping(node, "roleRef");
  if (!ref) {
    if (r.ok()) r.error(node, fmt::format("{} '{}' has no 'roleRef'", binding.meta.kind, binding.meta.name));
  } else {
    binding.role_ref.loc = r.loc(*ref);
    binding.role_ref.api_group = r.string(*ref, "apiGroup");
    binding.role_ref.kind = r.string(*ref, "kind");
    binding.role_ref.name = r.string(*ref, "name");
    if (r.ok() && (binding.role_ref.kind.empty() || binding.role_ref.name.empty())) {
      r.error(*ref, "'roleRef' needs a 'kind' and a 'name'");
    }
  }
  r.for_each_mapping(node, "subjects", [&](NodeId s) {
    Subject subject;
    subject.loc = r.loc(s);
    subject.kind = r.string(s, "kind");
    subject.api_group = r.string(s, "apiGroup");
    subject.name = r.string(s, "name");
    subject.namespace_ = r.string(s, "namespace");
    if (subject.kind.empty() || subject.name.empty()) {
      r.error(s, "a subject needs a 'kind' and a 'name'");
      return;
    }
    binding.subjects.push_back(std::move(subject));
  });
  if (r.ok()) check_binding(r, binding);
}

}  // namespace

void decode_binding(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  const bool cluster = meta.kind == "ClusterRoleBinding";
  Binding binding{std::move(meta), cluster, {}, {}};
  read_binding(r, node, binding);
  if (r.ok()) out.add(std::move(binding));
}

}  // namespace rbacq::analyzer
