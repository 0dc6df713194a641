// SPDX-License-Identifier: Apache-2.0
#include "analyzer/catalogue/default_policy.hpp"

#include <set>
#include <span>
#include <string>
#include <tuple>

#include "analyzer/input/loader.hpp"
#include "support/embedded_text.hpp"

namespace rbacq::analyzer::catalogue {

// Generated from analyzer/catalogue/default_policy/*.yaml (cmake/EmbedText.cmake).
std::span<const EmbeddedText> embedded_texts();

namespace {

using Key = std::tuple<bool, std::string, std::string>;  // cluster-scoped, namespace, name

void load_defaults(Model& defaults, Diagnostics& problems) {
  for (const EmbeddedText& file : embedded_texts()) {
    load_text(file.text, std::string(kBuiltinPrefix) + std::string(file.name), LoadLimits{}, defaults, problems);
  }
}

}  // namespace

bool is_default_role(bool cluster, std::string_view namespace_, std::string_view name) {
  static const std::set<Key> names = [] {
    Model defaults;
    Diagnostics ignored;
    load_defaults(defaults, ignored);
    std::set<Key> out;
    for (const Role& r : defaults.roles) out.emplace(r.cluster, r.cluster ? std::string() : r.meta.namespace_, r.meta.name);
    return out;
  }();
  return names.contains(Key{cluster, cluster ? std::string() : std::string(namespace_), std::string(name)});
}

std::size_t add_default_policy(Model& model, Diagnostics& diagnostics) {
  Model defaults;
  Diagnostics problems;
  load_defaults(defaults, problems);
  // The files are part of rbacq: a problem in them is a bug, not a user's input error.
  for (const Diagnostic& d : problems.items()) {
    if (d.severity == Severity::error) diagnostics.add(d);
  }

  std::set<Key> defined;
  for (const Role& r : model.roles) defined.emplace(r.cluster, r.meta.namespace_, r.meta.name);
  std::set<Key> bound;
  for (const Binding& b : model.bindings) bound.emplace(b.cluster, b.meta.namespace_, b.meta.name);

  std::size_t added = 0;
  for (Role& r : defaults.roles) {
    if (defined.contains(Key{r.cluster, r.meta.namespace_, r.meta.name})) continue;
    model.roles.push_back(std::move(r));
    ++added;
  }
  for (Binding& b : defaults.bindings) {
    if (bound.contains(Key{b.cluster, b.meta.namespace_, b.meta.name})) continue;
    model.bindings.push_back(std::move(b));
    ++added;
  }
  return added;
}

}  // namespace rbacq::analyzer::catalogue
