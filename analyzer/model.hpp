// SPDX-License-Identifier: Apache-2.0
// The typed model: Kubernetes objects as value types, each with the location it was read from.
// They compare field by field, locations included (same_definition() leaves locations aside).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/sensitive.hpp"
#include "support/source_location.hpp"

namespace rbacq::analyzer {

using Labels = std::vector<std::pair<std::string, std::string>>;

/// The annotation that suppresses lint findings on its object: "<id>[,<id>] -- reason". Every
/// kind keeps it (a Secret's other annotations are dropped), with its position.
inline constexpr std::string_view kIgnoreAnnotation = "rbacq.io/ignore";

/// metadata of an object. `namespace_` is exactly what the input says: empty for cluster-scoped
/// objects and for namespaced ones written without a namespace (kubectl would use its context's).
struct ObjectMeta {
  std::string kind;
  std::string api_version;
  std::string name;
  std::string namespace_;
  bool generated_name = false;  // `name` is metadata.generateName: the API server adds a suffix
  Labels labels;
  Labels annotations;  // without kubectl's last-applied-configuration; for Secrets only the SA ones and rbacq's
  SourceLocation loc;  // the object's mapping
  /// The value of annotation rbacq.io/ignore, when written: lint's warnings about it point there.
  SourceLocation ignore_annotation_loc;
  friend bool operator==(const ObjectMeta&, const ObjectMeta&) = default;
};

/// One PolicyRule. Empty lists are kept empty: their meaning ("no verbs", "all names") belongs
/// to the authorizer, not the loader.
struct PolicyRule {
  std::vector<std::string> verbs;
  std::vector<std::string> api_groups;
  std::vector<std::string> resources;
  std::vector<std::string> resource_names;
  std::vector<std::string> non_resource_urls;
  SourceLocation loc;
  /// For a rule the aggregation controller copied into a ClusterRole: the ClusterRole that
  /// wrote it (through chains, the first one). Empty for a role's own rules.
  std::string aggregated_from;
  friend bool operator==(const PolicyRule&, const PolicyRule&) = default;
};

struct LabelSelectorRequirement {
  std::string key;
  std::string op;  // In | NotIn | Exists | DoesNotExist, as written
  std::vector<std::string> values;
  friend bool operator==(const LabelSelectorRequirement&, const LabelSelectorRequirement&) = default;
};

struct LabelSelector {
  Labels match_labels;
  std::vector<LabelSelectorRequirement> match_expressions;
  SourceLocation loc;
  friend bool operator==(const LabelSelector&, const LabelSelector&) = default;
};

struct AggregationRule {
  std::vector<LabelSelector> selectors;  // clusterRoleSelectors
  SourceLocation loc;
  friend bool operator==(const AggregationRule&, const AggregationRule&) = default;
};

/// Role (namespaced) or ClusterRole.
struct Role {
  ObjectMeta meta;
  bool cluster = false;
  std::vector<PolicyRule> rules;
  std::optional<AggregationRule> aggregation;  // ClusterRole only
  friend bool operator==(const Role&, const Role&) = default;
};

struct Subject {
  std::string kind;  // User | Group | ServiceAccount, as written
  std::string api_group;
  std::string name;
  std::string namespace_;
  SourceLocation loc;
  friend bool operator==(const Subject&, const Subject&) = default;
};

struct RoleRef {
  std::string api_group;
  std::string kind;  // Role | ClusterRole
  std::string name;
  SourceLocation loc;
  friend bool operator==(const RoleRef&, const RoleRef&) = default;
};

/// RoleBinding (namespaced) or ClusterRoleBinding.
struct Binding {
  ObjectMeta meta;
  bool cluster = false;
  RoleRef role_ref;
  std::vector<Subject> subjects;
  friend bool operator==(const Binding&, const Binding&) = default;
};

struct ServiceAccount {
  ObjectMeta meta;
  std::optional<bool> automount_token;
  std::vector<std::string> secrets;  // names listed in .secrets
  friend bool operator==(const ServiceAccount&, const ServiceAccount&) = default;
};

struct Namespace {
  ObjectMeta meta;
  friend bool operator==(const Namespace&, const Namespace&) = default;
};

/// A Secret without its data: only what identifies it and what it is for.
struct Secret {
  ObjectMeta meta;
  std::string type;
  std::string service_account_name;  // annotation kubernetes.io/service-account.name
  friend bool operator==(const Secret&, const Secret&) = default;
};

struct Container {
  std::string name;
  bool privileged = false;
  std::optional<bool> allow_privilege_escalation;
  SourceLocation loc;
  friend bool operator==(const Container&, const Container&) = default;
};

struct HostPathVolume {
  std::string name;
  std::string path;
  SourceLocation loc;
  friend bool operator==(const HostPathVolume&, const HostPathVolume&) = default;
};

/// Facts about a pod spec that matter for escalation: who it runs as and how close to the node.
struct PodSpecFacts {
  std::string service_account_name;  // as written; empty runs as "default" (service_account_of())
  std::optional<bool> automount_token;
  bool host_network = false;
  bool host_pid = false;
  bool host_ipc = false;
  std::string node_name;
  std::vector<Container> containers;  // init, regular and ephemeral containers
  std::vector<HostPathVolume> host_paths;
  SourceLocation loc;  // the pod spec mapping
  friend bool operator==(const PodSpecFacts&, const PodSpecFacts&) = default;
};

/// Pod, or a controller with a pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// ReplicationController, Job, CronJob).
struct Workload {
  ObjectMeta meta;
  PodSpecFacts pod;
  friend bool operator==(const Workload&, const Workload&) = default;
};

struct CustomResourceDefinition {
  ObjectMeta meta;
  std::string group;
  std::string plural;
  std::string singular;
  std::string kind;
  std::vector<std::string> short_names;
  bool namespaced = true;
  std::vector<std::string> versions;
  std::vector<std::string> subresources;  // status, scale
  friend bool operator==(const CustomResourceDefinition&, const CustomResourceDefinition&) = default;
};

/// How a kubeconfig user authenticates. Material is `Sensitive`; paths and names are not.
struct KubeconfigUser {
  std::string name;
  Sensitive client_certificate_data;  // DER of the embedded certificate
  std::string client_certificate_file;
  bool has_client_key = false;  // key material is never kept
  Sensitive token;
  std::string token_file;
  bool has_basic_auth = false;
  std::string exec_command;   // exec credential plugin: external, not analysed
  std::string auth_provider;  // legacy auth-provider name
  std::string impersonate;    // `as`
  std::vector<std::string> impersonate_groups;  // `as-groups`
  SourceLocation loc;
  friend bool operator==(const KubeconfigUser&, const KubeconfigUser&) = default;
};

struct KubeconfigCluster {
  std::string name;
  std::string server;
  bool has_ca_data = false;
  bool insecure_skip_tls_verify = false;
  SourceLocation loc;
  friend bool operator==(const KubeconfigCluster&, const KubeconfigCluster&) = default;
};

struct KubeconfigContext {
  std::string name;
  std::string cluster;
  std::string user;
  std::string namespace_;
  SourceLocation loc;
  friend bool operator==(const KubeconfigContext&, const KubeconfigContext&) = default;
};

/// A kubeconfig file (`kind: Config`).
struct Kubeconfig {
  ObjectMeta meta;  // name is empty; loc is the document
  std::string current_context;
  std::vector<KubeconfigCluster> clusters;
  std::vector<KubeconfigContext> contexts;
  std::vector<KubeconfigUser> users;
  friend bool operator==(const Kubeconfig&, const Kubeconfig&) = default;
};

/// One entry of the EKS ConfigMap kube-system/aws-auth (mapRoles / mapUsers).
struct AwsAuthMapping {
  std::string arn;  // rolearn or userarn
  bool is_role = false;
  std::string username;
  std::vector<std::string> groups;
  SourceLocation loc;
  friend bool operator==(const AwsAuthMapping&, const AwsAuthMapping&) = default;
};

struct AwsAuth {
  ObjectMeta meta;
  std::vector<AwsAuthMapping> mappings;
  friend bool operator==(const AwsAuth&, const AwsAuth&) = default;
};

/// Everything loaded from the inputs.
struct Model {
  std::vector<Role> roles;  // Roles and ClusterRoles
  std::vector<Binding> bindings;  // RoleBindings and ClusterRoleBindings
  std::vector<ServiceAccount> service_accounts;
  std::vector<Namespace> namespaces;
  std::vector<Secret> secrets;
  std::vector<Workload> workloads;
  std::vector<CustomResourceDefinition> crds;
  std::vector<Kubeconfig> kubeconfigs;
  std::vector<AwsAuth> aws_auth;

  /// Earlier definitions of roles and bindings that a later one of the same kind, namespace and
  /// name replaced (two versions of an install manifest, an overlay): not in the cluster's view,
  /// but rules that judge an object by itself report them too, at their own file and line.
  std::vector<Role> superseded_roles;
  std::vector<Binding> superseded_bindings;

  /// Objects seen per kind, including kinds that are skipped.
  std::map<std::string, std::size_t> counts;
  /// Every namespace named by an object or a Namespace.
  std::set<std::string> namespaces_seen;
  /// Files that were read, in the order they were loaded.
  std::vector<FilePath> files;
  /// Everything equal, locations included (tests hold two ways of loading to one result).
  friend bool operator==(const Model&, const Model&) = default;
};

}  // namespace rbacq::analyzer
