// SPDX-License-Identifier: Apache-2.0
// Each kind rbacq reads becomes the right typed object; other kinds are counted and skipped.
#include <doctest/doctest.h>

#include "analyzer/input/same_definition.hpp"
#include "test_support.hpp"

using namespace rbacq;

TEST_CASE("decoder: ClusterRole with an aggregationRule and labels") {
  const auto r = test::load(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
  namespace: ignored-for-cluster-scope
  labels: {rbac.example.com/aggregate-to-monitoring: "true"}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels:
      rbac.example.com/aggregate-to-monitoring: "true"
  - matchExpressions:
    - {key: tier, operator: In, values: [a, b]}
    - {key: legacy, operator: DoesNotExist}
rules: []
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.roles.size() == 1);
  const auto& role = r.model.roles[0];
  CHECK(role.cluster);
  CHECK(role.meta.namespace_.empty());
  CHECK(role.meta.labels == analyzer::Labels{{"rbac.example.com/aggregate-to-monitoring", "true"}});
  REQUIRE(role.aggregation);
  CHECK(role.aggregation->loc.line == 8);
  REQUIRE(role.aggregation->selectors.size() == 2);
  CHECK(role.aggregation->selectors[0].match_labels.size() == 1);
  REQUIRE(role.aggregation->selectors[1].match_expressions.size() == 2);
  CHECK(role.aggregation->selectors[1].match_expressions[0].op == "In");
  CHECK(role.aggregation->selectors[1].match_expressions[0].values == std::vector<std::string>{"a", "b"});
  CHECK(role.aggregation->selectors[1].match_expressions[1].values.empty());
  CHECK(r.model.namespaces_seen.empty());
}

TEST_CASE("decoder: RoleBinding and ClusterRoleBinding with located roleRef and subjects") {
  const auto r = test::load(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- kind: ServiceAccount
  name: builder
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: alice}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:masters"}
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.bindings.size() == 2);
  const auto& rb = r.model.bindings[0];
  CHECK_FALSE(rb.cluster);
  CHECK(rb.role_ref.kind == "ClusterRole");
  CHECK(rb.role_ref.name == "view");
  CHECK(rb.role_ref.loc.line == 4);
  CHECK(rb.role_ref.loc.column == 10);
  REQUIRE(rb.subjects.size() == 2);
  CHECK(rb.subjects[0].kind == "ServiceAccount");
  CHECK(rb.subjects[0].namespace_.empty());  // defaulting is the authorizer's business
  CHECK(rb.subjects[0].loc.line == 6);
  CHECK(rb.subjects[1].name == "alice");
  CHECK(r.model.bindings[1].cluster);
  CHECK(r.model.bindings[1].subjects[0].name == "system:masters");
  CHECK(r.model.counts.at("RoleBinding") == 1);
  CHECK(r.model.counts.at("ClusterRoleBinding") == 1);
}

TEST_CASE("decoder: ServiceAccount, Namespace and Secret keep no secret data") {
  const auto r = test::load(R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: admin, namespace: kube-system}
automountServiceAccountToken: false
secrets: [{name: token-admin-xyz123}]
---
apiVersion: v1
kind: Secret
metadata:
  name: token-admin-xyz123
  namespace: kube-system
  annotations: {kubernetes.io/service-account.name: admin}
type: kubernetes.io/service-account-token
data: {token: c2VjcmV0LXRva2VuLXZhbHVl}
---
apiVersion: v1
kind: Namespace
metadata: {name: prod}
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.service_accounts.size() == 1);
  CHECK(r.model.service_accounts[0].automount_token == false);
  CHECK(r.model.service_accounts[0].secrets == std::vector<std::string>{"token-admin-xyz123"});
  REQUIRE(r.model.secrets.size() == 1);
  CHECK(r.model.secrets[0].type == "kubernetes.io/service-account-token");
  CHECK(r.model.secrets[0].service_account_name == "admin");
  CHECK(r.model.namespaces_seen == std::set<std::string>{"kube-system", "prod"});
}

