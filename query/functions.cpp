// SPDX-License-Identifier: Apache-2.0
// The table of functions. can(VERBS, RESOURCE[, NAMESPACE]) on rows with a subject.
#include "query/functions.hpp"

#include <mutex>
#include <set>

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "query/answers.hpp"
#include "query/printer.hpp"
#include "query/request_plan.hpp"

namespace rbacq::query {
namespace {

using analyzer::rbac::SubjectKey;

/// Everyone who may make one request: the subjects of the bindings that allow it, and whether
/// system:masters is among them. A subject can if it is one of them, or is in one of the groups.
struct Allowed {
  std::set<SubjectKey> subjects;
  bool privileged = false;

  [[nodiscard]] bool admits(const analyzer::rbac::UserInfo& user) const {
    for (const auto& g : user.groups) {
      if (g == analyzer::rbac::kPrivilegedGroup && privileged) return true;
      if (subjects.contains(SubjectKey{"Group", g, ""})) return true;
    }
    if (user.name.empty()) return false;
    if (subjects.contains(SubjectKey{"User", user.name, ""})) return true;
    if (const auto sa = analyzer::rbac::split_service_account_username(user.name)) {
      return subjects.contains(SubjectKey{"ServiceAccount", sa->name, sa->namespace_});
    }
    return false;
  }
};

/// can(): true when the row's subject may make every one of the requests (one per verb).
class CanFunction final : public BoundFunction {
 public:
  CanFunction(const analyzer::AnalysisContext& context, RequestPlan plan, std::size_t subject_column)
      : context_(context), plan_(std::move(plan)), subject_column_(subject_column) {}

  [[nodiscard]] Value call(const Row& row) const override {
    const Value subject = row.value(subject_column_);
    if (subject.is_null()) return false;
    const SubjectRef ref = subject_ref(subject.as_subject());
    if (ref.kind == SubjectRef::Kind::service_account && ref.namespace_.empty()) return false;  // matches nobody
    const analyzer::rbac::UserInfo user = identity_of(ref);
    const auto& sets = allowed();
    return std::all_of(sets.begin(), sets.end(), [&](const Allowed& a) { return a.admits(user); });
  }

 private:
  /// One set per verb, computed on first use from who-can answers (exactly the subject locator).
  [[nodiscard]] const std::vector<Allowed>& allowed() const {
    std::call_once(once_, [&] {
      for (const PlannedRequest& p : plan_.requests) {
        Allowed a;
        for (const WhoCanAnswer& answer : answer_who_can(context_, p)) {
          for (const auto& s : answer.result.subjects) {
            a.privileged = a.privileged || s.privileged;
            if (!s.grants.empty()) a.subjects.insert(s.subject);
          }
        }
        allowed_.push_back(std::move(a));
      }
    });
    return allowed_;
  }

  const analyzer::AnalysisContext& context_;
  RequestPlan plan_;
  std::size_t subject_column_;
  mutable std::once_flag once_;
  mutable std::vector<Allowed> allowed_;
};

Result<std::shared_ptr<const BoundFunction>> bind_can(const Operand& call, const Relation& relation, const analyzer::AnalysisContext& context,
                                                      const QuerySource& source) {
  const auto subject = relation.column("subject");
  if (!subject || relation.columns()[*subject].type != Type::subject) {
    return fail(source.error(call.span, fmt::format("can() asks about the row's subject, and {} has no subject column", relation.name()),
                             {"it works on subjects, serviceaccounts, bindings, grants, workloads and secrets"}));
  }
  if (call.arguments.size() < 2 || call.arguments.size() > 3) {
    return fail(source.error(call.span, fmt::format("can() takes 2 or 3 arguments, not {}: can(VERBS, RESOURCE[, NAMESPACE])",
                                                    call.arguments.size())));
  }
  const Argument& verbs = call.arguments[0];
  const Argument& resource = call.arguments[1];
  for (const std::string& v : verbs.verbs.items) {
    if (v.empty() || v.find_first_of("/.:") != std::string::npos) {
      return fail(source.error(verbs.span, fmt::format("'{}' is not a verb: the first argument of can() is a verb or {{verbs}}", v)));
    }
  }
  const Target target = target_of(resource.text, resource.span);
  if (!target.url && (target.resource.empty() || (resource.text.find('/') != std::string::npos && target.subresource.empty()))) {
    return fail(source.error(resource.span, fmt::format("'{}' is not a resource: write pods, deployments.apps or pods/exec", resource.text)));
  }
  Scope scope;
  if (call.arguments.size() == 3) {
    const Argument& ns = call.arguments[2];
    if (target.url) return fail(source.error(ns.span, "a non-resource URL has no namespace: can(VERB, /PATH) takes two arguments"));
    scope.span = ns.span;
    if (!ns.quoted && ns.text == "cluster-wide") {
      scope.kind = Scope::Kind::cluster_wide;
    } else if (!ns.quoted && ns.text == "*") {
      scope.kind = Scope::Kind::any_namespace;
    } else {
      scope.kind = Scope::Kind::namespace_;
      scope.namespace_ = ns.text;
    }
  }
  auto plan = plan_requests(verbs.verbs, target, scope, context, source);
  if (!plan) return fail(plan.error());
  return std::make_shared<const CanFunction>(context, std::move(*plan), *subject);
}

}  // namespace

const std::vector<FunctionInfo>& functions() {
  static const std::vector<FunctionInfo> all{
      {"can", "can(VERBS, RESOURCE[, NAMESPACE])",
       "Whether the row's subject may make the request (every verb of a {set}): in NAMESPACE, or cluster-wide, or — without a "
       "third argument, for a namespaced resource — in at least one namespace. RESOURCE may be a URL (/healthz). Users ask as "
       "authenticated users (system:authenticated), service accounts with their groups, groups as a member of only that group.",
       Type::boolean, bind_can},
  };
  return all;
}

const FunctionInfo* find_function(std::string_view name) {
  for (const FunctionInfo& f : functions()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace rbacq::query
