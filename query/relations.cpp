// SPDX-License-Identifier: Apache-2.0
// The table of relations: one entry per relation.
#include "query/relation.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query {

const std::vector<const Relation*>& relations() {
  static const std::vector<const Relation*> all{
      &builtin::subjects(), &builtin::serviceaccounts(), &builtin::bindings(),   &builtin::roles(),   &builtin::rules(),
      &builtin::grants(),   &builtin::namespaces(),      &builtin::workloads(),  &builtin::secrets(), &builtin::aggregations(),
      &builtin::resources(),
  };
  return all;
}

const Relation* find_relation(std::string_view name) {
  for (const Relation* r : relations()) {
    if (r->name() == name) return r;
  }
  return nullptr;
}

}  // namespace rbacq::query
