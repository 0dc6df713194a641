// SPDX-License-Identifier: Apache-2.0
// `-o dot`: the access graph as Graphviz input. No test runs Graphviz: the checks are on the text.
#include "cli/render_dot.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "analyzer/rbac/rbac_fixture.hpp"
#include "test_support.hpp"

using namespace rbacq;

namespace {

const std::string kKubeadm = test::source_path("fixtures/clusters/kubeadm");

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// No byte a terminal or Graphviz would take for a control character, other than line ends.
bool no_control_bytes(const std::string& text) {
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7f;
  });
}

}  // namespace

TEST_CASE("cli: inventory -o dot of the kubeadm scenario draws subjects, bindings, roles and rules") {
  const auto r = test::run_rbacq({"inventory", "-o", "dot", kKubeadm});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("digraph rbac {\n"));
  CHECK(r.out.ends_with("}\n"));
  // Users and groups and cluster-scoped objects outside any cluster; the service account in its namespace's.
  CHECK(contains(r.out, "\n  \"Group/system:masters\" [label=\"Group\\nsystem:masters\", shape=ellipse,"));
  CHECK(contains(r.out, "\n  \"ClusterRole/cluster-admin\" [label=\"ClusterRole\\ncluster-admin\", shape=box, style=\"rounded,filled\""));
  CHECK(contains(r.out, "\n  subgraph \"cluster_kube-system\" {\n    label=\"namespace kube-system\";\n"));
  CHECK(contains(r.out, "\n    \"ServiceAccount/kube-system/admin\" [label=\"ServiceAccount\\nadmin\""));
  CHECK(contains(r.out, "\n  \"ClusterRole/cluster-admin#1\" [label=\"* *\\n(any API group)\", shape=note"));
  CHECK(contains(r.out, "\n  \"ClusterRole/cluster-admin#2\" [label=\"* URL *\", shape=note"));
  CHECK(contains(r.out, "\n  \"Group/system:masters\" -> \"ClusterRoleBinding/cluster-admin\" [label=\"subject 1\", tooltip=\""));
  CHECK(contains(r.out, "\n  \"ClusterRoleBinding/add-on-cluster-admin\" -> \"ClusterRole/cluster-admin\" [label=\"grants cluster-wide\""));
  CHECK(contains(r.out, "cluster-admin.yaml:36:3\""));  // the subject entry, as tooltip
  // Namespaces with nothing in the graph get no cluster.
  CHECK_FALSE(contains(r.out, "cluster_default"));
  // Deterministic: a second run is byte for byte the same.
  CHECK(test::run_rbacq({"inventory", "-o", "dot", kKubeadm}).out == r.out);
}

TEST_CASE("cli: -o dot escapes every string from the input and writes no control byte") {
  test::TempDir dir;
  const std::string path = dir.write("evil.yaml",
                                     "apiVersion: rbac.authorization.k8s.io/v1\n"
                                     "kind: RoleBinding\n"
                                     "metadata: {name: \"rb\\\"q\", namespace: \"ns\\\\x\"}\n"
                                     "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: \"gone&lt;\"}\n"
                                     "subjects:\n"
                                     "- {kind: User, name: \"a\\\"b\\\\c\\e[31m\\u202Ed\\nfake\"}\n");
  const auto r = test::run_rbacq({"inventory", "-o", "dot", path});
  CHECK(r.exit_code == 0);
  CHECK(no_control_bytes(r.out));
  CHECK_FALSE(contains(r.out, "\xe2\x80\xae"));  // U+202E, raw
  // Labels show what the text output shows: printable() forms, with DOT's escapes on top.
  CHECK(contains(r.out, "label=\"User\\na\\\"b\\\\c\\\\x1b[31m\\\\u202ed\\\\nfake\""));
  // Ids keep a raw backslash apart from printable()'s escapes, so different names never merge.
  CHECK(contains(r.out, "\"User/a\\\"b\\\\c\\x1b[31m\\u202ed\\nfake\" -> \"RoleBinding/ns\\\\x/rb\\\"q\""));
  CHECK(contains(r.out, "subgraph \"cluster_ns\\\\x\" {\n    label=\"namespace ns\\\\x\";"));
  // Graphviz would read "&lt;" in a label as "<".
  CHECK(contains(r.out, "label=\"missing Role\\ngone&amp;lt;\""));
  CHECK(contains(r.out, "[label=\"refers to missing role\", style=dashed, color=\"#c0392b\""));
  CHECK(contains(r.out, "[label=\"grants in ns\\\\x\"") == false);  // a dangling roleRef grants nothing
}

