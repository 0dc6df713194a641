// SPDX-License-Identifier: Apache-2.0
// Built-in API resources of Kubernetes 1.27 … 1.35, written from `kubectl api-resources` and the
// API reference of each release. Alpha resources count from their first release: a rule may
// name them as soon as a feature gate can serve them. Authorization-only names (users, groups,
// userextras, uids, signers) are what the impersonation filter and the CSR signer checks ask
// RBAC about; nothing serves them.
#include "analyzer/catalogue/builtin_resources.hpp"

#include <array>

namespace rbacq::analyzer::catalogue {
namespace {

// Verb sets.
constexpr std::string_view kAll = "create delete deletecollection get list patch update watch";
constexpr std::string_view kCreate = "create";
constexpr std::string_view kStatus = "status=get,patch,update";
constexpr std::string_view kScaleStatus = "scale=get,patch,update status=get,patch,update";

constexpr std::array kTable = {
    // core
    BuiltinResource{"", "bindings", "Binding", "", true, kCreate, "", 0, 0},
    BuiltinResource{"", "componentstatuses", "ComponentStatus", "cs", false, "get list", "", 0, 0},
    BuiltinResource{"", "configmaps", "ConfigMap", "cm", true, kAll, "", 0, 0},
    BuiltinResource{"", "endpoints", "Endpoints", "ep", true, kAll, "", 0, 0},
    BuiltinResource{"", "events", "Event", "ev", true, kAll, "", 0, 0},
    BuiltinResource{"", "limitranges", "LimitRange", "limits", true, kAll, "", 0, 0},
    BuiltinResource{"", "namespaces", "Namespace", "ns", false, "create delete get list patch update watch",
                    "finalize=update status=get,patch,update", 0, 0},
    BuiltinResource{"", "nodes", "Node", "no", false, kAll, "proxy=create,delete,get,patch,update status=get,patch,update", 0, 0},
    // What the kubelet asks the API server about (its authorization webhook): nodes/stats,
    // nodes/metrics, … with the verb of the HTTP method (get, create, …).
    BuiltinResource{"", "nodes", "Node", "no", false, kAll,
                    "checkpoint=create,get configz=get healthz=get log=get metrics=get pods=get spec=get stats=create,get", 0, 0,
                    true},
    BuiltinResource{"", "persistentvolumeclaims", "PersistentVolumeClaim", "pvc", true, kAll, kStatus, 0, 0},
    BuiltinResource{"", "persistentvolumes", "PersistentVolume", "pv", false, kAll, kStatus, 0, 0},
    BuiltinResource{"", "pods", "Pod", "po", true, kAll,
                    "attach=create,get binding=create ephemeralcontainers=get,patch,update eviction=create "
                    "exec=create,get log=get portforward=create,get proxy=create,delete,get,patch,update "
                    "status=get,patch,update",
                    0, 0},
    BuiltinResource{"", "pods", "Pod", "po", true, kAll, "resize=get,patch,update", 33, 0},
    BuiltinResource{"", "podtemplates", "PodTemplate", "", true, kAll, "", 0, 0},
    BuiltinResource{"", "replicationcontrollers", "ReplicationController", "rc", true, kAll, kScaleStatus, 0, 0},
    BuiltinResource{"", "resourcequotas", "ResourceQuota", "quota", true, kAll, kStatus, 0, 0},
    BuiltinResource{"", "secrets", "Secret", "", true, kAll, "", 0, 0},
    BuiltinResource{"", "serviceaccounts", "ServiceAccount", "sa", true, "create delete deletecollection get impersonate list patch update watch",
                    "token=create", 0, 0},
    BuiltinResource{"", "services", "Service", "svc", true, kAll, "proxy=create,delete,get,patch,update status=get,patch,update", 0, 0},
    BuiltinResource{"", "users", "", "", false, "impersonate", "", 0, 0, true},
    BuiltinResource{"", "groups", "", "", false, "impersonate", "", 0, 0, true},
    // admissionregistration.k8s.io
    BuiltinResource{"admissionregistration.k8s.io", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", "", false, kAll, "", 0, 0},
    BuiltinResource{"admissionregistration.k8s.io", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", "", false, kAll, "", 0, 0},
    BuiltinResource{"admissionregistration.k8s.io", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", "", false, kAll, kStatus, 0, 0},
    BuiltinResource{"admissionregistration.k8s.io", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", "", false, kAll, "", 0, 0},
    BuiltinResource{"admissionregistration.k8s.io", "mutatingadmissionpolicies", "MutatingAdmissionPolicy", "", false, kAll, "", 32, 0},
    BuiltinResource{"admissionregistration.k8s.io", "mutatingadmissionpolicybindings", "MutatingAdmissionPolicyBinding", "", false, kAll, "", 32, 0},
    // apiextensions.k8s.io, apiregistration.k8s.io
    BuiltinResource{"apiextensions.k8s.io", "customresourcedefinitions", "CustomResourceDefinition", "crd crds", false, kAll, kStatus, 0, 0},
    BuiltinResource{"apiregistration.k8s.io", "apiservices", "APIService", "", false, kAll, kStatus, 0, 0},
    // apps
    BuiltinResource{"apps", "controllerrevisions", "ControllerRevision", "", true, kAll, "", 0, 0},
    BuiltinResource{"apps", "daemonsets", "DaemonSet", "ds", true, kAll, kStatus, 0, 0},
    BuiltinResource{"apps", "deployments", "Deployment", "deploy", true, kAll, kScaleStatus, 0, 0},
    BuiltinResource{"apps", "replicasets", "ReplicaSet", "rs", true, kAll, kScaleStatus, 0, 0},
    BuiltinResource{"apps", "statefulsets", "StatefulSet", "sts", true, kAll, kScaleStatus, 0, 0},
    // authentication.k8s.io, authorization.k8s.io
    BuiltinResource{"authentication.k8s.io", "selfsubjectreviews", "SelfSubjectReview", "", false, kCreate, "", 0, 0},
    BuiltinResource{"authentication.k8s.io", "tokenreviews", "TokenReview", "", false, kCreate, "", 0, 0},
    BuiltinResource{"authentication.k8s.io", "userextras", "", "", false, "impersonate", "", 0, 0, true},
    BuiltinResource{"authentication.k8s.io", "uids", "", "", false, "impersonate", "", 0, 0, true},
    BuiltinResource{"authorization.k8s.io", "localsubjectaccessreviews", "LocalSubjectAccessReview", "", true, kCreate, "", 0, 0},
    BuiltinResource{"authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview", "", false, kCreate, "", 0, 0},
    BuiltinResource{"authorization.k8s.io", "selfsubjectrulesreviews", "SelfSubjectRulesReview", "", false, kCreate, "", 0, 0},
    BuiltinResource{"authorization.k8s.io", "subjectaccessreviews", "SubjectAccessReview", "", false, kCreate, "", 0, 0},
    // autoscaling, batch
    BuiltinResource{"autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler", "hpa", true, kAll, kStatus, 0, 0},
    BuiltinResource{"batch", "cronjobs", "CronJob", "cj", true, kAll, kStatus, 0, 0},
    BuiltinResource{"batch", "jobs", "Job", "", true, kAll, kStatus, 0, 0},
    // certificates.k8s.io
    BuiltinResource{"certificates.k8s.io", "certificatesigningrequests", "CertificateSigningRequest", "csr", false, kAll,
                    "approval=get,patch,update status=get,patch,update", 0, 0},
    BuiltinResource{"certificates.k8s.io", "clustertrustbundles", "ClusterTrustBundle", "", false, kAll, "", 0, 0},
    BuiltinResource{"certificates.k8s.io", "podcertificaterequests", "PodCertificateRequest", "", true, kAll, kStatus, 34, 0},
    BuiltinResource{"certificates.k8s.io", "signers", "", "", false, "approve attest sign", "", 0, 0, true},
    // coordination.k8s.io, discovery.k8s.io, events.k8s.io
    BuiltinResource{"coordination.k8s.io", "leases", "Lease", "", true, kAll, "", 0, 0},
    BuiltinResource{"coordination.k8s.io", "leasecandidates", "LeaseCandidate", "", true, kAll, "", 31, 0},
    BuiltinResource{"discovery.k8s.io", "endpointslices", "EndpointSlice", "", true, kAll, "", 0, 0},
    BuiltinResource{"events.k8s.io", "events", "Event", "ev", true, kAll, "", 0, 0},
    // flowcontrol.apiserver.k8s.io, internal.apiserver.k8s.io
    BuiltinResource{"flowcontrol.apiserver.k8s.io", "flowschemas", "FlowSchema", "", false, kAll, kStatus, 0, 0},
    BuiltinResource{"flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations", "PriorityLevelConfiguration", "", false, kAll, kStatus, 0, 0},
    BuiltinResource{"internal.apiserver.k8s.io", "storageversions", "StorageVersion", "", false, kAll, kStatus, 0, 0},
    // networking.k8s.io, node.k8s.io, policy
    BuiltinResource{"networking.k8s.io", "ingressclasses", "IngressClass", "", false, kAll, "", 0, 0},
    BuiltinResource{"networking.k8s.io", "ingresses", "Ingress", "ing", true, kAll, kStatus, 0, 0},
    BuiltinResource{"networking.k8s.io", "ipaddresses", "IPAddress", "ip", false, kAll, "", 0, 0},
    BuiltinResource{"networking.k8s.io", "networkpolicies", "NetworkPolicy", "netpol", true, kAll, "", 0, 0},
    BuiltinResource{"networking.k8s.io", "servicecidrs", "ServiceCIDR", "", false, kAll, kStatus, 29, 0},
    BuiltinResource{"node.k8s.io", "runtimeclasses", "RuntimeClass", "", false, kAll, "", 0, 0},
    BuiltinResource{"policy", "poddisruptionbudgets", "PodDisruptionBudget", "pdb", true, kAll, kStatus, 0, 0},
    // rbac.authorization.k8s.io
    BuiltinResource{"rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", "", false, kAll, "", 0, 0},
    BuiltinResource{"rbac.authorization.k8s.io", "clusterroles", "ClusterRole", "", false,
                    "bind create delete deletecollection escalate get list patch update watch", "", 0, 0},
    BuiltinResource{"rbac.authorization.k8s.io", "rolebindings", "RoleBinding", "", true, kAll, "", 0, 0},
    BuiltinResource{"rbac.authorization.k8s.io", "roles", "Role", "", true,
                    "bind create delete deletecollection escalate get list patch update watch", "", 0, 0},
    // resource.k8s.io (dynamic resource allocation)
    BuiltinResource{"resource.k8s.io", "deviceclasses", "DeviceClass", "", false, kAll, "", 31, 0},
    BuiltinResource{"resource.k8s.io", "devicetaintrules", "DeviceTaintRule", "", false, kAll, "", 33, 0},
    BuiltinResource{"resource.k8s.io", "podschedulingcontexts", "PodSchedulingContext", "", true, kAll, kStatus, 0, 31},
    BuiltinResource{"resource.k8s.io", "resourceclaimparameters", "ResourceClaimParameters", "", true, kAll, "", 30, 30},
    BuiltinResource{"resource.k8s.io", "resourceclaims", "ResourceClaim", "", true, kAll, kStatus, 0, 0},
    BuiltinResource{"resource.k8s.io", "resourceclaimtemplates", "ResourceClaimTemplate", "", true, kAll, "", 0, 0},
    BuiltinResource{"resource.k8s.io", "resourceclasses", "ResourceClass", "", false, kAll, "", 0, 30},
    BuiltinResource{"resource.k8s.io", "resourceclassparameters", "ResourceClassParameters", "", true, kAll, "", 30, 30},
    BuiltinResource{"resource.k8s.io", "resourceslices", "ResourceSlice", "", false, kAll, "", 30, 0},
    // scheduling.k8s.io, storage.k8s.io, storagemigration.k8s.io
    BuiltinResource{"scheduling.k8s.io", "priorityclasses", "PriorityClass", "pc", false, kAll, "", 0, 0},
    BuiltinResource{"storage.k8s.io", "csidrivers", "CSIDriver", "", false, kAll, "", 0, 0},
    BuiltinResource{"storage.k8s.io", "csinodes", "CSINode", "", false, kAll, "", 0, 0},
    BuiltinResource{"storage.k8s.io", "csistoragecapacities", "CSIStorageCapacity", "", true, kAll, "", 0, 0},
    BuiltinResource{"storage.k8s.io", "storageclasses", "StorageClass", "sc", false, kAll, "", 0, 0},
    BuiltinResource{"storage.k8s.io", "volumeattachments", "VolumeAttachment", "", false, kAll, kStatus, 0, 0},
    BuiltinResource{"storage.k8s.io", "volumeattributesclasses", "VolumeAttributesClass", "vac", false, kAll, "", 29, 0},
    BuiltinResource{"storagemigration.k8s.io", "storageversionmigrations", "StorageVersionMigration", "", false, kAll, kStatus, 30, 0},
};

}  // namespace

std::span<const BuiltinResource> builtin_resources() { return kTable; }

}  // namespace rbacq::analyzer::catalogue
