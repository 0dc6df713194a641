// SPDX-License-Identifier: Apache-2.0
// allows(VERBS, RESOURCE[, NAME]): do the row's rules allow the request? RBAC's own rule
// matching (rule_allows: * verbs, resources and apiGroups, */sub, resourceNames), so that a
// condition sees what a rule grants rather than how it is spelled.
#include <fmt/format.h>

#include "analyzer/rbac/rule_match.hpp"
#include "query/functions/all.hpp"

namespace rbacq::query::builtin {
namespace {

class AllowsFunction final : public BoundFunction {
 public:
  AllowsFunction(std::vector<analyzer::rbac::RequestAttributes> requests, bool any) : requests_(std::move(requests)), any_(any) {}

  [[nodiscard]] Value call(const Row& row) const override {
    const RowObjects& objects = row.objects();
    const auto allowed = [&](const analyzer::rbac::RequestAttributes& request) {
      const auto by = [&](const analyzer::PolicyRule& r) { return analyzer::rbac::rule_allows(request, r); };
      return std::any_of(objects.rules.begin(), objects.rules.end(), [&](const auto& ref) { return by(ref.first->rules[ref.second]); }) ||
             std::any_of(objects.roles.begin(), objects.roles.end(),
                         [&](const analyzer::Role* role) { return std::any_of(role->rules.begin(), role->rules.end(), by); });
    };
    return any_ ? std::any_of(requests_.begin(), requests_.end(), allowed) : std::all_of(requests_.begin(), requests_.end(), allowed);
  }

 private:
  std::vector<analyzer::rbac::RequestAttributes> requests_;  // one per verb
  bool any_;
};

}  // namespace

Bound bind_allows(const Operand& call, const Schema& schema, const BindContext& bind) {
  const QuerySource& source = bind.source;
  if (!schema.rows_have_rules) {
    return fail(source.error(call.span, fmt::format("allows() asks the row's rules, and the rows of {} have none", schema.name),
                             {"it works on rules, roles, grants, who can and what can"}));
  }
  if (call.arguments.size() < 2 || call.arguments.size() > 3) {
    return fail(source.error(call.span, fmt::format("allows() takes 2 or 3 arguments, not {}: allows(VERBS, RESOURCE[, NAME])",
                                                    call.arguments.size())));
  }
  auto verbs = verbs_argument(call.arguments[0], "allows", source);
  if (!verbs) return fail(verbs.error());
  auto target = resource_argument(call.arguments[1], "allows", source);
  if (!target) return fail(target.error());
  if (call.arguments.size() == 3) {
    const Argument& name = call.arguments[2];
    if (target->url) return fail(source.error(name.span, "a URL has no objects: allows(VERB, /PATH) takes two arguments"));
    if (name.verbs.braced || name.name) return fail(source.error(name.span, "the third argument of allows() is an object's name"));
    target->name = name.text;
  }
  // A rule does not look at namespaces: the request is built with none.
  auto plan = plan_requests(*verbs, *target, Scope{Scope::Kind::cluster_wide, {}, {}}, bind.analysis, source);
  if (!plan) return fail(plan.error());
  std::vector<analyzer::rbac::RequestAttributes> requests;
  for (const PlannedRequest& p : plan->requests) requests.push_back(p.built.attributes);
  return std::make_shared<const AllowsFunction>(std::move(requests), call.arguments[0].any);
}

}  // namespace rbacq::query::builtin