TEST_CASE("cli: query -o dot draws the part of the graph its rows touch (issue 9)") {
  const auto one = test::run_rbacq({"-o", "dot", "query", "bindings where name = cluster-admin", "-f", kKubeadm});
  CHECK(one.exit_code == 0);
  CHECK(contains(one.out, R"(graph [label="bindings where name = cluster-admin", labelloc=t, labeljust=l];)"));
  CHECK(contains(one.out, R"("ClusterRoleBinding/cluster-admin" [label="ClusterRoleBinding\ncluster-admin")"));
  CHECK(contains(one.out, R"("Group/system:masters" -> "ClusterRoleBinding/cluster-admin")"));
  // The other binding of the same role is not a row: it is not drawn.
  CHECK_FALSE(contains(one.out, "add-on-cluster-admin"));
  // A who-can row is about its subject, binding and rule; two statements are two digraphs.
  const auto two = test::run_rbacq({"-o", "dot", "query", "who can get secrets in kube-system; roles", "-f", kKubeadm});
  CHECK(two.exit_code == 0);
  std::size_t graphs = 0;
  for (std::size_t at = two.out.find("digraph rbac {"); at != std::string::npos; at = two.out.find("digraph rbac {", at + 1)) ++graphs;
  CHECK(graphs == 2);
  CHECK(contains(two.out, R"("ServiceAccount/kube-system/admin" -> "ClusterRoleBinding/add-on-cluster-admin")"));
  CHECK(no_control_bytes(two.out));
}

TEST_CASE("cli: -o dot is for inventory and query - markdown and csv still only for query") {
  const auto who = test::run_rbacq({"who-can", "-o", "dot", "get", "pods", "-f", kKubeadm});
  CHECK(who.exit_code == 2);
  CHECK(contains(who.err, "-o dot is for 'rbacq inventory' and 'rbacq query'; other commands print text or json"));
  CHECK(test::run_rbacq({"inventory", "-o", "markdown", kKubeadm}).exit_code == 2);
}

TEST_CASE("render_dot: a neighbourhood draws its seeds bold, folds big roles, keeps seed rules") {
  std::string yaml = test::binding("dev", "readers", "ClusterRole", "big", "[{kind: Group, name: devs}]") +
                     test::cluster_binding("others", "ClusterRole", "small", "[{kind: User, name: zed}]") +
                     test::cluster_role("small", "[get]", "['']", "[pods]") + test::cluster_role("big", "[get]", "['']", "[r0]");
  for (int i = 1; i < 10; ++i) yaml += "- {verbs: [get], apiGroups: [apps], resources: [r" + std::to_string(i) + "]}\n";
  const test::Policy p(yaml);
  const auto& g = p.context().graph();
  const auto& model = p.context().model();
  const auto big = std::find_if(model.roles.begin(), model.roles.end(), [](const auto& r) { return r.meta.name == "big"; });
  const auto readers = std::find_if(model.bindings.begin(), model.bindings.end(), [](const auto& b) { return b.meta.name == "readers"; });

  const analyzer::graph::NodeId seeds[] = {g.find_binding(*readers).value()};
  const std::string dot = cli::render_dot(g.neighbourhood(seeds));
  CHECK(contains(dot, "\"RoleBinding/dev/readers\" [label=\"RoleBinding\\nreaders\", shape=box, style=filled, fillcolor=\"#fcf3cf\", tooltip="));
  CHECK(contains(dot, ", penwidth=2.5];\n"));
  CHECK(contains(dot, "\"RoleBinding/dev/readers\" -> \"ClusterRole/big\" [label=\"grants in dev\""));
  CHECK(contains(dot, "\"ClusterRole/big#rules\" [label=\"10 rules\", shape=note"));
  CHECK_FALSE(contains(dot, "\"ClusterRole/big#1\""));
  CHECK_FALSE(contains(dot, "small"));  // not touched by the selection

  // A rule asked about stays in sight; the others fold into "N more rules".
  const analyzer::graph::NodeId with_rule[] = {g.find_binding(*readers).value(), g.find_rule(*big, 4).value()};
  const std::string focused = cli::render_dot(g.neighbourhood(with_rule));
  CHECK(contains(focused, "\"ClusterRole/big#5\" [label=\"get r4\\n(apps)\", shape=note"));
  CHECK(contains(focused, "[label=\"9 more rules\""));

  // The whole graph folds too, and a role of few rules shows them all.
  const std::string whole = cli::render_dot(g.whole());
  CHECK(contains(whole, "\"ClusterRole/small#1\" [label=\"get pods\""));
  CHECK(contains(whole, "[label=\"10 rules\""));
  CHECK_FALSE(contains(whole, "penwidth"));
}
