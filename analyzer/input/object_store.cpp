// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/object_store.hpp"

#include <type_traits>

#include <fmt/format.h>

#include "analyzer/input/same_definition.hpp"

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
    if (held_) held_->new_keys.push_back(it);
    objects.push_back(std::move(object));
    return;
  }
  if (held_) {
    // A definition from before hold() is replaced in place: discard() puts it back.
    held_->changed_keys.emplace_back(it, it->second);
    // (One added after hold() is gone by then: nothing to put back.)
    const std::size_t at = it->second.first;
    held_->put_back.emplace_back([&objects, at, earlier = objects[at]]() mutable {
      if (at < objects.size()) objects[at] = std::move(earlier);
    });
  }
  // Applied in order, the later definition replaces the earlier one: keep the later, say so.
  // When both say the same, nothing is lost: they are counted, and said once per pair of files.
  if (same_definition(objects[it->second.first], object)) {
    ++identical_[{it->second.second.file, object.meta.loc.file}];
  } else {
    const std::string& ns = object.meta.namespace_;
    diags_.add(Diagnostic{"input-duplicate", Severity::warning, object.meta.loc,
                          fmt::format("{} '{}{}{}' is defined more than once; this definition replaces the earlier one",
                                      object.meta.kind, ns, ns.empty() ? "" : "/", object.meta.name),
                          {Note{it->second.second, "earlier definition is here"}}});
    // A different earlier definition of a role or binding stays for the rules that judge each
    // definition by itself.
    if constexpr (std::is_same_v<T, Role>) model_.superseded_roles.push_back(std::move(objects[it->second.first]));
    if constexpr (std::is_same_v<T, Binding>) model_.superseded_bindings.push_back(std::move(objects[it->second.first]));
  }
  objects[it->second.first] = std::move(object);
  it->second.second = objects[it->second.first].meta.loc;
}

void ObjectStore::finish_file(FilePath file) {
  for (auto it = identical_.begin(); it != identical_.end();) {
    const auto& [earlier, later] = it->first;
    if (later != file) {
      ++it;
      continue;
    }
    const std::size_t n = it->second;
    const std::string where = earlier == later ? std::string("earlier in the same file") : fmt::format("in {}", earlier.str());
    diags_.add_uncapped(Diagnostic{"input-duplicate", Severity::warning, SourceLocation{later, 0, 0},
                                   fmt::format("{} object{} in {} {} defined identically {}; the later definition{} {} used", n,
                                               n == 1 ? "" : "s", later.str(), n == 1 ? "is" : "are", where, n == 1 ? "" : "s",
                                               n == 1 ? "is" : "are"),
                                   {}});
    it = identical_.erase(it);
  }
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

void ObjectStore::saw_namespace(const std::string& ns) {
  const auto [it, inserted] = model_.namespaces_seen.insert(ns);
  if (inserted && held_) held_->new_namespaces.push_back(it);
}

template <class F>
void ObjectStore::for_each_vector(F each) {
  each(model_.roles);
  each(model_.bindings);
  each(model_.service_accounts);
  each(model_.namespaces);
  each(model_.secrets);
  each(model_.workloads);
  each(model_.crds);
  each(model_.kubeconfigs);
  each(model_.aws_auth);
  each(model_.superseded_roles);
  each(model_.superseded_bindings);
}

void ObjectStore::hold() {
  held_.emplace();
  for_each_vector([&](const auto& objects) { held_->sizes.push_back(objects.size()); });
  held_->identical = identical_;
}

void ObjectStore::discard() {
  if (!held_) return;
  Held held = std::move(*held_);
  held_.reset();
  // Newest first: what was added goes, then what was replaced comes back.
  std::size_t i = 0;
  for_each_vector([&](auto& objects) { objects.resize(held.sizes[i++]); });
  for (auto it = held.put_back.rbegin(); it != held.put_back.rend(); ++it) (*it)();
  for (auto it = held.changed_keys.rbegin(); it != held.changed_keys.rend(); ++it) it->first->second = it->second;
  for (const auto& key : held.new_keys) seen_.erase(key);
  for (const auto& ns : held.new_namespaces) model_.namespaces_seen.erase(ns);
  identical_ = std::move(held.identical);
}

}  // namespace rbacq::analyzer
