// SPDX-License-Identifier: Apache-2.0
// resources: the API resources of --k8s-version and of the input's CustomResourceDefinitions,
// as rules name them: what exists, in which group, whether it is namespaced, and its verbs.
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

using analyzer::catalogue::ApiResource;

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const ApiResource&)>& visit) {
  for (const ApiResource& r : context.catalogue().resources()) {
    if (!visit(r)) return;
  }
}

std::vector<Evidence> explain(const ApiResource& r) {
  if (r.crd) return {{*r.crd, fmt::format("CustomResourceDefinition of {} is defined here", r.qualified_name())}};
  return {{{}, fmt::format("{} is built into Kubernetes", r.qualified_name())}};
}

RowObjects objects(const ApiResource& /*resource*/) { return {}; }

}  // namespace

const Relation& resources() {
  static const TableRelation<ApiResource> relation(
      "resources",
      "The API resources of the Kubernetes minor assumed (--k8s-version) and of the input's CustomResourceDefinitions, as RBAC rules "
      "name them.",
      {
          {"name", Type::string, "the plural name rules use (pods)", [](const ApiResource& r) -> Value { return r.name; }},
          {"group", Type::string, "the API group (\"\" is the core group)", [](const ApiResource& r) -> Value { return r.group; }},
          {"resource", Type::string, "name.group, as the language writes it (deployments.apps)",
           [](const ApiResource& r) -> Value { return r.qualified_name(); }},
          {"kind", Type::string, "its kind (Pod)", [](const ApiResource& r) -> Value { return r.kind; }},
          {"namespaced", Type::boolean, "whether its objects live in namespaces (RoleBindings can grant it)",
           [](const ApiResource& r) -> Value { return r.namespaced; }},
          {"verbs", Type::list, "its verbs, with those only authorization checks use (bind, escalate, impersonate, approve…)",
           [](const ApiResource& r) -> Value { return ListValue::borrow(r.verbs); }},
          {"subresources", Type::list, "its subresources (exec, log, status, …)",
           [](const ApiResource& r) -> Value {
             std::vector<std::string> names;
             for (const auto& s : r.subresources) names.push_back(s.name);
             return ListValue::own(std::move(names));
           }},
          {"short_names", Type::list, "kubectl's short names (po)", [](const ApiResource& r) -> Value { return ListValue::borrow(r.short_names); }},
          {"crd", Type::boolean, "whether a CustomResourceDefinition of the input serves it", [](const ApiResource& r) -> Value { return r.crd.has_value(); }},
          {"authorization_only", Type::boolean, "whether it exists only for authorization (users, groups, signers…): nothing is served",
           [](const ApiResource& r) -> Value { return r.authorization_only; }},
      },
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
