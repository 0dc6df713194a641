// SPDX-License-Identifier: Apache-2.0
// `rbacq inventory` through the real binary: output, JSON schema and exit codes (#2).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "test_support.hpp"

using namespace rbacq;

namespace {
const std::string kKubeadm = test::source_path("fixtures/clusters/kubeadm");
}

TEST_CASE("cli: inventory of the kubeadm scenario, text (#2)") {
  const auto r = test::run_rbacq({"inventory", kKubeadm});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("10 objects in 5 files\n"));
  CHECK(r.out.find("  ClusterRoleBinding                     2\n") != std::string::npos);
  CHECK(r.out.find("namespaces (4): default, kube-node-lease, kube-public, kube-system\n") != std::string::npos);
  CHECK(r.out.find("kubernetes-admin: embedded client certificate sha256:520cdef5bb4c2345, client key\n") !=
        std::string::npos);
  CHECK(r.out.ends_with("\nno problems\n"));
}

TEST_CASE("cli: inventory -o json has the documented shape (#2)") {
  const auto r = test::run_rbacq({"inventory", "-o", "json", kKubeadm});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("{\n  \"schema\": \"rbacq/v1\",\n  \"files\": 5,\n  \"objects\": 10,\n  \"counts\": {\n"
                          "    \"ClusterRole\": 1,\n    \"ClusterRoleBinding\": 2,\n    \"Config\": 1,\n"
                          "    \"Namespace\": 4,\n    \"Secret\": 1,\n    \"ServiceAccount\": 1\n  },\n"
                          "  \"namespaces\": [\n    \"default\",\n"));
  CHECK(r.out.ends_with("  \"diagnostics\": []\n}\n"));
}

TEST_CASE("cli: diagnostics in text are file:line:col: severity: message [id] on stderr - exit 2 on errors (#2)") {
  test::TempDir dir;
  const std::string bad = dir.write("bad.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules: abc\n");
  const auto r = test::run_rbacq({"inventory", "--no-color", bad});
  CHECK(r.exit_code == 2);
  CHECK(r.err == bad + ":4:8: error: expected a sequence for 'rules', got a scalar [input-schema]\n");
  CHECK(r.out.ends_with("\n1 error, 0 warnings, 0 notes\n"));
}

TEST_CASE("cli: diagnostics in JSON carry id, severity, position and notes (#2)") {
  test::TempDir dir;
  // Two definitions that differ (a label): identical ones are summed up per pair of files.
  const std::string ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: twice";
  const std::string a = dir.write("a.yaml", ns + "}\n");
  const std::string b = dir.write("b.yaml", ns + ", labels: {team: b}}\n");
  const auto r = test::run_rbacq({"inventory", "-o", "json", a, b});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  \"diagnostics\": [\n    {\n      \"id\": \"input-duplicate\",\n      \"severity\": \"warning\",\n"
                   "      \"file\": \"" + b + "\",\n      \"line\": 1,\n      \"column\": 1,\n"
                   "      \"message\": \"Namespace 'twice' is defined more than once; this definition replaces the earlier one\",\n"
                   "      \"notes\": [\n        {\n          \"file\": \"" + a + "\",\n          \"line\": 1,\n") != std::string::npos);
}

TEST_CASE("cli: --strict turns warnings into exit 1 (#2)") {
  test::TempDir dir;
  const std::string empty = dir.write("empty.yaml", "");
  CHECK(test::run_rbacq({"inventory", empty}).exit_code == 0);
  const auto strict = test::run_rbacq({"inventory", "--strict", empty});
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("warning: file holds no YAML or JSON document [input-empty]") != std::string::npos);
}

TEST_CASE("cli: standard input with -") {
  const auto r = test::run_rbacq({"inventory", "-"}, "apiVersion: v1\nkind: Namespace\nmetadata: {name: piped}\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("namespaces (1): piped") != std::string::npos);
  const auto bad = test::run_rbacq({"inventory", "--no-color", "-"}, "{\"kind\": ");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with("<stdin>:1:"));
}

