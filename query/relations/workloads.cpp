// SPDX-License-Identifier: Apache-2.0
// workloads: pods and pod controllers, with who they run as and how close to the node.
#include <algorithm>

#include "analyzer/workloads.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query::builtin {
namespace {

using analyzer::Workload;

void generate(const analyzer::AnalysisContext& context, const std::function<bool(const Workload&)>& visit) {
  for (const Workload& w : context.model().workloads) {
    if (!visit(w)) return;
  }
}

std::vector<Evidence> explain(const Workload& w) {
  const std::string* account = analyzer::service_account_of(w);
  if (account == nullptr) {
    return {object_evidence(w.meta), {w.meta.loc, fmt::format("it mirrors a static pod ({}): it runs with no service account",
                                                              analyzer::kMirrorPodAnnotation)}};
  }
  return {object_evidence(w.meta), {w.pod.loc, fmt::format("its pod spec runs as ServiceAccount {}", *account)}};
}

RowObjects objects(const Workload& w) {
  RowObjects out;
  out.primary = &w.meta;
  out.at = w.meta.loc;
  if (const std::string* account = analyzer::service_account_of(w)) out.subjects = {{"ServiceAccount", *account, w.meta.namespace_}};
  return out;
}

/// The service account's name, or null for a mirror pod.
Value account_name(const Workload& w) {
  const std::string* account = analyzer::service_account_of(w);
  return account == nullptr ? Value() : Value(*account);
}

const analyzer::ObjectMeta* meta_of(const Workload& w) { return &w.meta; }

}  // namespace

const Relation& workloads() {
  static const TableRelation<Workload> relation(
      "workloads", "Pods and the controllers that make them (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, …).",
      with_columns<Workload>(
          {
          {"name", Type::string, "its name", [](const Workload& w) -> Value { return w.meta.name; }},
          {"kind", Type::string, "the workload's kind", [](const Workload& w) -> Value { return w.meta.kind; },
           {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}},
          {"namespace", Type::string, "its namespace", [](const Workload& w) -> Value { return w.meta.namespace_; }},
          {"subject", Type::subject, "the ServiceAccount its pods run as; null for a mirror pod, which runs with none",
           [](const Workload& w) -> Value {
             const std::string* account = analyzer::service_account_of(w);
             return account == nullptr ? Value() : Value(SubjectValue{"ServiceAccount", *account, w.meta.namespace_});
           }},
          {"serviceaccount", Type::string, "that ServiceAccount's name ('default' when not set); null for a mirror pod", account_name},
          {"mirror", Type::boolean,
           "whether it is a mirror pod (annotation kubernetes.io/config.mirror): the kubelet's copy of a static pod, such as the "
           "kubeadm control plane; Kubernetes refuses it any service account",
           [](const Workload& w) -> Value { return analyzer::is_mirror_pod(w); }},
          {"automount", Type::boolean, "its automountServiceAccountToken, null when not set",
           [](const Workload& w) -> Value { return w.pod.automount_token ? Value(*w.pod.automount_token) : Value(); }},
          {"host_network", Type::boolean, "hostNetwork", [](const Workload& w) -> Value { return w.pod.host_network; }},
          {"host_pid", Type::boolean, "hostPID", [](const Workload& w) -> Value { return w.pod.host_pid; }},
          {"host_ipc", Type::boolean, "hostIPC", [](const Workload& w) -> Value { return w.pod.host_ipc; }},
          {"privileged", Type::boolean, "whether a container is privileged",
           [](const Workload& w) -> Value {
             return std::any_of(w.pod.containers.begin(), w.pod.containers.end(), [](const analyzer::Container& c) { return c.privileged; });
           }},
          {"host_paths", Type::list, "the hostPath volumes' paths",
           [](const Workload& w) -> Value {
             std::vector<std::string> paths;
             for (const auto& v : w.pod.host_paths) paths.push_back(v.path);
             return ListValue::own(std::move(paths));
           }},
          {"node_name", Type::string, "nodeName, null when not set", [](const Workload& w) -> Value { return Value::optional(w.pod.node_name); }},
          {"containers", Type::list, "its containers' names (init and ephemeral too)",
           [](const Workload& w) -> Value {
             std::vector<std::string> names;
             for (const auto& c : w.pod.containers) names.push_back(c.name);
             return ListValue::own(std::move(names));
           }},
          },
          metadata_columns<Workload, meta_of>()),
      generate, explain, objects);
  return relation;
}

}  // namespace rbacq::query::builtin
