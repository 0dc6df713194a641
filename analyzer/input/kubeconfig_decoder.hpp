// SPDX-License-Identifier: Apache-2.0
// kubeconfig (`kind: Config`) → Kubeconfig: clusters, contexts, and how each user authenticates.
#pragma once

#include "analyzer/input/object_reader.hpp"

namespace rbacq::analyzer {

/// Reads a kubeconfig leniently: client-go loads partial kubeconfigs, and for finding
/// credentials a broken entry must not hide its neighbours, so each cluster, context and user
/// is kept or dropped on its own. Credential material goes into `Sensitive` values only.
void read_kubeconfig(ObjectReader& r, NodeId node, Kubeconfig& config);

}  // namespace rbacq::analyzer
