// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/kinds.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace rbacq::analyzer {
namespace {

struct KnownKind {
  std::string_view kind;
  std::initializer_list<std::string_view> api_versions;
};

// NOLINTNEXTLINE(cert-err58-cpp): constant data
const std::array<KnownKind, 18> kKinds{{
    {"ClusterRole", {"rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"}},
    {"ClusterRoleBinding", {"rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"}},
    {"Config", {"v1", ""}},  // kubeconfigs: client-go loads them without apiVersion too
    {"ConfigMap", {"v1"}},
    {"CronJob", {"batch/v1", "batch/v1beta1", "batch/v2alpha1"}},
    {"CustomResourceDefinition", {"apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1"}},
    {"DaemonSet", {"apps/v1", "apps/v1beta2", "extensions/v1beta1"}},
    {"Deployment", {"apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"}},
    {"Job", {"batch/v1"}},
    {"Namespace", {"v1"}},
    {"Pod", {"v1"}},
    {"ReplicaSet", {"apps/v1", "apps/v1beta2", "extensions/v1beta1"}},
    {"ReplicationController", {"v1"}},
    {"Role", {"rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"}},
    {"RoleBinding", {"rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"}},
    {"Secret", {"v1"}},
    {"ServiceAccount", {"v1"}},
    {"StatefulSet", {"apps/v1", "apps/v1beta1", "apps/v1beta2"}},
}};

const KnownKind* lookup(std::string_view kind) {
  const auto* const it = std::find_if(kKinds.begin(), kKinds.end(), [&](const KnownKind& k) { return k.kind == kind; });
  return it == kKinds.end() ? nullptr : &*it;
}

}  // namespace

bool is_decoded_kind(std::string_view kind) { return lookup(kind) != nullptr; }

bool is_known_api(std::string_view kind, std::string_view api_version) {
  const KnownKind* k = lookup(kind);
  return k != nullptr &&
         std::find(k->api_versions.begin(), k->api_versions.end(), api_version) != k->api_versions.end();
}

bool is_cluster_scoped_kind(std::string_view kind) {
  return kind == "ClusterRole" || kind == "ClusterRoleBinding" || kind == "Namespace" ||
         kind == "CustomResourceDefinition" || kind == "Config";
}

}  // namespace rbacq::analyzer
