// SPDX-License-Identifier: Apache-2.0
// The table of decoded kinds: one line per kind.
#include "analyzer/input/decoders.hpp"

#include <algorithm>
#include <array>

#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

using enum KindScope;

constexpr std::string_view kRbacV1 = "rbac.authorization.k8s.io/v1";
constexpr std::string_view kRbacV1beta1 = "rbac.authorization.k8s.io/v1beta1";
constexpr std::string_view kRbacV1alpha1 = "rbac.authorization.k8s.io/v1alpha1";

// NOLINTNEXTLINE(cert-err58-cpp): constant data
const std::array<KindDecoder, 18> kDecoders{{
    {"ClusterRole", cluster, decode_role, {kRbacV1, kRbacV1beta1, kRbacV1alpha1}},
    {"ClusterRoleBinding", cluster, decode_binding, {kRbacV1, kRbacV1beta1, kRbacV1alpha1}},
    {"Config", client, decode_kubeconfig, {"v1", ""}},  // client-go loads kubeconfigs without apiVersion too
    {"ConfigMap", namespaced, decode_aws_auth, {"v1"}},  // only kube-system/aws-auth is read
    {"CronJob", namespaced, decode_workload, {"batch/v1", "batch/v1beta1", "batch/v2alpha1"}},
    {"CustomResourceDefinition", cluster, decode_crd, {"apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1"}},
    {"DaemonSet", namespaced, decode_workload, {"apps/v1", "apps/v1beta2", "extensions/v1beta1"}},
    {"Deployment", namespaced, decode_workload, {"apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"}},
    {"Job", namespaced, decode_workload, {"batch/v1"}},
    {"Namespace", cluster, decode_namespace, {"v1"}},
    {"Pod", namespaced, decode_workload, {"v1"}},
    {"ReplicaSet", namespaced, decode_workload, {"apps/v1", "apps/v1beta2", "extensions/v1beta1"}},
    {"ReplicationController", namespaced, decode_workload, {"v1"}},
    {"Role", namespaced, decode_role, {kRbacV1, kRbacV1beta1, kRbacV1alpha1}},
    {"RoleBinding", namespaced, decode_binding, {kRbacV1, kRbacV1beta1, kRbacV1alpha1}},
    {"Secret", namespaced, decode_secret, {"v1"}},
    {"ServiceAccount", namespaced, decode_service_account, {"v1"}},
    {"StatefulSet", namespaced, decode_workload, {"apps/v1", "apps/v1beta1", "apps/v1beta2"}},
}};

}  // namespace

const KindDecoder* find_decoder(std::string_view kind) {
  const auto* const it = std::find_if(kDecoders.begin(), kDecoders.end(), [&](const KindDecoder& d) { return d.kind == kind; });
  return it == kDecoders.end() ? nullptr : &*it;
}

bool serves(const KindDecoder& kind, std::string_view api_version) {
  return std::find(kind.api_versions.begin(), kind.api_versions.end(), api_version) != kind.api_versions.end();
}

}  // namespace rbacq::analyzer
