// SPDX-License-Identifier: Apache-2.0
#include "analyzer/analysis_context.hpp"

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "analyzer/catalogue/default_policy.hpp"
#include "analyzer/rbac/aggregation.hpp"

namespace rbacq::analyzer {

AnalysisContext::AnalysisContext(const std::vector<std::string>& paths, const AnalysisOptions& options)
    : AnalysisContext(load(paths, options.limits, options.passed_over), options) {}

AnalysisContext::AnalysisContext(LoadResult loaded, AnalysisOptions options)
    : options_(std::move(options)), loaded_(std::move(loaded)) {
  resolve();
}

namespace {

/// Namespaced objects without a namespace land in the one kubectl would apply them to; one
/// note per file says so, at the first such object.
void default_namespaces(Model& model, const std::string& ns, Diagnostics& diagnostics) {
  if (ns.empty()) return;
  std::map<FilePath, std::pair<SourceLocation, std::size_t>> per_file;
  const auto fill = [&](ObjectMeta& meta) {
    if (!meta.namespace_.empty()) return;
    meta.namespace_ = ns;
    model.namespaces_seen.insert(ns);
    auto& [first, count] = per_file[meta.loc.file];
    if (count++ == 0 || meta.loc < first) first = meta.loc;
  };
  for (Role& r : model.roles) if (!r.cluster) fill(r.meta);
  for (Binding& b : model.bindings) if (!b.cluster) fill(b.meta);
  // Earlier definitions too: they are compared by name with the ones that replace them.
  for (Role& r : model.superseded_roles) if (!r.cluster) fill(r.meta);
  for (Binding& b : model.superseded_bindings) if (!b.cluster) fill(b.meta);
  for (ServiceAccount& sa : model.service_accounts) fill(sa.meta);
  for (Secret& s : model.secrets) fill(s.meta);
  for (Workload& w : model.workloads) fill(w.meta);
  for (const auto& [file, first_and_count] : per_file) {
    const auto& [first, count] = first_and_count;
    diagnostics.add("input-namespace", Severity::note, first,
                    fmt::format("{} namespaced object{} in this file {} no namespace: taken to be in namespace '{}', as kubectl "
                                "apply would (choose another with --default-namespace NS)",
                                count, count == 1 ? "" : "s", count == 1 ? "has" : "have", ns));
  }
}

/// Objects that became the same object once their namespace was defaulted (a RoleBinding
/// `default/rb` and a namespace-less `rb`): as kubectl apply in order, the later one (in file
/// and line order, as the files are applied) stays; the earlier goes to `superseded` when given.
template <class T>
void drop_defaulted_duplicates(std::vector<T>& objects, const std::string& ns, const std::vector<FilePath>& files, Diagnostics& diagnostics,
                               std::vector<T>* superseded) {
  // Load order: the files' (as given and walked), then lines.
  std::map<FilePath, std::size_t> file_order;
  for (std::size_t f = 0; f < files.size(); ++f) file_order.try_emplace(files[f], f);
  const auto order = [&](const SourceLocation& loc) {
    const auto f = file_order.find(loc.file);
    return std::make_tuple(f == file_order.end() ? files.size() : f->second, loc.line, loc.column);
  };
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
  std::vector<bool> replaced(objects.size(), false);
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const ObjectMeta& meta = objects[i].meta;
    if (meta.generated_name) continue;
    const auto [it, inserted] = seen.try_emplace(std::make_tuple(meta.kind, meta.namespace_, meta.name), i);
    if (inserted) continue;
    // Which one is applied later: the vector's order is not the files' once a definition of
    // the same namespace and name replaced another in place.
    const bool later = order(objects[it->second].meta.loc) < order(meta.loc);
    const std::size_t kept = later ? i : it->second;
    const std::size_t lost = later ? it->second : i;
    diagnostics.add(Diagnostic{"input-duplicate", Severity::warning, objects[kept].meta.loc,
                               fmt::format("{} '{}/{}' is defined more than once when objects without a namespace are put in "
                                           "'{}'; this definition replaces the earlier one",
                                           meta.kind, meta.namespace_, meta.name, ns),
                               {Note{objects[lost].meta.loc, "earlier definition is here"}}});
    replaced[lost] = true;
    it->second = kept;
  }
  std::size_t i = 0;
  std::vector<T> kept;
  kept.reserve(objects.size());
  for (T& object : objects) {
    if (!replaced[i++]) {
      kept.push_back(std::move(object));
    } else if (superseded != nullptr) {
      superseded->push_back(std::move(object));
    }
  }
  objects = std::move(kept);
}

}  // namespace

void AnalysisContext::resolve() {
  default_namespaces(loaded_.model, options_.default_namespace, loaded_.diagnostics);
  if (!options_.default_namespace.empty()) {
    Model& m = loaded_.model;
    drop_defaulted_duplicates(m.roles, options_.default_namespace, m.files, loaded_.diagnostics, &m.superseded_roles);
    drop_defaulted_duplicates(m.bindings, options_.default_namespace, m.files, loaded_.diagnostics, &m.superseded_bindings);
    drop_defaulted_duplicates<ServiceAccount>(m.service_accounts, options_.default_namespace, m.files, loaded_.diagnostics, nullptr);
  }
  if (options_.with_defaults) defaults_added_ = catalogue::add_default_policy(options_.k8s_minor, loaded_.model, loaded_.diagnostics);
  // The aggregation controller runs in every cluster: aggregated roles are empty in manifests.
  rbac::aggregate_cluster_roles(loaded_.model.roles, loaded_.diagnostics);
  catalogue_ = std::make_unique<catalogue::ApiCatalogue>(options_.k8s_minor, loaded_.model.crds);
  authorizer_ = std::make_unique<rbac::Authorizer>(loaded_.model);
}

const graph::AccessGraph& AnalysisContext::graph() const {
  std::call_once(graph_once_, [this] { graph_ = std::make_unique<graph::AccessGraph>(loaded_.model, authorizer_->bindings()); });
  return *graph_;
}

}  // namespace rbacq::analyzer
