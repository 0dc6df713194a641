// SPDX-License-Identifier: Apache-2.0
// can(VERBS, RESOURCE[, NAMESPACE]): may the row's subject make the request? In a fixed scope,
// answered from the subject locator (who-can), one set of subjects per verb computed on first
// use; in the row's own namespace (a column), by the authorizer for the row's subject, since a
// who-can per namespace costs more than the few rows of that namespace ask.
#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "query/answers.hpp"
#include "query/functions/all.hpp"

namespace rbacq::query::builtin {
namespace {

using analyzer::rbac::SubjectKey;

/// Everyone who may make one request: the subjects of the bindings that allow it (sorted), and
/// system:masters, which may always. A subject can if it is one of them, or is in one of the groups.
struct Allowed {
  std::vector<SubjectKey> subjects;

  [[nodiscard]] bool admits(const analyzer::rbac::UserInfo& user) const {
    const auto has = [&](const SubjectKey& key) { return std::binary_search(subjects.begin(), subjects.end(), key); };
    for (const auto& g : user.groups) {
      if (g == analyzer::rbac::kPrivilegedGroup || has(SubjectKey{"Group", g, ""})) return true;
    }
    if (user.name.empty()) return false;
    if (has(SubjectKey{"User", user.name, ""})) return true;
    if (const auto sa = analyzer::rbac::split_service_account_username(user.name)) {
      return has(SubjectKey{"ServiceAccount", sa->name, sa->namespace_});
    }
    return false;
  }
};

/// What can() asks: the verbs and target, and where — a fixed scope, or a column of the row.
struct Question {
  Verbs verbs;
  bool any = false;
  Target target;
  Scope scope;                           // when `namespace_column` is not set
  std::optional<std::size_t> namespace_column;
};

class CanFunction final : public BoundFunction {
 public:
  CanFunction(const analyzer::AnalysisContext& context, Question question, std::size_t subject_column)
      : context_(context), question_(std::move(question)), subject_column_(subject_column) {}

  [[nodiscard]] Value call(const Row& row) const override {
    const Value subject = row.value(subject_column_);
    if (subject.is_null()) return false;
    const SubjectRef ref = subject_ref(subject.as_subject());
    if (ref.kind == SubjectRef::Kind::service_account && ref.namespace_.empty()) return false;  // matches nobody
    if (question_.namespace_column) {
      const Value v = row.value(*question_.namespace_column);
      const std::optional<std::string> ns = v.is_null() ? std::optional<std::string>() : std::optional<std::string>(std::string(v.as_string()));
      // Remembered per subject and namespace: the statements that share this call (lint's
      // cases) ask it of the same rows.
      std::string key = fmt::format("{}\n{}{}", to_literal(subject.as_subject()), ns ? "=" : "", ns.value_or(""));
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (const auto it = answers_.find(key); it != answers_.end()) return it->second;
      }
      const analyzer::rbac::UserInfo user = identity_of(ref);
      const auto& requests = requests_in(ns);
      const auto allows = [&](const analyzer::rbac::RequestAttributes& r) { return context_.authorizer().authorize(user, r).allowed(); };
      const bool answer =
          question_.any ? std::any_of(requests.begin(), requests.end(), allows) : std::all_of(requests.begin(), requests.end(), allows);
      const std::lock_guard<std::mutex> lock(mutex_);
      answers_.emplace(std::move(key), answer);
      return answer;
    }
    const analyzer::rbac::UserInfo user = identity_of(ref);
    const auto& sets = allowed();
    const auto admits = [&](const Allowed& a) { return a.admits(user); };
    return question_.any ? std::any_of(sets.begin(), sets.end(), admits) : std::all_of(sets.begin(), sets.end(), admits);
  }

 private:
  /// The scope asked: the fixed one, or the row's namespace (cluster-wide for a null value).
  [[nodiscard]] Scope scope_of(const std::optional<std::string>& ns) const {
    if (!question_.namespace_column) return question_.scope;
    return ns ? Scope{Scope::Kind::namespace_, *ns, {}} : Scope{Scope::Kind::cluster_wide, {}, {}};
  }

