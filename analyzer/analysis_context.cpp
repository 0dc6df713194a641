// SPDX-License-Identifier: Apache-2.0
#include "analyzer/analysis_context.hpp"

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "analyzer/catalogue/default_policy.hpp"
#include "analyzer/rbac/aggregation.hpp"

namespace rbacq::analyzer {

AnalysisContext::AnalysisContext(const std::vector<std::string>& paths, const AnalysisOptions& options)
    : AnalysisContext(load(paths, options.limits), options) {}

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
/// `default/rb` and a namespace-less `rb`): as kubectl apply in order, the later one stays.
template <class T>
void drop_defaulted_duplicates(std::vector<T>& objects, const std::string& ns, Diagnostics& diagnostics) {
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
  std::vector<bool> replaced(objects.size(), false);
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const ObjectMeta& meta = objects[i].meta;
    if (meta.generated_name) continue;
    const auto [it, inserted] = seen.try_emplace(std::make_tuple(meta.kind, meta.namespace_, meta.name), i);
    if (inserted) continue;
    const ObjectMeta& earlier = objects[it->second].meta;
    diagnostics.add(Diagnostic{"input-duplicate", Severity::warning, meta.loc,
                               fmt::format("{} '{}/{}' is defined more than once when objects without a namespace are put in "
                                           "'{}'; this definition replaces the earlier one",
                                           meta.kind, meta.namespace_, meta.name, ns),
                               {Note{earlier.loc, "earlier definition is here"}}});
    replaced[it->second] = true;
    it->second = i;
  }
  std::size_t i = 0;
  std::erase_if(objects, [&](const T&) { return replaced[i++]; });
}

}  // namespace

void AnalysisContext::resolve() {
  default_namespaces(loaded_.model, options_.default_namespace, loaded_.diagnostics);
  if (!options_.default_namespace.empty()) {
    drop_defaulted_duplicates(loaded_.model.roles, options_.default_namespace, loaded_.diagnostics);
    drop_defaulted_duplicates(loaded_.model.bindings, options_.default_namespace, loaded_.diagnostics);
    drop_defaulted_duplicates(loaded_.model.service_accounts, options_.default_namespace, loaded_.diagnostics);
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
