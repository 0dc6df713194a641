// SPDX-License-Identifier: Apache-2.0
#include "analyzer/kept_definitions.hpp"

namespace rbacq::analyzer {

KeptDefinitions::KeptDefinitions(const Model& model) {
  if (model.superseded_roles.empty()) return;
  for (const Role& r : model.superseded_roles) kept_.emplace(Key{r.cluster, r.meta.namespace_, r.meta.name}, nullptr);
  for (const Role& r : model.roles) {
    const auto it = kept_.find(Key{r.cluster, r.meta.namespace_, r.meta.name});
    if (it != kept_.end()) it->second = &r;
  }
}

const Role* KeptDefinitions::of(const Role& role) const {
  const auto it = kept_.find(Key{role.cluster, role.meta.namespace_, role.meta.name});
  if (it == kept_.end() || it->second == nullptr) return &role;
  return it->second;
}

}  // namespace rbacq::analyzer
