// SPDX-License-Identifier: Apache-2.0
// The kinds rbacq reads into its model, and the API versions it knows them under.
#pragma once

#include <string_view>

namespace rbacq::analyzer {

/// True for the kinds the decoder reads (Role, Deployment, Config, ...), whatever their API.
[[nodiscard]] bool is_decoded_kind(std::string_view kind);

/// True when `api_version` is one under which Kubernetes serves `kind` (or served it: RBAC's
/// v1beta1, extensions/v1beta1 Deployments). `rbac.authorization.k8s.io/v2` or a missing
/// apiVersion is not, so such an object is not taken for the real thing.
[[nodiscard]] bool is_known_api(std::string_view kind, std::string_view api_version);

/// Kinds whose objects have no namespace.
[[nodiscard]] bool is_cluster_scoped_kind(std::string_view kind);

}  // namespace rbacq::analyzer
