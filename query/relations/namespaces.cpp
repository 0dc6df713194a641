// SPDX-License-Identifier: Apache-2.0
// namespaces: every namespace an object is in or a Namespace defines.
#include <map>

#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

struct NamespaceItem {
  std::string name;
  const analyzer::Namespace* defined = nullptr;
  std::size_t bindings = 0, roles = 0, serviceaccounts = 0, workloads = 0, secrets = 0;
};

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const NamespaceItem&)>& visit) {
  const analyzer::Model& m = context.model();
  std::map<std::string, NamespaceItem> items;
  const auto item = [&](const std::string& ns) -> NamespaceItem& {
    NamespaceItem& n = items[ns];
    n.name = ns;
    return n;
  };
  for (const auto& ns : m.namespaces_seen) item(ns);
  for (const auto& n : m.namespaces) item(n.meta.name).defined = &n;
  for (const auto& b : m.bindings) {
    if (!b.cluster && !b.meta.namespace_.empty()) ++item(b.meta.namespace_).bindings;
  }
  for (const auto& r : m.roles) {
    if (!r.cluster && !r.meta.namespace_.empty()) ++item(r.meta.namespace_).roles;
  }
  for (const auto& sa : m.service_accounts) ++item(sa.meta.namespace_).serviceaccounts;
  for (const auto& w : m.workloads) ++item(w.meta.namespace_).workloads;
  for (const auto& s : m.secrets) ++item(s.meta.namespace_).secrets;
  items.erase("");
  for (const auto& [name, value] : items) {
    if (!visit(value)) return;
  }
}

std::vector<Evidence> explain(const NamespaceItem& n) {
  if (n.defined != nullptr) return {object_evidence(n.defined->meta)};
  return {};
}

RowObjects objects(const NamespaceItem& n) {
  RowObjects out;  // a namespace is no node of the access graph
  if (n.defined != nullptr) {
    out.primary = &n.defined->meta;
    out.at = n.defined->meta.loc;
  }
  return out;
}

const analyzer::ObjectMeta* meta_of(const NamespaceItem& n) { return n.defined == nullptr ? nullptr : &n.defined->meta; }

}  // namespace

const Relation& namespaces() {
  static const TableRelation<NamespaceItem> relation(
      "namespaces", "Every namespace a Namespace defines or an object of the input is in.",
      with_columns<NamespaceItem>(
          {
          {"name", Type::string, "the namespace", [](const NamespaceItem& n) -> Value { return n.name; }},
          {"exists", Type::boolean, "defined by a Namespace object in the input", [](const NamespaceItem& n) -> Value { return n.defined != nullptr; }},
          {"bindings", Type::integer, "RoleBindings in it", [](const NamespaceItem& n) -> Value { return Value::count(n.bindings); }},
          {"roles", Type::integer, "Roles in it", [](const NamespaceItem& n) -> Value { return Value::count(n.roles); }},
          {"serviceaccounts", Type::integer, "ServiceAccounts defined in it", [](const NamespaceItem& n) -> Value { return Value::count(n.serviceaccounts); }},
          {"workloads", Type::integer, "pods and pod controllers in it", [](const NamespaceItem& n) -> Value { return Value::count(n.workloads); }},
          {"secrets", Type::integer, "Secrets in it", [](const NamespaceItem& n) -> Value { return Value::count(n.secrets); }},
          },
          metadata_columns<NamespaceItem, meta_of>()),
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
