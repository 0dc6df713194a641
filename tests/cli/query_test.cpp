// SPDX-License-Identifier: Apache-2.0
// `rbacq query` end to end, for what the golden queries cannot show: how the command line is
// read, what goes to which stream, and how cells are written for other programs (issue 10).
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using rbacq::test::run_rbacq;
using rbacq::test::source_path;

namespace {

/// A role whose rules list the core group "" (alone and with apps), and subjects whose names a
/// spreadsheet would take for formulas.
const char* const kPolicy = R"yaml(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: mixed, namespace: dev}
rules:
- apiGroups: ["", apps]
  resources: [pods, deployments]
  verbs: [get]
- apiGroups: [""]
  resources: [secrets]
  verbs: [list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: "+sum", namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: mixed}
subjects:
- {kind: User, name: "=HYPERLINK(\"http://x.example/\",\"click\")", apiGroup: rbac.authorization.k8s.io}
- {kind: User, name: "@cmd", apiGroup: rbac.authorization.k8s.io}
- {kind: User, name: "-2+3", apiGroup: rbac.authorization.k8s.io}
)yaml";

struct Cluster {
  rbacq::test::TempDir dir;
  std::string path = dir.write("rbac.yaml", kPolicy);
};

}  // namespace

TEST_CASE("query: the core group \"\" is written \"\" in text and Markdown, never as an empty list (issue 10)") {
  const Cluster c;
  auto r = run_rbacq({"query", "rules", "-f", c.path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "ROLE   ROLE.KIND  NAMESPACE  RULE  VERBS   API_GROUPS  RESOURCES           RESOURCE_NAMES  URLS  AGGREGATED_FROM\n"
                 "mixed  Role       dev        1     [get]   [\"\" apps]   [pods deployments]  []              []    -\n"
                 "mixed  Role       dev        2     [list]  [\"\"]        [secrets]           []              []    -\n");
  r = run_rbacq({"-o", "markdown", "query", "rules", "-f", c.path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("| mixed | Role | dev | 1 | get | \"\", apps | pods, deployments |  |  |  |\n") != std::string::npos);
  CHECK(r.out.find("| mixed | Role | dev | 2 | list | \"\" | secrets |  |  |  |\n") != std::string::npos);
  // JSON carries the list as it is.
  r = run_rbacq({"-o", "json", "query", "rules where rule = 1", "-f", c.path});
  std::string json = r.out;
  std::erase_if(json, [](char ch) { return ch == ' ' || ch == '\n'; });
  CHECK(json.find("\"api_groups\":[\"\",\"apps\"]") != std::string::npos);
}

TEST_CASE("query -o csv: a cell a spreadsheet would run as a formula starts with ' (issue 10)") {
  const Cluster c;
  const auto r = run_rbacq({"-o", "csv", "query", "bindings", "-f", c.path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "name,kind,namespace,subject,subject.kind,subject.name,subject.namespace,subjects,role,role.kind,role.exists\r\n"
                 "'+sum,RoleBinding,dev,\"user:\"\"=HYPERLINK(\\\"\"http://x.example/\\\"\",\\\"\"click\\\"\")\"\"\",User,"
                 "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",,3,mixed,Role,true\r\n"
                 "'+sum,RoleBinding,dev,user:@cmd,User,'@cmd,,3,mixed,Role,true\r\n"
                 "'+sum,RoleBinding,dev,\"user:\"\"-2+3\"\"\",User,'-2+3,,3,mixed,Role,true\r\n");
  // Numbers are data: a count stays a number.
  const auto count = run_rbacq({"-o", "csv", "query", "count bindings", "-f", c.path});
  CHECK(count.out == "count\r\n3\r\n");
}
