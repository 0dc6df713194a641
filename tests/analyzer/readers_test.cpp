// SPDX-License-Identifier: Apache-2.0
// Both readers produce the same located objects; YAML and JSON positions are 1-based.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace rbacq;

namespace {
constexpr std::string_view kRoleYaml = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: dev
rules:
- apiGroups: [""]
  resources: ["pods", "pods/log"]
  verbs: ["get", "list"]
- apiGroups: ["apps"]
  resources: [deployments]
  resourceNames: [web]
  verbs: [get]
)";

constexpr std::string_view kRoleJson = R"({
  "apiVersion": "rbac.authorization.k8s.io/v1",
  "kind": "Role",
  "metadata": {"name": "reader", "namespace": "dev"},
  "rules": [
    {"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list"]},
    {
      "apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["web"], "verbs": ["get"]
    }
  ]
}
)";
}  // namespace

TEST_CASE("yaml reader: a Role with rules, each located") {
  const auto r = test::load(kRoleYaml, "role.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.roles.size() == 1);
  const auto& role = r.model.roles[0];
  CHECK(role.meta.name == "reader");
  CHECK(role.meta.namespace_ == "dev");
  CHECK_FALSE(role.cluster);
  CHECK(role.meta.loc == SourceLocation{FilePath::intern("role.yaml"), 1, 1});
  REQUIRE(role.rules.size() == 2);
  CHECK(role.rules[0].resources == std::vector<std::string>{"pods", "pods/log"});
  CHECK(role.rules[0].api_groups == std::vector<std::string>{""});
  CHECK(role.rules[0].loc.line == 7);
  CHECK(role.rules[0].loc.column == 3);
  CHECK(role.rules[1].resource_names == std::vector<std::string>{"web"});
  CHECK(role.rules[1].loc.line == 10);
}

TEST_CASE("json reader: the same Role, with positions from byte offsets") {
  const auto r = test::load(kRoleJson, "role.json");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.roles.size() == 1);
  const auto& role = r.model.roles[0];
  CHECK(role.meta.loc == SourceLocation{FilePath::intern("role.json"), 1, 1});
  REQUIRE(role.rules.size() == 2);
  CHECK(role.rules[0].loc.line == 6);
  CHECK(role.rules[0].loc.column == 5);
  CHECK(role.rules[1].loc.line == 7);
  CHECK(role.rules[1].loc.column == 5);
  CHECK(role.rules[0].verbs == std::vector<std::string>{"get", "list"});
  CHECK(role.rules[1].resource_names == std::vector<std::string>{"web"});
}

TEST_CASE("json reader: escapes are decoded, numbers and booleans keep their text") {
  const auto r = test::load(
      R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"a\u0062c","namespace":"n\/s","labels":{"n":"1"}},"automountServiceAccountToken":false})",
      "sa.json");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.service_accounts.size() == 1);
  CHECK(r.model.service_accounts[0].meta.name == "abc");
  CHECK(r.model.service_accounts[0].meta.namespace_ == "n/s");
  CHECK(r.model.service_accounts[0].automount_token == false);
}

TEST_CASE("yaml reader: multi-document streams, empty documents and comments") {
  const auto r = test::load(
      "# leading comment\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# only a comment\n---\n"
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n...\n",
      "ns.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.namespaces.size() == 2);
  CHECK(r.model.namespaces[0].meta.loc.line == 4);
  CHECK(r.model.namespaces[1].meta.loc.line == 10);
}

TEST_CASE("yaml reader: a .yaml file that starts with '{' is read as YAML when it is not JSON") {
  const auto r = test::load("{apiVersion: v1, kind: Namespace, metadata: {name: flow}}\n", "flow.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.namespaces.size() == 1);
  CHECK(r.model.namespaces[0].meta.name == "flow");
}

TEST_CASE("json reader: JSON in a .yaml file is read by the JSON reader, with the same result") {
  const auto r = test::load(kRoleJson, "role-as-yaml.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.roles.size() == 1);
  CHECK(r.model.roles[0].rules[1].loc.line == 7);
}

TEST_CASE("yaml reader: a UTF-8 byte order mark is accepted in YAML and JSON") {
  CHECK(test::load("\xEF\xBB\xBF" "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n").model.namespaces.size() == 1);
  CHECK(test::load("\xEF\xBB\xBF{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}", "a.json")
            .model.namespaces.size() == 1);
}
