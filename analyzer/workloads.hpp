// SPDX-License-Identifier: Apache-2.0
// Facts about workloads (Pods and pod controllers) that Kubernetes fills in when they are created.
#pragma once

#include <string>

#include "analyzer/model.hpp"

namespace rbacq::analyzer {

/// The ServiceAccount a workload's pods run as: spec.serviceAccountName (or its deprecated alias
/// serviceAccount), else "default" — the ServiceAccount admission plugin sets that on every pod
/// created without one, so the pod gets the namespace's "default" account and its permissions.
[[nodiscard]] const std::string& service_account_of(const Workload& workload);

}  // namespace rbacq::analyzer