  /// The requests (one per verb) in namespace `ns`, built on first use.
  [[nodiscard]] const std::vector<analyzer::rbac::RequestAttributes>& requests_in(const std::optional<std::string>& ns) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    const std::string key = ns ? "=" + *ns : std::string();
    const auto it = requests_.find(key);
    if (it != requests_.end()) return it->second;
    std::vector<analyzer::rbac::RequestAttributes> out;
    // The target was checked when the call was bound: only the namespace differs here.
    if (const auto plan = plan_requests(question_.verbs, question_.target, scope_of(ns), context_, QuerySource{})) {
      for (const PlannedRequest& p : plan->requests) out.push_back(p.built.attributes);
    }
    return requests_.emplace(key, std::move(out)).first->second;
  }

  /// One set per verb in the fixed scope, computed once, on first use, from who-can answers
  /// (exactly the subject locator); read without a lock afterwards (call_once publishes it).
  [[nodiscard]] const std::vector<Allowed>& allowed() const {
    std::call_once(allowed_once_, [&] {
      allowed_.clear();  // a first attempt that threw may have left some
      // The target was checked when the call was bound.
      const auto plan = plan_requests(question_.verbs, question_.target, question_.scope, context_, QuerySource{});
      if (!plan) return;
      const auto& authorizer = context_.authorizer();
      for (const PlannedRequest& p : plan->requests) {
        // As answer_who_can asks (in every namespace at once for "in any namespace"), without
        // the subjects allowed only for other names, which can() does not need.
        allowed_.push_back(Allowed{authorizer.subjects_allowed(p.built.attributes, p.any_namespace)});
      }
    });
    return allowed_;
  }

  const analyzer::AnalysisContext& context_;
  Question question_;
  std::size_t subject_column_;
  mutable std::mutex mutex_;
  mutable std::once_flag allowed_once_;
  mutable std::vector<Allowed> allowed_;  // in the fixed scope
  mutable std::map<std::string, std::vector<analyzer::rbac::RequestAttributes>> requests_;
  mutable std::unordered_map<std::string, bool> answers_;  // per subject and namespace, when asked in a column's
};

}  // namespace

Bound bind_can(const Operand& call, const Schema& schema, const BindContext& bind) {
  const QuerySource& source = bind.source;
  const auto subject = schema.column("subject");
  if (!subject || schema.columns[*subject].type != Type::subject) {
    return fail(source.error(call.span, fmt::format("can() asks about the row's subject, and {} has no subject column", schema.name),
                             {"it works on subjects, serviceaccounts, bindings, grants, workloads, secrets and who can"}));
  }
  if (call.arguments.size() < 2 || call.arguments.size() > 3) {
    return fail(source.error(call.span, fmt::format("can() takes 2 or 3 arguments, not {}: can(VERBS, RESOURCE[, NAMESPACE])",
                                                    call.arguments.size())));
  }
  Question q;
  auto verbs = verbs_argument(call.arguments[0], "can", source);
  if (!verbs) return fail(verbs.error());
  q.verbs = std::move(*verbs);
  q.any = call.arguments[0].any;
  auto target = resource_argument(call.arguments[1], "can", source);
  if (!target) return fail(target.error());
  q.target = std::move(*target);
  if (call.arguments.size() == 3) {
    const Argument& ns = call.arguments[2];
    if (q.target.url) return fail(source.error(ns.span, "a non-resource URL has no namespace: can(VERB, /PATH) takes two arguments"));
    q.scope.span = ns.span;
    if (ns.verbs.braced || ns.name) return fail(source.error(ns.span, "the third argument of can() is a namespace, cluster-wide, * or a column"));
    if (!ns.quoted && ns.text == "cluster-wide") {
      q.scope.kind = Scope::Kind::cluster_wide;
    } else if (!ns.quoted && ns.text == "*") {
      q.scope.kind = Scope::Kind::any_namespace;
    } else if (const auto column = schema.column(ns.text); column && !ns.quoted) {
      if (schema.columns[*column].type != Type::string) {
        return fail(source.error(ns.span, fmt::format("'{}' is a column of {}, but {}: the namespace column must hold strings", ns.text,
                                                      schema.name, type_name(schema.columns[*column].type))));
      }
      q.namespace_column = *column;
    } else {
      q.scope.kind = Scope::Kind::namespace_;
      q.scope.namespace_ = ns.text;
    }
  }
  // Checks the resource now (unknown, ambiguous: positioned errors), whatever the rows hold.
  auto plan = plan_requests(q.verbs, q.target, q.scope, bind.analysis, source);
  if (!plan) return fail(plan.error());
  for (auto& n : plan->notes) add_note(bind.notes, std::move(n));
  return std::make_shared<const CanFunction>(bind.analysis, std::move(q), *subject);
}

}  // namespace rbacq::query::builtin
