// SPDX-License-Identifier: Apache-2.0
// The kinds rbacq decodes: the table in decoders.cpp gives each kind one line with the API
// versions Kubernetes serves it under, its scope and the function (decoders/*.cpp) that reads it.
// Add a kind by adding its decoder under decoders/ and its line to the table.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "analyzer/input/document.hpp"
#include "analyzer/input/object_reader.hpp"
#include "analyzer/input/object_store.hpp"
#include "analyzer/model.hpp"

namespace rbacq::analyzer {

/// Reads the body of object `node`, whose kind, apiVersion and metadata are read already
/// (`meta`), and adds it to `out` unless it is malformed. Problems are reported through `r`,
/// which also says whether there were any.
using DecodeFn = void (*)(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);

/// Where a kind's objects live, which decides what their metadata must hold.
enum class KindScope : std::uint8_t {
  namespaced,  // metadata.namespace applies (none written: kubectl's context namespace)
  cluster,     // the API server ignores metadata.namespace
  client,      // a client-side file (a kubeconfig): neither namespace nor name
};

/// One line of the table.
struct KindDecoder {
  std::string_view kind;
  KindScope scope;
  DecodeFn decode;
  /// Versions Kubernetes serves the kind under or once served it (RBAC's v1beta1, extensions/v1beta1
  /// Deployments): old manifests still say them, and the objects are the same.
  std::initializer_list<std::string_view> api_versions;
};

/// The line of `kind`, or nullptr for a kind rbacq only counts.
[[nodiscard]] const KindDecoder* find_decoder(std::string_view kind);

/// True when `api_version` is one of the kind's: `rbac.authorization.k8s.io/v2` or a missing
/// apiVersion is not, so such an object is not taken for the real thing.
[[nodiscard]] bool serves(const KindDecoder& kind, std::string_view api_version);

}  // namespace rbacq::analyzer
