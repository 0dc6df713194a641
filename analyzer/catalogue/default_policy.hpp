// SPDX-License-Identifier: Apache-2.0
// The default bootstrap policy a kube-apiserver creates (`--with-defaults`): `cluster-admin`,
// `admin`/`edit`/`view` with their aggregation, the `system:*` roles and their bindings, as the
// Kubernetes minor of `--k8s-version` creates them (analyzer/catalogue/default_policy/README.md).
// Repositories reference these roles without defining them; without them every such binding
// would be a resolution error.
#pragma once

#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer::catalogue {

/// The prefix of the locations of built-in objects: "<built-in>/cluster-roles.yaml:27:5".
inline constexpr std::string_view kBuiltinPrefix = "<built-in>/";

/// Kubernetes 1.`minor`'s default roles and bindings, parsed from the compiled-in files on each
/// call (only --with-defaults and the "would resolve it" hint need them). `minor` is one of
/// kOldestMinor..kNewestMinor. A problem in the files is a bug in rbacq: it is added to
/// `problems` as it is.
void load_default_policy(int minor, Model& defaults, Diagnostics& problems);

/// Adds Kubernetes 1.`minor`'s default roles and bindings to `model`. An object of the same kind,
/// namespace and name that the input defines wins, as the input describes the cluster as it is.
/// Returns the number of default objects added.
std::size_t add_default_policy(int minor, Model& model, Diagnostics& diagnostics);

/// True when Kubernetes 1.`minor`'s default policy defines a ClusterRole (cluster) or a Role in
/// `namespace_` with this name: a binding to it resolves once `--with-defaults` is given.
[[nodiscard]] bool is_default_role(int minor, bool cluster, std::string_view namespace_, std::string_view name);

/// True when Kubernetes 1.`minor`'s default policy binds ServiceAccount `namespace_`/`name`: the
/// kube-system accounts of kube-controller-manager's controllers (controller-role-bindings), of
/// kube-dns, bootstrap-signer, token-cleaner… — Kubernetes' own components, not workloads.
[[nodiscard]] bool is_default_service_account(int minor, std::string_view namespace_, std::string_view name);

}  // namespace rbacq::analyzer::catalogue