TEST_CASE("decoder: workloads' pod spec facts, from Pod, Deployment and CronJob") {
  const auto r = test::load(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: prod}
spec:
  template:
    spec:
      serviceAccountName: web
      hostPID: true
      initContainers: [{name: init}]
      containers:
      - name: app
        securityContext: {privileged: true, allowPrivilegeEscalation: false}
      volumes:
      - {name: root, hostPath: {path: /}}
      - {name: cache, emptyDir: {}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup, namespace: prod}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccount: backup
          automountServiceAccountToken: false
          containers: [{name: b}]
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: dev}
spec: {hostNetwork: true, containers: [{name: c}]}
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.workloads.size() == 3);
  const auto& web = r.model.workloads[0].pod;
  CHECK(web.service_account_name == "web");
  CHECK(web.host_pid);
  CHECK_FALSE(web.host_network);
  REQUIRE(web.containers.size() == 2);
  CHECK(web.containers[0].name == "init");
  CHECK(web.containers[1].privileged);
  CHECK(web.containers[1].allow_privilege_escalation == false);
  REQUIRE(web.host_paths.size() == 1);
  CHECK(web.host_paths[0].path == "/");
  CHECK(web.loc.line == 7);
  const auto& backup = r.model.workloads[1].pod;
  CHECK(backup.service_account_name == "backup");  // deprecated serviceAccount field
  CHECK(backup.automount_token == false);
  CHECK(r.model.workloads[2].pod.host_network);
  CHECK(r.model.workloads[2].pod.service_account_name.empty());
}

TEST_CASE("decoder: CustomResourceDefinition names, scope and subresources") {
  const auto r = test::load(R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: certificates.cert-manager.io}
spec:
  group: cert-manager.io
  names: {plural: certificates, singular: certificate, kind: Certificate, shortNames: [cert, certs]}
  scope: Namespaced
  versions:
  - {name: v1, served: true, storage: true, subresources: {status: {}}}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: clusterissuers.cert-manager.io}
spec:
  group: cert-manager.io
  names: {plural: clusterissuers, kind: ClusterIssuer}
  scope: Cluster
  versions: [{name: v1}]
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.crds.size() == 2);
  CHECK(r.model.crds[0].group == "cert-manager.io");
  CHECK(r.model.crds[0].plural == "certificates");
  CHECK(r.model.crds[0].short_names == std::vector<std::string>{"cert", "certs"});
  CHECK(r.model.crds[0].namespaced);
  CHECK(r.model.crds[0].subresources == std::vector<std::string>{"status"});
  CHECK_FALSE(r.model.crds[1].namespaced);
}

TEST_CASE("decoder: kind List, typed lists whose items omit kind, and JSON arrays of lists") {
  const auto r = test::load(R"([
  {"apiVersion": "v1", "kind": "List", "items": [
    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}},
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "a"}}
  ]},
  {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleList", "items": [
    {"metadata": {"name": "r1", "namespace": "a"}, "rules": []},
    {"metadata": {"name": "r2", "namespace": "a"}, "rules": []}
  ]}
])",
                            "dump.json");
  CHECK(r.diagnostics.empty());
  CHECK(r.model.namespaces.size() == 1);
  REQUIRE(r.model.roles.size() == 2);
  CHECK(r.model.roles[1].meta.kind == "Role");
  CHECK(r.model.roles[1].meta.loc.line == 8);
  CHECK(r.model.counts == std::map<std::string, std::size_t>{{"ConfigMap", 1}, {"Namespace", 1}, {"Role", 2}});
}

TEST_CASE("decoder: unknown kinds are counted and skipped - a known kind of another API is noted") {
  const auto r = test::load(R"(apiVersion: v1
kind: Service
metadata: {name: s, namespace: web}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: c, namespace: web}
---
apiVersion: v1
kind: ClusterRole
metadata: {name: openshift-legacy}
rules: []
)");
  CHECK(r.model.counts == std::map<std::string, std::size_t>{{"Certificate", 1}, {"ClusterRole (v1)", 1}, {"Service", 1}});
  CHECK(r.model.roles.empty());
  CHECK(test::lines(r.diagnostics) ==
        std::vector<std::string>{"9:1: note: ClusterRole with apiVersion 'v1' is not the Kubernetes ClusterRole; counted, "
                                 "not analysed [input-api-version]"});
}

