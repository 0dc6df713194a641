// SPDX-License-Identifier: Apache-2.0
// Evidence: why a row of a result is there — the subject, binding, role and rule, each with the
// location it was read from — and the words every output uses for them. Names are written as
// they are (UTF-8, unescaped): renderers escape them for a terminal, JSON carries them as they are.
#pragma once

#include <string>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/group_members.hpp"
#include "analyzer/rbac/request.hpp"
#include "analyzer/rbac/subject_key.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::query {

/// One link of the chain behind a row: what it is ("RoleBinding dev/ci grants Role dev/deployer
/// in namespace dev") and where. Same shape as a diagnostic's note.
using Evidence = Note;

/// "ClusterRoleBinding admins", "RoleBinding dev/readers".
[[nodiscard]] std::string describe_binding(const analyzer::Binding& binding);
/// "ClusterRole view", "Role dev/reader".
[[nodiscard]] std::string describe_role(const analyzer::Role& role);
/// "User alice", "Group dev", "ServiceAccount dev/app".
[[nodiscard]] std::string describe_subject(const analyzer::rbac::SubjectKey& subject);
/// The resource of a request as the language writes it: "pods/log", "deployments.apps/scale",
/// or the URL path.
[[nodiscard]] std::string resource_text(const analyzer::rbac::RequestAttributes& request);
/// The request in words: "get pods/log named 'web' in namespace dev", "list secrets with no
/// namespace", "get /healthz". The one describer every output uses.
[[nodiscard]] std::string describe_request(const analyzer::rbac::RequestAttributes& request);
/// "cluster-wide" or "in namespace dev".
[[nodiscard]] std::string describe_scope(const analyzer::Binding& binding);
/// What a group is, for a group Kubernetes decides the members of ("every service account of
/// namespace dev, including ones created later"); "" for other groups.
[[nodiscard]] std::string describe_group(const analyzer::rbac::GroupMembers& members);
/// The chain of one grant: subject → binding → role → rule, each at its location.
[[nodiscard]] std::vector<Evidence> grant_notes(const analyzer::rbac::Grant& grant);
/// Why a member of system:masters is allowed (no location: no binding is involved).
[[nodiscard]] Evidence privileged_evidence();
/// What came close to allowing `request`, at the binding or rule.
[[nodiscard]] Evidence near_miss_evidence(const analyzer::rbac::NearMiss& miss, const analyzer::rbac::RequestAttributes& request);
/// "ServiceAccount dev/ci is subject 2 of RoleBinding dev/deployers", at the subject.
[[nodiscard]] Evidence subject_evidence(const analyzer::Binding& binding, std::size_t subject);
/// A binding and its subject `subject` (npos: none), and the role it refers to when it exists.
[[nodiscard]] std::vector<Evidence> binding_evidence(const analyzer::rbac::ResolvedBinding& resolved, std::size_t subject);
/// "Role dev/reader is defined here".
[[nodiscard]] Evidence role_evidence(const analyzer::Role& role);
/// "rule 3 of ClusterRole view: get,list pods".
[[nodiscard]] Evidence rule_evidence(const analyzer::Role& role, std::size_t rule);
/// "<Kind> NS/NAME is defined here" for any object.
[[nodiscard]] Evidence object_evidence(const analyzer::ObjectMeta& meta);

}  // namespace rbacq::query
