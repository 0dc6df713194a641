// SPDX-License-Identifier: Apache-2.0
// Everything the questions about one set of inputs need, computed once: the loaded model (with
// the default policy and aggregation applied), the API catalogue, the authorizer and, on first
// use, the access graph.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/graph/access_graph.hpp"
#include "analyzer/input/loader.hpp"
#include "analyzer/rbac/authorizer.hpp"

namespace rbacq::analyzer {

struct AnalysisOptions {
  LoadLimits limits;
  /// Add Kubernetes' default bootstrap policy (`--with-defaults`), that of `k8s_minor`.
  bool with_defaults = false;
  /// The Kubernetes minor version whose API resources and default policy are assumed
  /// (`--k8s-version 1.MINOR`).
  int k8s_minor = catalogue::kNewestMinor;
  /// The namespace of namespaced objects written without one, as `kubectl apply` would put
  /// them in its context's namespace (`--default-namespace`).
  std::string default_namespace = "default";
  /// Files the directories given do not contribute: the tool's own files among the manifests
  /// (lint's configuration and baselines), which are not Kubernetes objects.
  std::vector<std::string> passed_over;
};

/// Built once per run; not copyable or movable, because the authorizer points into the model.
class AnalysisContext {
 public:
  /// Loads the paths and resolves the policy. Never fails: problems are diagnostics.
  AnalysisContext(const std::vector<std::string>& paths, const AnalysisOptions& options);
  /// For tests and embedding: an already loaded model.
  AnalysisContext(LoadResult loaded, AnalysisOptions options);
  AnalysisContext(const AnalysisContext&) = delete;
  AnalysisContext& operator=(const AnalysisContext&) = delete;

  [[nodiscard]] const Model& model() const { return loaded_.model; }
  [[nodiscard]] const Diagnostics& diagnostics() const { return loaded_.diagnostics; }
  [[nodiscard]] const catalogue::ApiCatalogue& catalogue() const { return *catalogue_; }
  [[nodiscard]] const rbac::Authorizer& authorizer() const { return *authorizer_; }
  /// The subject → binding → role → rule graph, built on first use: can-i and who-can never
  /// need it. Safe to call from several threads.
  [[nodiscard]] const graph::AccessGraph& graph() const;
  [[nodiscard]] const AnalysisOptions& options() const { return options_; }
  /// Default objects added by --with-defaults (0 without it).
  [[nodiscard]] std::size_t defaults_added() const { return defaults_added_; }
  /// The minor whose default policy --with-defaults added; nullopt without --with-defaults.
  [[nodiscard]] std::optional<int> default_policy_minor() const {
    return options_.with_defaults ? std::optional<int>(options_.k8s_minor) : std::nullopt;
  }

 private:
  void resolve();

  AnalysisOptions options_;
  LoadResult loaded_;
  std::size_t defaults_added_ = 0;
  std::unique_ptr<catalogue::ApiCatalogue> catalogue_;
  std::unique_ptr<rbac::Authorizer> authorizer_;
  mutable std::once_flag graph_once_;
  mutable std::unique_ptr<graph::AccessGraph> graph_;
};

}  // namespace rbacq::analyzer
