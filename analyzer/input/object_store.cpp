// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/object_store.hpp"

#include <fmt/format.h>

namespace rbacq::analyzer {

template <class T>
void ObjectStore::keep(std::vector<T>& objects, T object) {
  if (object.meta.generated_name) {  // generateName: every apply creates a new object
    objects.push_back(std::move(object));
    return;
  }
  auto key = std::make_tuple(object.meta.kind, object.meta.namespace_, object.meta.name);
  const auto [it, inserted] = seen_.try_emplace(std::move(key), objects.size(), object.meta.loc);
  if (inserted) {
    objects.push_back(std::move(object));
    return;
  }
  // Applied in order, the later definition replaces the earlier one: keep the later, say so.
  const std::string& ns = object.meta.namespace_;
  diags_.add(Diagnostic{"input-duplicate", Severity::warning, object.meta.loc,
                        fmt::format("{} '{}{}{}' is defined more than once; this definition replaces the earlier one",
                                    object.meta.kind, ns, ns.empty() ? "" : "/", object.meta.name),
                        {Note{it->second.second, "earlier definition is here"}}});
  objects[it->second.first] = std::move(object);
  it->second.second = objects[it->second.first].meta.loc;
}

void ObjectStore::add(Role role) { keep(model_.roles, std::move(role)); }
void ObjectStore::add(Binding binding) { keep(model_.bindings, std::move(binding)); }
void ObjectStore::add(ServiceAccount account) { keep(model_.service_accounts, std::move(account)); }
void ObjectStore::add(Namespace ns) { keep(model_.namespaces, std::move(ns)); }
void ObjectStore::add(Secret secret) { keep(model_.secrets, std::move(secret)); }
void ObjectStore::add(Workload workload) { keep(model_.workloads, std::move(workload)); }
void ObjectStore::add(CustomResourceDefinition crd) { keep(model_.crds, std::move(crd)); }
void ObjectStore::add(AwsAuth auth) { keep(model_.aws_auth, std::move(auth)); }
void ObjectStore::add(Kubeconfig config) { model_.kubeconfigs.push_back(std::move(config)); }

}  // namespace rbacq::analyzer
