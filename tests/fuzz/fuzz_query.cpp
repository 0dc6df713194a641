// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the query language: arbitrary bytes through parse → print → parse (the
// printed text must parse back to itself), then check and evaluate on a small cluster, so that
// the checker and every relation and function run. Also compiled into fuzz_replay_query.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzer/analysis_context.hpp"
#include "analyzer/input/loader.hpp"
#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "query/parser.hpp"
#include "query/printer.hpp"

namespace {

constexpr std::string_view kCluster = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader, labels: {agg: "yes"}}
rules:
- {apiGroups: [""], resources: [pods, pods/log, secrets], verbs: [get, list]}
- {nonResourceURLs: [/healthz], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: combined}
aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: "yes"}}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer, namespace: dev}
rules:
- {apiGroups: [apps], resources: [deployments], verbs: ["*"], resourceNames: [web]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployers, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
subjects:
- {kind: ServiceAccount, name: ci}
- {kind: User, name: alice}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: readers}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: combined}
subjects:
- {kind: Group, name: devs}
- {kind: Group, name: system:masters}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: dangling}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: missing}
subjects: [{kind: ServiceAccount, name: ghost, namespace: prod}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ci, namespace: dev}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: dev}
spec: {template: {spec: {serviceAccountName: ci, hostNetwork: true, containers: [{name: app, securityContext: {privileged: true}}]}}}
---
apiVersion: v1
kind: Secret
metadata: {name: ci-token, namespace: dev, annotations: {kubernetes.io/service-account.name: ci}}
type: kubernetes.io/service-account-token
)";

rbacq::analyzer::LoadResult cluster() {
  rbacq::analyzer::LoadResult loaded;
  rbacq::analyzer::load_text(kCluster, "cluster.yaml", {}, loaded.model, loaded.diagnostics);
  return loaded;
}

const rbacq::analyzer::AnalysisContext& context() {
  static const rbacq::analyzer::AnalysisContext instance(cluster(), {});
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  const auto query = rbacq::query::parse_query(text);
  if (!query) {
    if (query.error().message.empty() || query.error().loc.line == 0) __builtin_trap();
    return 0;
  }
  const std::string printed = rbacq::query::print(*query);
  const auto again = rbacq::query::parse_query(printed);
  if (!again || rbacq::query::print(*again) != printed) __builtin_trap();
  const rbacq::query::QuerySource source{text};
  const auto plans = rbacq::query::check(*query, context(), source);
  if (!plans) return 0;
  for (const auto& plan : *plans) (void)rbacq::query::evaluate(plan, context());
  return 0;
}
