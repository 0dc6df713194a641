// SPDX-License-Identifier: Apache-2.0
// Evidence: why a row of a result is there — the subject, binding, role and rule, each with the
// location it was read from — and the words every output uses for them.
#pragma once

#include <string>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/request.hpp"
#include "analyzer/rbac/subject_key.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::query {

/// One link of the chain behind a row: what it is ("RoleBinding dev/ci grants Role dev/deployer
/// in namespace dev") and where. Same shape as a diagnostic's note.
using Evidence = Note;

/// "ClusterRoleBinding admins", "RoleBinding dev/readers" (printable).
[[nodiscard]] std::string describe_binding(const analyzer::Binding& binding);
/// "ClusterRole view", "Role dev/reader" (printable).
[[nodiscard]] std::string describe_role(const analyzer::Role& role);
/// "User alice", "Group dev", "ServiceAccount dev/app" (printable).
[[nodiscard]] std::string describe_subject(const analyzer::rbac::SubjectKey& subject);
/// "get pods 'web' in namespace dev", "get /healthz" (printable).
[[nodiscard]] std::string describe_request(const analyzer::rbac::RequestAttributes& request);
/// "cluster-wide" or "in namespace dev".
[[nodiscard]] std::string describe_scope(const analyzer::Binding& binding);
/// The chain of one grant: subject → binding → role → rule, each at its location.
[[nodiscard]] std::vector<Evidence> grant_notes(const analyzer::rbac::Grant& grant);
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
