// SPDX-License-Identifier: Apache-2.0
// Pod, and the controllers with a pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet,
// ReplicationController, Job, CronJob): who the pods run as and how close to the node.
#include <optional>
#include <string_view>

#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

void read_pod_spec(ObjectReader& r, NodeId spec, PodSpecFacts& pod) {
  pod.loc = r.loc(spec);
  pod.service_account_name = r.string(spec, "serviceAccountName");
  if (pod.service_account_name.empty()) pod.service_account_name = r.string(spec, "serviceAccount");  // deprecated alias
  pod.automount_token = r.boolean(spec, "automountServiceAccountToken");
  pod.host_network = r.boolean(spec, "hostNetwork").value_or(false);
  pod.host_pid = r.boolean(spec, "hostPID").value_or(false);
  pod.host_ipc = r.boolean(spec, "hostIPC").value_or(false);
  pod.node_name = r.string(spec, "nodeName");
  for (const std::string_view list : {"initContainers", "containers", "ephemeralContainers"}) {
    r.for_each_mapping(spec, list, [&](NodeId c) {
      Container container;
      container.loc = r.loc(c);
      container.name = r.string(c, "name");
      if (const auto sc = r.mapping(c, "securityContext")) {
        container.privileged = r.boolean(*sc, "privileged").value_or(false);
        container.allow_privilege_escalation = r.boolean(*sc, "allowPrivilegeEscalation");
      }
      pod.containers.push_back(std::move(container));
    });
  }
  r.for_each_mapping(spec, "volumes", [&](NodeId v) {
    if (const auto hp = r.mapping(v, "hostPath")) pod.host_paths.push_back({r.string(v, "name"), r.string(*hp, "path"), r.loc(v)});
  });
}

/// The pod spec of a workload kind: spec, spec.template.spec or spec.jobTemplate.spec.template.spec.
std::optional<NodeId> pod_spec_of(ObjectReader& r, NodeId node, std::string_view kind) {
  auto spec = r.mapping(node, "spec");
  if (!spec || kind == "Pod") return spec;
  if (kind == "CronJob") {
    const auto job = r.mapping(*spec, "jobTemplate");
    spec = job ? r.mapping(*job, "spec") : std::nullopt;
    if (!spec) return std::nullopt;
  }
  const auto tmpl = r.mapping(*spec, "template");
  return tmpl ? r.mapping(*tmpl, "spec") : std::nullopt;
}

}  // namespace

void decode_workload(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  Workload workload{std::move(meta), {}};
  if (const auto spec = pod_spec_of(r, node, workload.meta.kind)) read_pod_spec(r, *spec, workload.pod);
  if (r.ok()) out.add(std::move(workload));
}

}  // namespace rbacq::analyzer
