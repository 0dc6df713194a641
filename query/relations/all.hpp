// SPDX-License-Identifier: Apache-2.0
// The relations rbacq knows, one file each; relations.cpp lists them. Add a relation by adding
// its file and one line there (and a section in docs/query-language.md).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "analyzer/model.hpp"
#include "analyzer/rbac/subject_key.hpp"
#include "query/relation.hpp"

namespace rbacq::query::builtin {

[[nodiscard]] const Relation& subjects();
[[nodiscard]] const Relation& serviceaccounts();
[[nodiscard]] const Relation& bindings();
[[nodiscard]] const Relation& roles();
[[nodiscard]] const Relation& rules();
[[nodiscard]] const Relation& grants();
[[nodiscard]] const Relation& namespaces();
[[nodiscard]] const Relation& workloads();
[[nodiscard]] const Relation& secrets();
[[nodiscard]] const Relation& aggregations();
[[nodiscard]] const Relation& resources();

// Shared by the relations' columns.
[[nodiscard]] inline SubjectValue to_subject(const analyzer::rbac::SubjectKey& key) { return {key.kind, key.name, key.namespace_}; }
/// Bounds the evidence a row gathers from many bindings or workloads.
inline constexpr std::size_t kEvidencePerRow = 5;
/// "subject 2 of RoleBinding dev/x", at the subject.
[[nodiscard]] inline Evidence named_by(const analyzer::Binding& b, std::size_t subject) {
  return {b.subjects[subject].loc, fmt::format("subject {} of {}", subject + 1, describe_binding(b))};
}
/// "Deployment web runs as it", at the workload.
[[nodiscard]] inline Evidence run_by(const analyzer::Workload& w) {
  return {w.meta.loc, fmt::format("{} {} runs as it", w.meta.kind, w.meta.name)};
}

/// Whether `role` allows everything on resources, as cluster-admin does: one of its rules has `*`
/// verbs, `*` resources and `*` apiGroups, without resourceNames (role.unrestricted).
[[nodiscard]] inline bool allows_everything(const analyzer::Role& role) {
  const auto star = [](const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), "*") != list.end(); };
  return std::any_of(role.rules.begin(), role.rules.end(), [&](const analyzer::PolicyRule& r) {
    return star(r.verbs) && star(r.resources) && star(r.api_groups) && r.resource_names.empty();
  });
}
inline constexpr const char* kUnrestrictedDoc =
    "whether its role allows every verb on every resource of every API group, as cluster-admin does: a rule with * verbs, * "
    "resources and * apiGroups, without resourceNames";

/// What `namespaced` means on rules, roles and bindings.
inline constexpr const char* kNamespacedDoc =
    "whether a RoleBinding can grant anything with it: it names a namespaced resource (or *, or one the catalogue does not know); "
    "false for rules of cluster-scoped resources and URLs only, which only ClusterRoleBindings grant";

/// `first` then `more`: a relation's own columns and shared ones.
template <class Item>
[[nodiscard]] std::vector<ColumnDef<Item>> with_columns(std::vector<ColumnDef<Item>> first, std::vector<ColumnDef<Item>> more) {
  for (auto& c : more) first.push_back(std::move(c));
  return first;
}

/// labels and annotations of an object, as map columns; `whose` names the object in their
/// documentation ("its", or "the binding's" where the row is not the object itself).
template <class Item, const analyzer::ObjectMeta* (*Meta)(const Item&)>
[[nodiscard]] std::vector<ColumnDef<Item>> metadata_columns(std::string_view whose = "its") {
  return {
      {"labels", Type::map, fmt::format("{} labels (labels has \"KEY\", label(\"KEY\") = VALUE); null when it is not defined", whose),
       [](const Item& i) -> Value {
         const analyzer::ObjectMeta* m = Meta(i);
         return m == nullptr ? Value() : Value(MapValue::borrow(m->labels));
       },
       {},
       true},
      {"annotations", Type::map,
       fmt::format("{} annotations (annotations has \"KEY\", annotation(\"KEY\") = VALUE), without kubectl's "
                   "last-applied-configuration; null when it is not defined",
                   whose),
       [](const Item& i) -> Value {
         const analyzer::ObjectMeta* m = Meta(i);
         return m == nullptr ? Value() : Value(MapValue::borrow(m->annotations));
       },
       {},
       true},
  };
}

/// The rule's columns, shared by rules and grants: verbs, api_groups, resources, resource_names, urls.
template <class Item, const analyzer::PolicyRule& (*Rule)(const Item&)>
[[nodiscard]] std::vector<ColumnDef<Item>> rule_columns() {
  return {
      {"verbs", Type::list, "the rule's verbs", [](const Item& i) -> Value { return ListValue::borrow(Rule(i).verbs); }},
      {"api_groups", Type::list, "the rule's apiGroups (\"\" is the core group)", [](const Item& i) -> Value { return ListValue::borrow(Rule(i).api_groups); }},
      {"resources", Type::list, "the rule's resources (pods, pods/log, *)", [](const Item& i) -> Value { return ListValue::borrow(Rule(i).resources); }},
      {"resource_names", Type::list, "the rule's resourceNames (empty: every name)",
       [](const Item& i) -> Value { return ListValue::borrow(Rule(i).resource_names); }},
      {"urls", Type::list, "the rule's nonResourceURLs", [](const Item& i) -> Value { return ListValue::borrow(Rule(i).non_resource_urls); }},
      {"aggregated_from", Type::string, "the ClusterRole aggregation copied the rule from, or null",
       [](const Item& i) -> Value { return Value::borrow_optional(Rule(i).aggregated_from); }},
  };
}

}  // namespace rbacq::query::builtin