TEST_CASE("decoder: kubeconfig users keep credential fingerprints, never the material") {
  // "dGVzdA==" is base64 for "test": not a PEM certificate, so it is reported and dropped.
  const auto r = test::load(R"(apiVersion: v1
kind: Config
current-context: ctx
clusters:
- name: c
  cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: AA==}
contexts:
- name: ctx
  context: {cluster: c, user: u, namespace: dev}
users:
- name: u
  user: {token: abc.def.ghi}
- name: e
  user:
    exec: {command: aws, args: [eks, get-token]}
- name: bad
  user: {client-certificate-data: dGVzdA==, client-key-data: AA==}
)",
                            "kubeconfig");
  REQUIRE(r.model.kubeconfigs.size() == 1);
  const auto& k = r.model.kubeconfigs[0];
  CHECK(k.current_context == "ctx");
  CHECK(k.clusters[0].server == "https://127.0.0.1:6443");
  CHECK(k.clusters[0].has_ca_data);
  CHECK(k.contexts[0].namespace_ == "dev");
  REQUIRE(k.users.size() == 3);
  CHECK(k.users[0].token.fingerprint() == analyzer::fingerprint_of("abc.def.ghi"));
  CHECK(k.users[0].token.fingerprint().starts_with("sha256:"));
  CHECK(k.users[0].token.fingerprint().size() == 7 + 16);
  CHECK(k.users[1].exec_command == "aws");
  CHECK(k.users[2].has_client_key);
  CHECK(k.users[2].client_certificate_data.empty());
  CHECK(test::lines(r.diagnostics) ==
        std::vector<std::string>{"17:35: warning: 'client-certificate-data' of user 'bad' is not a base64 PEM "
                                 "certificate; ignored [input-credential]"});
}

TEST_CASE("decoder: EKS aws-auth mappings are read from the embedded YAML") {
  const auto r = test::load(R"(apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/nodes
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::111122223333:role/admins
      username: admin
      groups: [system:masters]
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/ops
      username: ops
      groups: [ops]
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.aws_auth.size() == 1);
  const auto& m = r.model.aws_auth[0].mappings;
  REQUIRE(m.size() == 3);
  CHECK(m[0].is_role);
  CHECK(m[1].groups == std::vector<std::string>{"system:masters"});
  CHECK(m[1].loc.line == 9);
  CHECK_FALSE(m[2].is_role);
  CHECK(m[2].arn == "arn:aws:iam::111122223333:user/ops");
}

TEST_CASE("decoder: the same object in two files is a warning with both locations - the later wins") {
  test::TempDir dir;
  const std::string role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: a}\n";
  dir.write("a.yaml", role + "rules: []\n");
  dir.write("b.yaml", "# second copy\n" + role + "rules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n");
  const auto r = analyzer::load({dir.path().string()});
  REQUIRE(r.model.roles.size() == 1);
  CHECK(r.model.roles[0].rules.size() == 1);
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items()[0];
  CHECK(d.id == "input-duplicate");
  CHECK(d.severity == Severity::warning);
  CHECK(d.loc == SourceLocation{FilePath::intern((dir.path() / "b.yaml").string()), 2, 1});
  CHECK(d.message == "Role 'a/r' is defined more than once; this definition replaces the earlier one");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].loc == SourceLocation{FilePath::intern((dir.path() / "a.yaml").string()), 1, 1});
}

namespace {

/// One object of every kind the model keeps, with every part that has a location.
const char* const kEveryKindYaml = R"yaml(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: agg, labels: {team: a}}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {rbac.example.com/agg: "true"}
    matchExpressions: [{key: tier, operator: In, values: [blue, green]}]
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: dev}
rules:
- {apiGroups: [""], resources: [pods], verbs: [get, list], resourceNames: [p1]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: readers, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: ServiceAccount, name: ci, namespace: dev}
- {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ci, namespace: dev}
automountServiceAccountToken: false
secrets: [{name: ci-token}]
---
apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Secret
metadata: {name: ci-token, namespace: dev, annotations: {kubernetes.io/service-account.name: ci}}
type: kubernetes.io/service-account-token
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: dev}
spec:
  template:
    spec:
      serviceAccountName: ci
      hostNetwork: true
      containers: [{name: app, image: x, securityContext: {privileged: true}}]
      volumes: [{name: root, hostPath: {path: /}}]
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions: [{name: v1, served: true, storage: true, subresources: {status: {}}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/admin
      username: admin
      groups: [system:masters]
)yaml";

/// The same objects as a JSON stream (`jq -c`), as `kubectl get -o json` saves them.
const char* const kEveryKindJson = R"json({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"agg","labels":{"team":"a"}},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.example.com/agg":"true"},"matchExpressions":[{"key":"tier","operator":"In","values":["blue","green"]}]}]},"rules":[]}
{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"reader","namespace":"dev"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"],"resourceNames":["p1"]}]}
{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"readers","namespace":"dev"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"},"subjects":[{"kind":"ServiceAccount","name":"ci","namespace":"dev"},{"kind":"Group","name":"devs","apiGroup":"rbac.authorization.k8s.io"}]}
{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"ci","namespace":"dev"},"automountServiceAccountToken":false,"secrets":[{"name":"ci-token"}]}
{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"dev"}}
{"apiVersion":"v1","kind":"Secret","metadata":{"name":"ci-token","namespace":"dev","annotations":{"kubernetes.io/service-account.name":"ci"}},"type":"kubernetes.io/service-account-token"}
{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"dev"},"spec":{"template":{"spec":{"serviceAccountName":"ci","hostNetwork":true,"containers":[{"name":"app","image":"x","securityContext":{"privileged":true}}],"volumes":[{"name":"root","hostPath":{"path":"/"}}]}}}}
{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},"spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wd"]},"versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}}}]}}
{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"aws-auth","namespace":"kube-system"},"data":{"mapRoles":"- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n"}}
)json";

}  // namespace

