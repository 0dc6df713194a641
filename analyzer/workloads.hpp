// SPDX-License-Identifier: Apache-2.0
// Facts about workloads (Pods and pod controllers) that Kubernetes fills in when they are created.
#pragma once

#include <string>

#include "analyzer/model.hpp"

namespace rbacq::analyzer {

/// The annotation the kubelet puts on the API object that mirrors a static pod.
inline constexpr std::string_view kMirrorPodAnnotation = "kubernetes.io/config.mirror";

/// Whether the workload is a mirror pod: the kubelet's API copy of a static pod (the kubeadm
/// control plane: etcd, kube-apiserver, kube-controller-manager, kube-scheduler).
[[nodiscard]] bool is_mirror_pod(const Workload& workload);

/// The ServiceAccount a workload's pods run as: spec.serviceAccountName (or its deprecated alias
/// serviceAccount), else "default" — the ServiceAccount admission plugin sets that on every pod
/// created without one, so the pod gets the namespace's "default" account and its permissions.
/// nullptr for a mirror pod: the same admission plugin refuses any service account on one (it
/// must match the kubelet's static manifest), so it runs with no RBAC identity at all.
[[nodiscard]] const std::string* service_account_of(const Workload& workload);

}  // namespace rbacq::analyzer