TEST_CASE("cli: usage mistakes exit 2 with a message - and --help teaches - and --version") {
  const auto none = test::run_rbacq({"inventory"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("paths is required") != std::string::npos);
  CHECK(test::run_rbacq({"frobnicate"}).exit_code == 2);
  CHECK(test::run_rbacq({"inventory", "-o", "yaml", kKubeadm}).exit_code == 2);
  const auto help = test::run_rbacq({"inventory", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Examples:") != std::string::npos);
  const auto version = test::run_rbacq({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == "rbacq 0.1.0\n");
  const auto bare = test::run_rbacq({});
  CHECK(bare.exit_code == 0);
  CHECK(bare.out.find("inventory") != std::string::npos);
}

TEST_CASE("cli: names from the input cannot inject terminal sequences or forge lines") {
  test::TempDir dir;
  const std::string evil = dir.write(
      "evil.yaml",
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: \"x\\e[2J\\nfake.yaml:1:1: error: injected\", labels: {a: 1}}\n");
  const auto r = test::run_rbacq({"inventory", "--no-color", evil});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err == evil + ":3:72: error: expected a string value for 'a' in 'labels', got a number (quote it) [input-schema]\n");
  test::TempDir dir2;
  const std::string ok = dir2.write("ok.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: \"x\\e[2J\\nfake\"}\n");
  const auto shown = test::run_rbacq({"inventory", ok});
  CHECK(shown.out.find("namespaces (1): x\\x1b[2J\\nfake\n") != std::string::npos);
}

TEST_CASE("cli: kubeconfig users appear in JSON with fingerprints only") {
  const auto r = test::run_rbacq({"inventory", "-o", "json", test::source_path("fixtures/clusters/kubeadm/admin.conf")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  \"kubeconfigUsers\": [\n    {\n      \"name\": \"kubernetes-admin\",\n") != std::string::npos);
  CHECK(r.out.find("\"type\": \"embedded client certificate\",\n          \"detail\": \"sha256:520cdef5bb4c2345\"") !=
        std::string::npos);
  CHECK(r.out.find("\"type\": \"client key\",\n          \"detail\": \"\"") != std::string::npos);
}

TEST_CASE("cli: --max-file-size is checked and refuses bigger files precisely") {
  CHECK(test::run_rbacq({"inventory", "--max-file-size", "0", "x"}).exit_code == 2);
  CHECK(test::run_rbacq({"inventory", "--max-file-size", "17592186044416", "x"}).exit_code == 2);
  test::TempDir dir;
  const std::string big = dir.write("big.yaml", std::string(3 * 1024 * 1024 / 2, '#'));
  const auto r = test::run_rbacq({"inventory", "--no-color", "--max-file-size", "1", big});
  CHECK(r.exit_code == 2);
  CHECK(r.err == big + ": error: file is 1.5 MiB, larger than the limit of 1 MiB; not read [input-too-large]\n");
}

TEST_CASE("cli: --quiet lists only the input's errors, --max-warnings N at most N warnings and notes (issue 10)") {
  test::TempDir dir;
  const std::string role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {namespace: dev, name: ";
  std::string a;
  std::string b;
  for (int i = 0; i < 5; ++i) {
    a += role + "r" + std::to_string(i) + "}\nrules: []\n---\n";
    b += role + "r" + std::to_string(i) + "}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n---\n";
  }
  const std::string first = dir.write("a.yaml", a);
  const std::string second = dir.write("b.yaml", b);
  const std::string bad = dir.write("c.yaml", "kind: Role\nmetadata: {name: r}\n");
  const std::string path = dir.path().string();
  // 5 warnings (each with its note) and 1 error.
  auto r = test::run_rbacq({"inventory", path});
  CHECK(r.exit_code == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 11);
  r = test::run_rbacq({"inventory", "--max-warnings", "2", path});
  CHECK(r.exit_code == 2);
  CHECK(r.err == second + ":1:1: warning: Role 'dev/r0' is defined more than once; this definition replaces the earlier one [input-duplicate]\n" +
                     first + ":1:1: note: earlier definition is here\n" +
                     second + ":6:1: warning: Role 'dev/r1' is defined more than once; this definition replaces the earlier one [input-duplicate]\n" +
                     first + ":6:1: note: earlier definition is here\n" +
                     bad + ":1:1: error: Role has no 'apiVersion'; kubectl refuses it, so it is not analysed [input-api-version]\n"
                     "rbacq: note: 3 more warnings not shown (--max-warnings 2)\n");
  CHECK(r.out.ends_with("\n1 error, 5 warnings, 0 notes\n"));  // the summary still counts them all
  r = test::run_rbacq({"inventory", "--quiet", path});
  CHECK(r.exit_code == 2);
  CHECK(r.err == bad + ":1:1: error: Role has no 'apiVersion'; kubectl refuses it, so it is not analysed [input-api-version]\n");
  // The same options on every command that loads input; JSON documents keep every diagnostic.
  r = test::run_rbacq({"who-can", "get", "pods", "-n", "dev", "-q", "-f", path});
  CHECK(r.err == bad + ":1:1: error: Role has no 'apiVersion'; kubectl refuses it, so it is not analysed [input-api-version]\n");
  r = test::run_rbacq({"query", "count roles where not replaced", "--max-warnings", "0", "-f", path});
  CHECK(r.out == "COUNT\n5\n");
  CHECK(r.err.ends_with("[input-api-version]\nrbacq: note: 5 more warnings not shown (--max-warnings 0)\n"));
  r = test::run_rbacq({"can-i", "get", "pods", "-n", "dev", "--as", "x", "--max-warnings", "1", "-f", path});
  CHECK(r.err.ends_with("rbacq: note: 4 more warnings not shown (--max-warnings 1)\n"));
  r = test::run_rbacq({"-o", "json", "query", "count roles", "--quiet", "-f", path});
  CHECK(r.err.empty());
  CHECK(r.out.find("defined more than once") != std::string::npos);
}
