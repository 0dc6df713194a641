// SPDX-License-Identifier: Apache-2.0
// The authorizer chain an offline analyzer can know: the privileged-group authorizer
// (`system:masters`) and RBAC, with Kubernetes' semantics (k8s-rbac-semantics §3, §5). Every
// answer carries its proof: the bindings, roles and rules that allow, and the bindings whose
// role could not be resolved.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/model.hpp"
#include "analyzer/rbac/request.hpp"
#include "analyzer/rbac/rule_index.hpp"
#include "analyzer/rbac/subject_key.hpp"

namespace rbacq::analyzer::rbac {

/// A binding with the role its roleRef resolves to (nullptr: a resolution error).
struct ResolvedBinding {
  const Binding* binding = nullptr;
  const Role* role = nullptr;
  std::string error;  // why the role could not be resolved, as the API server words it
};

/// One rule of one binding that allows a request, for one subject of the binding.
struct Grant {
  const ResolvedBinding* resolved = nullptr;
  std::size_t subject = 0;  // index in the binding's subjects
  std::size_t rule = 0;     // index in the role's (aggregated) rules
  [[nodiscard]] const Binding& binding() const { return *resolved->binding; }
  [[nodiscard]] const Role& role() const { return *resolved->role; }
  [[nodiscard]] const PolicyRule& policy_rule() const { return resolved->role->rules[rule]; }
};

enum class Via { none, privileged_group, rbac };

/// Why a member of system:masters is allowed, in the words every answer uses.
[[nodiscard]] std::string privileged_group_reason();

struct Decision {
  Via via = Via::none;
  /// Every RBAC grant that allows the request (also when system:masters already does).
  std::vector<Grant> grants;
  /// Bindings that apply to the user but whose role is missing: never a deny, but the answer
  /// might change when the role appears.
  std::vector<const ResolvedBinding*> errors;

  [[nodiscard]] bool allowed() const { return via != Via::none; }
  /// The authorizer's reason: `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to
  /// Group "g"`, the privileged-group wording, or the aggregated resolution errors.
  [[nodiscard]] std::string reason() const;
};

struct WhoCanSubject {
  SubjectKey subject;
  bool privileged = false;  // system:masters: allowed before RBAC
  std::vector<Grant> grants;
};

struct WhoCanResult {
  std::vector<WhoCanSubject> subjects;  // system:masters first, then by kind, name, namespace
  std::vector<const ResolvedBinding*> errors;  // bindings in scope whose role is missing
};

/// Why a denied request came close: a binding of the user that would allow it in its own
/// namespace, or a rule that allows it only for other resourceNames.
struct NearMiss {
  enum class Kind { other_namespace, url_in_role_binding, other_names };
  Kind kind;
  const ResolvedBinding* resolved = nullptr;
  std::size_t rule = 0;
};

struct RulesReview {
  bool privileged = false;  // system:masters member: everything is allowed whatever the rules say
  std::vector<Grant> rules;  // every rule of every binding that applies, in binding order
  std::vector<const ResolvedBinding*> errors;
};

/// Indexes a model once (roles by name, bindings by namespace, rules by verb × group ×
/// resource) and answers requests. The model must outlive the authorizer and must already be
/// aggregated (aggregate_cluster_roles).
class Authorizer {
 public:
  explicit Authorizer(const Model& model);
  Authorizer(const Authorizer&) = delete;
  Authorizer& operator=(const Authorizer&) = delete;

  /// can-i: the chain's decision for `user`, with every grant and resolution error.
  [[nodiscard]] Decision authorize(const UserInfo& user, const RequestAttributes& request) const;

  /// who-can: every subject named by a binding that allows the request (the subject locator),
  /// plus Group system:masters.
  [[nodiscard]] WhoCanResult who_can(const RequestAttributes& request) const;

  /// who_can in every namespace at once (a namespaced request asked without one: "in any
  /// namespace"): the subjects of ClusterRoleBindings and of RoleBindings that allow it in their
  /// own namespace, plus Group system:masters. No errors.
  [[nodiscard]] WhoCanResult who_can_anywhere(const RequestAttributes& request) const;

  /// Only the subjects of who_can (`anywhere`: of who_can_anywhere), sorted, without their
  /// grants and without Group system:masters, which may always: for questions asked of many
  /// subjects (can() in a lint rule), where building every grant would be wasted.
  [[nodiscard]] std::vector<SubjectKey> subjects_allowed(const RequestAttributes& request, bool anywhere) const;

  /// For a request without a name: the subjects whose grants allow it only for listed
  /// resourceNames (a `who-can update leases` misses the controller that may update its own
  /// lease). No system:masters entry, no errors.
  [[nodiscard]] WhoCanResult who_can_named(const RequestAttributes& request) const;

  /// The namespaces whose RoleBindings allow `request` when it is asked inside them (its own
  /// namespace replaced), sorted: what an all-namespaces question misses.
  [[nodiscard]] std::vector<std::string> namespaces_allowing(const RequestAttributes& request) const;

  /// For a request `user` is not allowed: the bindings of the user that came close. Other
  /// namespaces are only worth naming for namespaced resources (`namespaced`).
  [[nodiscard]] std::vector<NearMiss> near_misses(const UserInfo& user, const RequestAttributes& request, bool namespaced) const;

  /// What `user` may do in `namespace_` (SelfSubjectRulesReview): the rules of every
  /// ClusterRoleBinding and of the RoleBindings of that namespace that apply to the user.
  [[nodiscard]] RulesReview rules_for(const UserInfo& user, std::string_view namespace_) const;

  /// All bindings with their resolved roles: ClusterRoleBindings, then RoleBindings, by name.
  [[nodiscard]] const std::vector<ResolvedBinding>& bindings() const { return bindings_; }

  /// A binding's roleRef resolved against the model's roles, as the authorizer resolves its own
  /// (for a binding that is not among them: an earlier definition another replaced).
  [[nodiscard]] ResolvedBinding resolve(const Binding& binding) const;

 private:
  [[nodiscard]] const std::vector<std::size_t>& bindings_in(std::string_view namespace_) const;
  /// The rules of every binding that applies to `user` in `namespace_` (ClusterRoleBindings,
  /// then that namespace's RoleBindings), and the applicable bindings whose role is missing.
  template <class OnRule, class OnError>
  void visit_rules_for(const UserInfo& user, std::string_view namespace_, OnRule&& on_rule, OnError&& on_error) const;
  [[nodiscard]] std::vector<WhoCanSubject> subjects_of(const std::vector<RuleRef>& refs) const;
  /// subjects_of, with Group system:masters first (privileged, with its grants if any).
  [[nodiscard]] WhoCanResult located(const std::vector<RuleRef>& refs) const;
  /// The who-can index, built on first use: can-i never needs it.
  [[nodiscard]] const RuleIndex& index() const;

  std::map<std::string, const Role*, std::less<>> cluster_roles_;
  std::map<std::pair<std::string, std::string>, const Role*> roles_;
  std::vector<ResolvedBinding> bindings_;
  std::vector<std::size_t> cluster_bindings_;  // indexes into bindings_
  std::unordered_map<std::string, std::vector<std::size_t>> namespace_bindings_;
  mutable std::once_flag index_once_;
  mutable std::unique_ptr<RuleIndex> index_;
};

}  // namespace rbacq::analyzer::rbac