TEST_CASE("decoder: a dump saved as YAML and as JSON is one summary warning per pair of files, not one per object (issue 10)") {
  test::TempDir dir;
  const std::string a = dir.write("a.yaml", kEveryKindYaml);
  const std::string b = dir.write("b.json", kEveryKindJson);
  auto r = analyzer::load({dir.path().string()});
  CHECK(test::lines(r.diagnostics) ==
        std::vector<std::string>{"0:0: warning: 9 objects in " + b + " are defined identically in " + a +
                                 "; the later definitions are used [input-duplicate]"});
  CHECK(r.model.roles.size() == 2);
  CHECK(r.model.roles[0].meta.loc.file.str() == b);  // the later definitions are used
  CHECK(r.model.workloads.size() == 1);
  CHECK(r.model.aws_auth.size() == 1);

  // A definition that differs keeps its own warning, with the earlier place; the rest are summed.
  std::string changed = kEveryKindJson;
  changed.replace(changed.find("\"verbs\":[\"get\",\"list\"]"), 22, "\"verbs\":[\"get\",\"watch\"]");
  dir.write("b.json", changed);
  r = analyzer::load({dir.path().string()});
  const auto shown = test::lines(r.diagnostics);
  REQUIRE(shown.size() == 2);
  CHECK(shown[0] == "0:0: warning: 8 objects in " + b + " are defined identically in " + a + "; the later definitions are used [input-duplicate]");
  CHECK(shown[1] == "2:1: warning: Role 'dev/reader' is defined more than once; this definition replaces the earlier one [input-duplicate]");

  // Within one file, and for a single object.
  test::TempDir one;
  const std::string ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n";
  const std::string twice = one.write("twice.yaml", ns + "---\n" + ns);
  r = analyzer::load({twice});
  CHECK(test::lines(r.diagnostics) ==
        std::vector<std::string>{"0:0: warning: 1 object in " + twice + " is defined identically earlier in the same file; the later "
                                 "definition is used [input-duplicate]"});
}

TEST_CASE("same_definition: every field counts, no location does (issue 10)") {
  const auto first = test::load(kEveryKindYaml, "a.yaml");
  const auto second = test::load(kEveryKindJson, "b.json");
  REQUIRE(first.model.roles.size() == 2);
  REQUIRE(second.model.roles.size() == 2);
  const analyzer::Model& x = first.model;
  const analyzer::Model& y = second.model;
  for (std::size_t i = 0; i < x.roles.size(); ++i) CHECK(analyzer::same_definition(x.roles[i], y.roles[i]));
  CHECK(analyzer::same_definition(x.bindings.at(0), y.bindings.at(0)));
  CHECK(analyzer::same_definition(x.service_accounts.at(0), y.service_accounts.at(0)));
  CHECK(analyzer::same_definition(x.namespaces.at(0), y.namespaces.at(0)));
  CHECK(analyzer::same_definition(x.secrets.at(0), y.secrets.at(0)));
  CHECK(analyzer::same_definition(x.workloads.at(0), y.workloads.at(0)));
  CHECK(analyzer::same_definition(x.crds.at(0), y.crds.at(0)));
  CHECK(analyzer::same_definition(x.aws_auth.at(0), y.aws_auth.at(0)));
  CHECK_FALSE(x.roles[0] == y.roles[0]);  // they were read from different places
  analyzer::Binding other = y.bindings.at(0);
  other.subjects.at(1).name = "ops";
  CHECK_FALSE(analyzer::same_definition(x.bindings.at(0), other));
  analyzer::Workload privileged = y.workloads.at(0);
  privileged.pod.containers.at(0).privileged = false;
  CHECK_FALSE(analyzer::same_definition(x.workloads.at(0), privileged));
  analyzer::Role labelled = y.roles.at(0);
  labelled.meta.labels.emplace_back("team", "b");
  CHECK_FALSE(analyzer::same_definition(x.roles.at(0), labelled));
}
