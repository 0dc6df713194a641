// SPDX-License-Identifier: Apache-2.0
// The default bootstrap policy a kube-apiserver creates (`--with-defaults`): `cluster-admin`,
// `admin`/`edit`/`view` with their aggregation, the `system:*` roles and their bindings.
// Repositories reference these roles without defining them; without them every such binding
// would be a resolution error.
#pragma once

#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer::catalogue {

/// The prefix of the locations of built-in objects: "<built-in>/cluster-roles.yaml:27:5".
inline constexpr std::string_view kBuiltinPrefix = "<built-in>/";

/// Adds the default roles and bindings to `model`. An object of the same kind, namespace and
/// name that the input defines wins, as the input describes the cluster as it is. Returns the
/// number of default objects added.
std::size_t add_default_policy(Model& model, Diagnostics& diagnostics);

/// True when the default policy defines a ClusterRole (cluster) or a Role in `namespace_` with
/// this name: a binding to it resolves once `--with-defaults` is given.
[[nodiscard]] bool is_default_role(bool cluster, std::string_view namespace_, std::string_view name);

}  // namespace rbacq::analyzer::catalogue
