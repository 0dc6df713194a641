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
  auto r = run_rbacq({"query", "select role, rule, verbs, api_groups, resources, resource_names from rules", "-f", c.path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "ROLE   RULE  VERBS   API_GROUPS  RESOURCES           RESOURCE_NAMES\n"
                 "mixed  1     [get]   [\"\" apps]   [pods deployments]  []\n"
                 "mixed  2     [list]  [\"\"]        [secrets]           []\n");
  r = run_rbacq({"-o", "markdown", "query", "select role, rule, api_groups, resource_names from rules", "-f", c.path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "| role | rule | api_groups | resource_names |\n| --- | --- | --- | --- |\n"
                 "| mixed | 1 | \"\", apps |  |\n| mixed | 2 | \"\" |  |\n");
  // JSON carries the list as it is.
  r = run_rbacq({"-o", "json", "query", "rules where rule = 1", "-f", c.path});
  std::string json = r.out;
  std::erase_if(json, [](char ch) { return ch == ' ' || ch == '\n'; });
  CHECK(json.find("\"api_groups\":[\"\",\"apps\"]") != std::string::npos);
}

TEST_CASE("query -o csv: a cell a spreadsheet would run as a formula starts with ' (issue 10)") {
  const Cluster c;
  const auto r = run_rbacq({"-o", "csv", "query", "select name, subject, subject.name, subjects, role from bindings", "-f", c.path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "name,subject,subject.name,subjects,role\r\n"
                 "'+sum,\"user:\"\"=HYPERLINK(\\\"\"http://x.example/\\\"\",\\\"\"click\\\"\")\"\"\","
                 "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",3,mixed\r\n"
                 "'+sum,user:@cmd,'@cmd,3,mixed\r\n"
                 "'+sum,\"user:\"\"-2+3\"\"\",'-2+3,3,mixed\r\n");
  // Numbers are data: a count stays a number.
  const auto count = run_rbacq({"-o", "csv", "query", "count bindings", "-f", c.path});
  CHECK(count.out == "count\r\n3\r\n");
}

TEST_CASE("query: the query may come after -f, as kubectl users write it, and a missing file stays missing (issue 10)") {
  const Cluster c;
  // Options first: the query was read as a second -f path.
  auto r = run_rbacq({"query", "-f", c.path, "can user:@cmd get pods in dev"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("ALLOWED  VERB  RESOURCE  NAME  NAMESPACE  VIA   REASON\ntrue "));
  CHECK(r.err == "rbacq: note: taking 'can user:@cmd get pods in dev' as the query: no file has that name, and it reads as a query\n");
  // Also with the manifests on standard input, where a query from stdin is impossible.
  r = run_rbacq({"query", "-f", "-", "count rules"}, kPolicy);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "COUNT\n2\n");
  // A query that does not parse is a missing file, with a hint.
  r = run_rbacq({"query", "-f", c.path, "who can gett secrets in"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "who can gett secrets in: error: no such file or directory [input-read]\n"
                 "who can gett secrets in: note: this looks like a query: put it before -f or quote it\n");
  // A real missing file is reported as missing, and never answered as a query: 'manifests'
  // parses (a relation name nothing defines) but does not look like a query.
  r = run_rbacq({"query", "-f", c.path, "manifests"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "manifests: error: no such file or directory [input-read]\n");
  // With the query given, a missing path is a missing path, even one that reads as a query.
  r = run_rbacq({"query", "count rules", "-f", c.path, "roles"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "COUNT\n2\n");
  CHECK(r.err == "roles: error: no such file or directory [input-read]\n"
                 "roles: note: this looks like a query: put it before -f or quote it\n");
  // Two paths that read as queries: neither is guessed.
  r = run_rbacq({"query", "-f", c.path, "count rules", "count roles"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("count rules: error: no such file or directory [input-read]\n"
                   "count rules: note: this looks like a query: put it before -f or quote it\n") != std::string::npos);
}

TEST_CASE("query: a syntax error is reported before the inputs are loaded, with a clipped caret line (issue 10)") {
  rbacq::test::TempDir dir;
  const std::string bad = dir.write("bad.yaml", "kind: Role\nmetadata: {name: r}\nrules: abc\n");
  auto r = run_rbacq({"query", "roles wher", "-f", bad});
  CHECK(r.exit_code == 2);
  // Nothing of bad.yaml: it was never read.
  CHECK(r.err.starts_with("query:1:7: error: "));
  CHECK(r.err.ends_with(" [query-syntax]\n"
                        "  roles wher\n"
                        "        ^\n"));
  CHECK(r.err.find("bad.yaml") == std::string::npos);
  // A pasted file: two short lines, not 160 KB.
  const std::string huge = "roles where name = " + std::string(95000, 'x');
  r = run_rbacq({"query", huge, "-f", bad});
  CHECK(r.exit_code == 2);
  CHECK(r.err.size() < 400);
  CHECK(r.err.find("longer than 64 KiB") != std::string::npos);
  // A check error needs the model: the input is loaded and its problems shown first.
  r = run_rbacq({"query", "roles where nam = x", "-f", bad});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.yaml:1:1: error:") != std::string::npos);
  CHECK(r.err.find("query:1:13: error: roles has no column 'nam' [query-check]\n") != std::string::npos);
}

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// Whether `json` is valid JSON, read by rbacq's own reader (a document without `kind` is only a note).
bool valid_json(const std::string& json) { return !rbacq::test::load(json, "out.json").diagnostics.has_errors(); }

}  // namespace

TEST_CASE("query -o json: several statements are one document with \"statements\", the input's diagnostics once (issue 10)") {
  rbacq::test::TempDir dir;
  dir.write("a.yaml", kPolicy);
  dir.write("empty.yaml", "");  // one problem: a warning
  const std::string path = dir.path().string();
  auto r = run_rbacq({"-o", "json", "query", "count rules; count bindings; rules where rule = 2", "-f", path});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("{\n  \"schema\": \"rbacq/v1\",\n  \"statements\": [\n    {\n      \"statement\": \"count rules\",\n"));
  CHECK(occurrences(r.out, "\"schema\"") == 1);
  CHECK(occurrences(r.out, "\"statement\":") == 3);
  CHECK(occurrences(r.out, "\"diagnostics\"") == 1);
  CHECK(occurrences(r.out, "holds no YAML") == 1);
  CHECK(r.out.ends_with("  ]\n}\n"));
  CHECK(valid_json(r.out));
  // --json-stream: today's one document per statement, the diagnostics only in the first.
  r = run_rbacq({"-o", "json", "query", "count rules; count bindings", "--json-stream", "-f", path});
  CHECK(occurrences(r.out, "\"schema\"") == 2);
  CHECK(occurrences(r.out, "holds no YAML") == 1);
  CHECK(r.out.find("\"diagnostics\": []") > r.out.find("holds no YAML"));
  // One statement keeps the single-document shape.
  r = run_rbacq({"-o", "json", "query", "count rules", "-f", path});
  CHECK(r.out.starts_with("{\n  \"schema\": \"rbacq/v1\",\n  \"statement\": \"count rules\",\n"));
  CHECK(occurrences(r.out, "holds no YAML") == 1);
  CHECK(valid_json(r.out));
  // Queries from standard input: the diagnostics in the session's first document only.
  r = run_rbacq({"-o", "json", "query", "-f", path}, "count rules\ncount bindings; count roles\n");
  CHECK(occurrences(r.out, "\"schema\"") == 2);
  CHECK(occurrences(r.out, "\"statements\"") == 1);
  CHECK(occurrences(r.out, "holds no YAML") == 1);
  // --json-stream is for JSON.
  r = run_rbacq({"query", "count rules", "--json-stream", "-f", path});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "rbacq: error: --json-stream goes with -o json\n");
}
