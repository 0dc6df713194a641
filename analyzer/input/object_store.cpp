// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/object_store.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "analyzer/input/same_definition.hpp"

namespace rbacq::analyzer {

namespace {

std::uint64_t identity_hash(const ObjectMeta& meta) {
  const std::hash<std::string_view> hash;
  std::uint64_t h = hash(meta.kind);
  h = (h ^ (h >> 29U)) * 0x9E3779B97F4A7C15ULL ^ hash(meta.namespace_);
  return (h ^ (h >> 29U)) * 0x9E3779B97F4A7C15ULL ^ hash(meta.name);
}

}  // namespace

template <class T>
std::optional<std::size_t> ObjectStore::find_kept(const std::vector<T>& objects, std::uint64_t hash, const ObjectMeta& meta) const {
  return seen_.find(hash, [&](std::size_t index) {
    if (index >= objects.size()) return false;  // an object of another kind's vector
    const ObjectMeta& kept = objects[index].meta;
    return kept.kind == meta.kind && kept.name == meta.name && kept.namespace_ == meta.namespace_;
  });
}

template <class T>
void ObjectStore::keep(std::vector<T>& objects, T object) {
  if (object.meta.generated_name) {  // generateName: every apply creates a new object
    objects.push_back(std::move(object));
    return;
  }
  const std::uint64_t hash = identity_hash(object.meta);
  const std::optional<std::size_t> found = find_kept(objects, hash, object.meta);
  if (!found) {
    if (held_) held_->new_keys = true;  // first: discard() rebuilds the index whatever happens next
    seen_.insert(hash, objects.size());
    objects.push_back(std::move(object));
    return;
  }
  const std::size_t at = *found;
  if (held_) {
    // A definition from before hold() is replaced in place: discard() puts it back. (One added
    // after hold() is gone by then: nothing to put back.)
    held_->put_back.emplace_back([&objects, at, earlier = objects[at]]() mutable {
      if (at < objects.size()) objects[at] = std::move(earlier);
    });
  }
  // Applied in order, the later definition replaces the earlier one: keep the later, say so.
  // When both say the same, nothing is lost: they are counted, and said once per pair of files.
  const SourceLocation earlier = objects[at].meta.loc;
  if (same_definition(objects[at], object)) {
    ++identical_[{earlier.file, object.meta.loc.file}];
  } else {
    const std::string& ns = object.meta.namespace_;
    diags_.add(Diagnostic{"input-duplicate", Severity::warning, object.meta.loc,
                          fmt::format("{} '{}{}{}' is defined more than once; this definition replaces the earlier one",
                                      object.meta.kind, ns, ns.empty() ? "" : "/", object.meta.name),
                          {Note{earlier, "earlier definition is here"}}});
    // A different earlier definition of a role or binding stays for the rules that judge each
    // definition by itself.
    if constexpr (std::is_same_v<T, Role>) model_.superseded_roles.push_back(std::move(objects[at]));
    if constexpr (std::is_same_v<T, Binding>) model_.superseded_bindings.push_back(std::move(objects[at]));
  }
  objects[at] = std::move(object);
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
  if (!ns.empty() && ns == last_namespace_) return;  // a dump lists a namespace's objects together
  if (held_) held_->new_namespaces.reserve(held_->new_namespaces.size() + 1);  // so that recording it cannot fail after the insert
  const auto [it, inserted] = model_.namespaces_seen.insert(ns);
  if (inserted && held_) held_->new_namespaces.push_back(it);
  last_namespace_ = ns;
}

template <class F>
void ObjectStore::for_each_kept_vector(F each) {
  each(model_.roles);
  each(model_.bindings);
  each(model_.service_accounts);
  each(model_.namespaces);
  each(model_.secrets);
  each(model_.workloads);
  each(model_.crds);
  each(model_.aws_auth);
}

template <class F>
void ObjectStore::for_each_vector(F each) {
  for_each_kept_vector(each);
  each(model_.kubeconfigs);
  each(model_.superseded_roles);
  each(model_.superseded_bindings);
}

void ObjectStore::hold() {
  Held held;  // built aside: out of memory here leaves nothing held
  for_each_vector([&](const auto& objects) { held.sizes.push_back(objects.size()); });
  held.identical = identical_;
  held_ = std::move(held);
}

void ObjectStore::discard() {
  if (!held_) return;
  Held held = std::move(*held_);
  held_.reset();
  // Newest first: what was added goes, then what was replaced comes back.
  std::size_t i = 0;
  for_each_vector([&](auto& objects) { objects.resize(held.sizes[i++]); });
  std::for_each(held.put_back.rbegin(), held.put_back.rend(), [](auto& put_back) { put_back(); });
  if (held.new_keys) {
    // Rare (a List that broke off): the index is built again from the objects kept.
    seen_.clear();
    for_each_kept_vector([&](const auto& objects) {
      for (std::size_t at = 0; at < objects.size(); ++at) {
        if (!objects[at].meta.generated_name) seen_.insert(identity_hash(objects[at].meta), at);
      }
    });
  }
  for (const auto& ns : held.new_namespaces) model_.namespaces_seen.erase(ns);
  last_namespace_.clear();
  identical_ = std::move(held.identical);
}

}  // namespace rbacq::analyzer
