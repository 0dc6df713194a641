// SPDX-License-Identifier: Apache-2.0
// Bad input: each case asserts the exact diagnostic (id, position, message) and that the rest of
// the input still loads (#2).
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "analyzer/input/plain_scalar.hpp"
#include "test_support.hpp"

using namespace rbacq;
using Lines = std::vector<std::string>;

namespace {
constexpr std::string_view kGoodNamespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: survivor}\n";

std::string deep_yaml(int depth) { return "a: " + std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']') + "\n"; }
}  // namespace

TEST_CASE("bad input: malformed YAML loses only its own document (#2)") {
  const std::string text = std::string(kGoodNamespace) + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [oops}\n---\n" +
                           "apiVersion: v1\nkind: Namespace\nmetadata: {name: after}\n";
  const auto r = test::load(text);
  CHECK(test::lines(r.diagnostics) == Lines{"7:23: error: illegal flow end [input-yaml]"});
  REQUIRE(r.model.namespaces.size() == 2);
  CHECK(r.model.namespaces[0].meta.name == "survivor");
  CHECK(r.model.namespaces[1].meta.name == "after");
  CHECK(r.model.namespaces[1].meta.loc.line == 9);
}

TEST_CASE("bad input: a YAML error reported on the next document's marker keeps that document (#2)") {
  const auto r = test::load("a: 'unclosed\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: kept}\n");
  CHECK(test::lines(r.diagnostics) == Lines{"2:1: error: illegal document indicator in scalar [input-yaml]"});
  REQUIRE(r.model.namespaces.size() == 1);
  CHECK(r.model.namespaces[0].meta.loc.line == 3);
}

TEST_CASE("bad input: a quoted scalar the input ends inside is an error at its quote, not a value (issue 11 review)") {
  // yaml-cpp reads `name: "abc` and a newline at the end of the input as if the quote were closed.
  for (const char* quote : {"\"", "'"}) {
    CAPTURE(quote);
    const auto r = test::load(std::string(kGoodNamespace) + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + quote + "cut\n");
    CHECK(test::lines(r.diagnostics) == Lines{fmt::format("8:9: error: this quoted scalar is not closed: the input ends before its closing {} [input-yaml]", quote)});
    REQUIRE(r.model.namespaces.size() == 1);
    CHECK(r.model.namespaces[0].meta.name == "survivor");
  }
  // Behind a tag or an anchor too.
  CHECK(test::lines(test::load("apiVersion: v1\nkind: Namespace\nmetadata: {name: !!str &n \"cut\n").diagnostics) ==
        Lines{"3:18: error: this quoted scalar is not closed: the input ends before its closing \" [input-yaml]"});
  // Closed ones, with escapes and doubled quotes, are values.
  const auto ok = test::load("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: !!str &n \"a\\\"b\"\n  labels: {one: 'it''s', two: \"\\\\\"}\n");
  CHECK(test::lines(ok.diagnostics) == Lines{});
  REQUIRE(ok.model.namespaces.size() == 1);
  CHECK(ok.model.namespaces[0].meta.name == "a\"b");
}

TEST_CASE("bad input: malformed JSON names the position (#2)") {
  const auto r = test::load("{\n  \"kind\": \"Role\",\n  \"metadata\": {\"name\": \"r\",}\n}\n", "bad.json");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"3:28: error: unexpected character: expected a value, ',' or a closing bracket [input-json]"});
  CHECK(r.model.counts.empty());
}

TEST_CASE("bad input: truncated JSON (#2)") {
  const auto r = test::load("{\"kind\": \"Namespace\", \"metadata\": {\"name\": \"x\"", "cut.json");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].id == "input-json");
  CHECK(r.diagnostics.items()[0].loc.line == 1);
  CHECK(r.model.namespaces.empty());
}

TEST_CASE("bad input: trailing content after a JSON value (#2)") {
  const auto r = test::load("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n  x\n", "two.json");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"2:3: error: unexpected character: expected a value, ',' or a closing bracket [input-json]"});
  CHECK(r.model.namespaces.size() == 1);  // what came before the junk is kept
  const auto junk = test::load(
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n"
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"b\"}} ]\n",
      "junk.json");
  REQUIRE(junk.diagnostics.items().size() == 1);
  CHECK(junk.diagnostics.items()[0].id == "input-json");
}

TEST_CASE("json stream: values one after another are all read (#2)") {
  const auto r = test::load(
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n"
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"b\"}}"
      "[{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"c\"}}]\n",
      "stream.json");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.namespaces.size() == 3);
  CHECK(r.model.namespaces[1].meta.loc == SourceLocation{FilePath::intern("stream.json"), 2, 1});
  CHECK(r.model.namespaces[2].meta.loc.column == 64);
  const auto cut = test::load(
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n{\"kind\": ", "cut-stream.json");
  REQUIRE(cut.diagnostics.items().size() == 1);
  CHECK(cut.diagnostics.items()[0].id == "input-json");
}

TEST_CASE("bad input: JSON scalar documents (#2)") {
  CHECK(test::lines(test::load("42", "n.json").diagnostics) ==
        Lines{"1:1: error: expected a Kubernetes object (a mapping), got a scalar [input-schema]"});
  CHECK(test::lines(test::load("null", "n.json").diagnostics) ==
        Lines{"0:0: warning: file holds no YAML or JSON document [input-empty]"});
  CHECK(test::lines(test::load("tru", "n.json").diagnostics) == Lines{"1:1: error: invalid JSON value [input-json]"});
}

TEST_CASE("bad input: a stray ',' at the top level of YAML does not hang the reader (#2)") {
  CHECK(test::lines(test::load(",").diagnostics) ==
        Lines{"1:1: error: unexpected character at the start of a document [input-yaml]"});
  const auto r = test::load(std::string("{a: 1},\n{b: 2}\n---\n") + std::string(kGoodNamespace));
  CHECK(r.model.namespaces.size() == 1);
  CHECK(r.diagnostics.count(Severity::error) >= 1);
}

TEST_CASE("bad input: the alias budget is per document (#2)") {
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "---\nk: [a, b, c, d, e, f, g, h, i, j]\n";
  analyzer::LoadLimits limits;
  limits.max_expanded_nodes = 1000;
  const auto r = test::load(many + "---\nx: &x [1]\ny: *x\n---\n" + std::string(kGoodNamespace), "many.yaml", limits);
  CHECK(r.diagnostics.count(Severity::error) == 0);
  CHECK(r.model.namespaces.size() == 1);
}

TEST_CASE("bad input: a UTF-8 byte order mark before an RBAC object (#2)") {
  const auto r = test::load("\xEF\xBB\xBF" "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: x}\nrules: []\n");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.roles.size() == 1);
  CHECK(r.model.roles[0].meta.loc.column == 4);
  const auto j = test::load("\xEF\xBB\xBF{\"kind\": 1}", "bom.json");
  CHECK(test::lines(j.diagnostics) == Lines{"1:13: error: expected a string for 'kind', got a number (quote it) [input-schema]"});
}

TEST_CASE("bad input: rules: \"abc\" rejects the Role at the value (#2)") {
  const auto r = test::load(std::string(kGoodNamespace) +
                            "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: a}\nrules: \"abc\"\n");
  CHECK(test::lines(r.diagnostics) == Lines{"8:8: error: expected a sequence for 'rules', got a scalar [input-schema]"});
  CHECK(r.model.roles.empty());
  CHECK(r.model.namespaces.size() == 1);
  CHECK(r.model.counts.at("Role") == 1);  // it is in the file, even though it is rejected
}

TEST_CASE("bad input: verbs: get (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- apiGroups: ['']\n  "
      "resources: [pods]\n  verbs: get\n");
  CHECK(test::lines(r.diagnostics) == Lines{"7:10: error: expected a sequence for 'verbs', got a scalar [input-schema]"});
  CHECK(r.model.roles.empty());
}

TEST_CASE("bad input: a list element of the wrong shape (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- verbs: [get, {x: 1}]\n- just-a-string\n");
  CHECK(test::lines(r.diagnostics) == Lines{"5:16: error: expected a string in 'verbs', got a mapping [input-schema]",
                                            "6:3: error: expected a mapping in 'rules', got a scalar [input-schema]"});
}

TEST_CASE("bad input: missing roleRef (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, namespace: a}\nsubjects: [{kind: User, name: u}]\n");
  CHECK(test::lines(r.diagnostics) == Lines{"1:1: error: RoleBinding 'rb' has no 'roleRef' [input-schema]"});
  CHECK(r.model.bindings.empty());
}

TEST_CASE("bad input: roleRef without a name, subject without a kind (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole}\n"
      "subjects:\n- {name: u}\n");
  CHECK(test::lines(r.diagnostics) == Lines{"4:10: error: 'roleRef' needs a 'kind' and a 'name' [input-schema]",
                                            "6:3: error: a subject needs a 'kind' and a 'name' [input-schema]"});
}

TEST_CASE("bad input: missing metadata.name (#2)") {
  const auto r = test::load("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  labels: {a: b}\nrules: []\n");
  CHECK(test::lines(r.diagnostics) == Lines{"4:3: error: ClusterRole has no 'metadata.name' [input-schema]"});
  const auto no_metadata = test::load("apiVersion: v1\nkind: ServiceAccount\n");
  CHECK(test::lines(no_metadata.diagnostics) == Lines{"1:1: error: ServiceAccount has no 'metadata.name' [input-schema]"});
}

TEST_CASE("bad input: metadata that is not a mapping (#2)") {
  const auto r = test::load("apiVersion: v1\nkind: Namespace\nmetadata: prod\n");
  CHECK(test::lines(r.diagnostics) == Lines{"3:11: error: expected a mapping for 'metadata', got a scalar [input-schema]"});
}

TEST_CASE("bad input: a document that is not a mapping (#2)") {
  // A top-level sequence is read as a list of objects, as a JSON array of objects is.
  const auto r = test::load(std::string("- a\n- b\n---\njust text\n---\n") + std::string(kGoodNamespace));
  CHECK(test::lines(r.diagnostics) ==
        Lines{"1:3: error: expected a Kubernetes object (a mapping), got a scalar [input-schema]",
              "2:3: error: expected a Kubernetes object (a mapping), got a scalar [input-schema]",
              "4:1: error: expected a Kubernetes object (a mapping), got a scalar [input-schema]"});
  CHECK(r.model.namespaces.size() == 1);
}

TEST_CASE("bad input: a document without kind in a manifest, and a file that is no manifest at all (#2)") {
  const auto mixed = test::load(std::string("foo: bar\n---\n") + std::string(kGoodNamespace));
  CHECK(test::lines(mixed.diagnostics) == Lines{"1:1: warning: document has no 'kind'; skipped [input-schema]"});
  const auto values = test::load("replicaCount: 3\nimage: {tag: latest}\n", "values.yaml");
  CHECK(test::lines(values.diagnostics) ==
        Lines{"0:0: warning: no Kubernetes object in this file (no document has a 'kind'); skipped [input-not-manifest]"});
}

TEST_CASE("bad input: an empty file and a file of comments only (#2)") {
  CHECK(test::lines(test::load("").diagnostics) == Lines{"0:0: warning: file holds no YAML or JSON document [input-empty]"});
  CHECK(test::lines(test::load("# nothing here\n\n---\n").diagnostics) ==
        Lines{"0:0: warning: file holds no YAML or JSON document [input-empty]"});
}

TEST_CASE("bad input: a wrong scalar for a boolean (#2)") {
  const auto r = test::load("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\nautomountServiceAccountToken: \"false\"\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"4:31: error: expected true or false for 'automountServiceAccountToken', got a string [input-schema]"});
}

TEST_CASE("bad input: deep nesting in YAML and JSON (#2)") {
  analyzer::LoadLimits limits;
  limits.max_depth = 50;
  const auto yaml = test::load(deep_yaml(60) + "---\n" + std::string(kGoodNamespace), "deep.yaml", limits);
  CHECK(test::lines(yaml.diagnostics) == Lines{"1:53: error: nesting deeper than 50 levels [input-depth]"});
  CHECK(yaml.model.namespaces.size() == 1);
  const auto json = test::load("{\"a\": " + std::string(60, '[') + std::string(60, ']') + "}", "deep.json", limits);
  CHECK(test::lines(json.diagnostics) == Lines{"1:56: error: nesting deeper than 50 levels [input-depth]"});
}

TEST_CASE("bad input: 100,000 levels of nesting do not overflow the stack (#2)") {
  const auto yaml = test::load(deep_yaml(100000), "deeper.yaml");
  REQUIRE(yaml.diagnostics.items().size() == 1);
  CHECK(yaml.diagnostics.items()[0].id == "input-depth");
  const auto json = test::load(std::string(100000, '[') + std::string(100000, ']'), "deeper.json");
  REQUIRE(json.diagnostics.items().size() == 1);
  CHECK(json.diagnostics.items()[0].id == "input-depth");
}

TEST_CASE("bad input: a billion-laughs alias bomb is stopped (#2)") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const char prev = static_cast<char>(c - 1);
    bomb += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", c, prev);
  }
  const auto r = test::load(bomb + "---\n" + std::string(kGoodNamespace));
  CHECK(test::lines(r.diagnostics) ==
        Lines{"7:16: error: aliases expand this document past 4000000 nodes (a \"billion laughs\" alias bomb?) [input-alias]"});
  CHECK(r.model.namespaces.size() == 1);
}

TEST_CASE("bad input: aliases within the budget are fine (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- &read {apiGroups: [''], "
      "resources: [pods], verbs: [get]}\n- *read\n");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.roles.size() == 1);
  CHECK(r.model.roles[0].rules.size() == 2);
}

TEST_CASE("bad input: binary data (#2)") {
  const auto r = test::load(std::string("apiVersion: v1\nkind: \0Namespace\n", 32));
  CHECK(test::lines(r.diagnostics) == Lines{});  // load_text trusts its caller; read_source checks files
  test::TempDir dir;
  const std::string path = dir.write("blob.yaml", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  const auto f = analyzer::load({path});
  REQUIRE(f.diagnostics.items().size() == 1);
  CHECK(f.diagnostics.items()[0].id == "input-binary");
  CHECK(f.diagnostics.items()[0].loc.line == 1);
  CHECK(f.diagnostics.items()[0].loc.column == 8);
  CHECK(f.diagnostics.items()[0].message == "binary data (a NUL byte): not a YAML or JSON text file");
}

TEST_CASE("bad input: text that is not UTF-8 (#2)") {
  test::TempDir dir;
  const std::string latin1 = dir.write("latin1.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: caf\xe9}\n");
  const std::string utf16 = dir.write("utf16.yaml", std::string("\xff\xfe" "a\0p\0", 6));
  const auto r = analyzer::load({latin1, utf16});
  const auto d = r.diagnostics.sorted();
  REQUIRE(d.size() == 2);
  CHECK(d[0].id == "input-encoding");
  CHECK(d[0].loc.line == 3);
  CHECK(d[0].loc.column == 21);
  CHECK(d[0].message == "invalid UTF-8 (byte 0xe9); Kubernetes manifests must be UTF-8");
  CHECK(d[1].id == "input-encoding");
  CHECK(d[1].message == "UTF-16 text; Kubernetes manifests must be UTF-8 (convert with iconv -f UTF-16 -t UTF-8)");
}

TEST_CASE("bad input: an unrendered Helm template is one warning, not a cascade (#2)") {
  const auto r = test::load(
      "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ include \"x.fullname\" . }}\n  labels:\n    {{- include "
      "\"x.labels\" . | nindent 4 }}\n");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].id == "input-template");
  CHECK(r.diagnostics.items()[0].severity == Severity::warning);
}

TEST_CASE("bad input: the object limit stops loading with one error (#2)") {
  analyzer::LoadLimits limits;
  limits.max_objects = 2;
  std::string text;
  for (int i = 0; i < 4; ++i) text += fmt::format("---\napiVersion: v1\nkind: Namespace\nmetadata: {{name: n{}}}\n", i);
  const auto r = test::load(text, "many.yaml", limits);
  CHECK(test::lines(r.diagnostics) == Lines{"10:1: error: more than 2 objects; the rest are not loaded [input-limit]"});
  CHECK(r.model.namespaces.size() == 2);
}

TEST_CASE("bad input: plain YAML scalars that are not strings where strings belong (#2)") {
  // go-yaml v2 (YAML 1.1), which kubectl uses, reads these as numbers and booleans: the API
  // server then refuses them in string fields.
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: 1234, namespace: dev}\nrules: []\n---\n"
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: dev}\n"
      "rules: [{apiGroups: [''], resources: [pods], verbs: [get, yes, 0x1F, 1e3, .inf, null]}]\n---\n"
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: y, labels: {version: 1.0}}\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"3:18: error: expected a string for 'name', got a number (quote it) [input-schema]",
              "9:59: error: expected a string in 'verbs', got a boolean (quote it) [input-schema]",
              "9:64: error: expected a string in 'verbs', got a number (quote it) [input-schema]",
              "9:70: error: expected a string in 'verbs', got a number (quote it) [input-schema]",
              "9:75: error: expected a string in 'verbs', got a number (quote it) [input-schema]",
              "13:18: error: expected a string for 'name', got a boolean (quote it) [input-schema]",
              "13:39: error: expected a string value for 'version' in 'labels', got a number (quote it) [input-schema]"});
  CHECK(r.model.roles.empty());
  const auto fine = test::load(
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: '1234', labels: {a: \"true\", b: v1.2, c: 1.2.3, d: 0.0.0.0, e: ~}}\n");
  CHECK(fine.diagnostics.empty());
  REQUIRE(fine.model.namespaces.size() == 1);
  CHECK(fine.model.namespaces[0].meta.labels ==
        analyzer::Labels{{"a", "true"}, {"b", "v1.2"}, {"c", "1.2.3"}, {"d", "0.0.0.0"}, {"e", ""}});
}

TEST_CASE("bad input: YAML 1.1 booleans are booleans where booleans belong (#2)") {
  const auto r = test::load("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\nautomountServiceAccountToken: OFF\n");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.service_accounts.size() == 1);
  CHECK(r.model.service_accounts[0].automount_token == false);
}

TEST_CASE("bad input: a key given twice keeps its last value, with a warning (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n"
      "rules:\n- apiGroups: ['*']\n  resources: ['*']\n  verbs: [get]\n  verbs: ['*']\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"8:3: warning: 'verbs' is given more than once in this mapping; the last one is used (kubectl "
              "--validate=strict refuses this) [input-duplicate-key]"});
  REQUIRE(r.model.roles.size() == 1);
  CHECK(r.model.roles[0].rules[0].verbs == std::vector<std::string>{"*"});
  REQUIRE(r.diagnostics.items()[0].notes.size() == 1);
  CHECK(r.diagnostics.items()[0].notes[0].loc.line == 7);
  const auto j = test::load("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\",\"name\":\"b\"}}", "d.json");
  REQUIRE(j.model.namespaces.size() == 1);
  CHECK(j.model.namespaces[0].meta.name == "b");
  CHECK(j.diagnostics.items().size() == 1);
}

TEST_CASE("bad input: a missing or unknown apiVersion keeps an object out of the analysis (#2)") {
  const auto r = test::load(
      "kind: ClusterRole\nmetadata: {name: a}\nrules: []\n---\napiVersion: rbac.authorization.k8s.io/v2\n"
      "kind: ClusterRole\nmetadata: {name: b}\nrules: []\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"1:1: error: ClusterRole has no 'apiVersion'; kubectl refuses it, so it is not analysed [input-api-version]",
              "5:1: note: ClusterRole with apiVersion 'rbac.authorization.k8s.io/v2' is not the Kubernetes ClusterRole; "
              "counted, not analysed [input-api-version]"});
  CHECK(r.model.roles.empty());
}

TEST_CASE("bad input: objects with generateName are never merged as duplicates (#2)") {
  const std::string rb =
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {generateName: tmp-, namespace: a}\n"
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n";
  const auto r = test::load(rb + "subjects: [{kind: User, name: alice}]\n---\n" + rb + "subjects: [{kind: User, name: bob}]\n");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.bindings.size() == 2);
  CHECK(r.model.bindings[0].meta.generated_name);
}

TEST_CASE("bad input: bindings the API server would refuse are kept with a warning (#2)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\n"
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\n"
      "subjects:\n- {kind: ServiceAccount, name: sa}\n- {kind: user, name: alice}\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"4:10: warning: the API server rejects this: a ClusterRoleBinding can only reference a ClusterRole [input-invalid]",
              "6:3: warning: the API server rejects this: a ServiceAccount subject of a ClusterRoleBinding needs a "
              "namespace [input-invalid]",
              "7:3: warning: the API server rejects this: subject kind must be User, Group or ServiceAccount, not "
              "'user' (case matters) [input-invalid]"});
  CHECK(r.model.bindings.size() == 1);
}

TEST_CASE("bad input: rules the API server would refuse are kept with a warning (issue 3)") {
  const auto r = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: dev}\nrules:\n"
      "- {verbs: [get], resources: [pods]}\n"
      "- {verbs: [get], nonResourceURLs: [/healthz]}\n"
      "- {apiGroups: [''], resources: [pods]}\n"
      "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: c}\nrules:\n"
      "- {verbs: [get], apiGroups: [''], resources: [pods], nonResourceURLs: [/metrics]}\n"
      "- {verbs: [get], apiGroups: [''], resources: []}\n"
      "- {verbs: [get], nonResourceURLs: [/metrics]}\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"5:3: warning: the API server rejects this: a rule for resources needs 'apiGroups' and 'resources' (apiGroups: [\"\"] "
              "is the core group); this one grants nothing [input-invalid]",
              "6:3: warning: the API server rejects this: a Role cannot have 'nonResourceURLs' (only ClusterRoles bound by "
              "ClusterRoleBindings grant them) [input-invalid]",
              "7:3: warning: the API server rejects this: a rule needs 'verbs'; this one grants nothing [input-invalid]",
              "13:3: warning: the API server rejects this: a rule cannot apply to both resources and 'nonResourceURLs'; write "
              "two rules [input-invalid]",
              "14:3: warning: the API server rejects this: a rule for resources needs 'apiGroups' and 'resources' (resources is "
              "empty); this one grants nothing [input-invalid]"});
  REQUIRE(r.model.roles.size() == 2);
  CHECK(r.model.roles[0].rules.size() == 3);
}

TEST_CASE("bad input: problems per file are capped (#2)") {
  std::string text = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- verbs: [";
  for (int i = 0; i < 1000; ++i) text += "{}, ";
  text += "{}]\n";
  const auto r = test::load(text);
  CHECK(r.diagnostics.count(Severity::error) == 100);
  const auto notes = test::lines(r.diagnostics);
  REQUIRE(notes.size() == 101);
  // The note comes after the problems it summarises, at the first one it leaves out (issue 10).
  CHECK(notes.back() == "5:411: note: 901 more problems in this file not shown, the first of them here (at most 100 per file) [input-limit]");
  CHECK(notes.front().starts_with("5:11: error:"));
}

TEST_CASE("secrets: no annotation but the service-account ones is kept (#2)") {
  const auto r = test::load(
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    kubernetes.io/service-account.name: a\n"
      "    kubectl.kubernetes.io/last-applied-configuration: '{\"data\":{\"token\":\"c2VjcmV0\"}}'\ntype: Opaque\n");
  REQUIRE(r.model.secrets.size() == 1);
  CHECK(r.model.secrets[0].meta.annotations == analyzer::Labels{{"kubernetes.io/service-account.name", "a"}});
}

TEST_CASE("bad input: merge keys nested to make lookups exponential are stopped (#2)") {
  std::string bomb = "m0: &m0 {a: 1, b: 2, c: 3, d: 4}\n";
  for (int i = 1; i <= 16; ++i) bomb += fmt::format("m{0}: &m{0} {{<<: [*m{1}, *m{1}], k{0}: v}}\n", i, i - 1);
  const auto r = test::load(bomb + "---\n" + std::string(kGoodNamespace));
  CHECK(test::lines(r.diagnostics) ==
        Lines{"12:6: error: merge keys ('<<') nest so deep that one lookup would scan more than 10000 keys [input-alias]"});
  CHECK(r.model.namespaces.size() == 1);
}

TEST_CASE("json: numbers beyond 64 bits or double range are valid JSON, 01 is not (#2)") {
  const auto r = test::load(
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"},\"x\":123456789012345678901234567890,"
      "\"y\":1e309,\"z\":[-0.5e-400]}",
      "big.json");
  CHECK(r.diagnostics.empty());
  CHECK(r.model.namespaces.size() == 1);
  CHECK(test::lines(test::load("{\"a\": 01}", "octal.json").diagnostics) == Lines{"1:7: error: invalid number [input-json]"});
}

TEST_CASE("bad input: a template that parses as YAML keeps its errors, with a hint (#2)") {
  const auto r = test::load("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Values.sa }}\n  namespace: x\n");
  CHECK(test::lines(r.diagnostics) ==
        Lines{"4:9: error: expected a string for 'name', got a mapping [input-schema]",
              "4:9: note: this file contains '{{ }}': if it is an unrendered template, render it first (helm "
              "template, kustomize build) and analyse the output [input-template]"});
  CHECK(r.model.service_accounts.empty());
}

TEST_CASE("bad input: '{{ }}' in a valid manifest hides none of its real errors (#2)") {
  const auto r = test::load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rules}\ndata: {rule: \"summary: {{ $labels.instance }} down\"}\n---\n"
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, namespace: a}\nroleRef: {kind: Role}\n");
  CHECK(r.diagnostics.count(Severity::error) == 1);
  CHECK(r.diagnostics.sorted().front().message == "'roleRef' needs a 'kind' and a 'name'");
}

TEST_CASE("plain scalars: prefixed integers beyond 64 bits and overflowing floats stay strings, as in go-yaml (#2)") {
  using analyzer::PlainType;
  CHECK(analyzer::plain_type("0x10000000000000000") == PlainType::string);
  CHECK(analyzer::plain_type("0xFFFFFFFFFFFFFFFF") == PlainType::integer);
  CHECK(analyzer::plain_type(std::string("0b1") + std::string(64, '0')) == PlainType::string);
  CHECK(analyzer::plain_type("1e400") == PlainType::string);
  CHECK(analyzer::plain_type(".5e999") == PlainType::string);
  CHECK(analyzer::plain_type("99999999999999999999") != PlainType::string);  // a float in Go: a number either way
  CHECK(analyzer::plain_type("0755") == PlainType::integer);
  CHECK(analyzer::plain_type("1_000") == PlainType::integer);
  CHECK(analyzer::plain_type("0o17") == PlainType::integer);
  CHECK(analyzer::plain_type("+1") == PlainType::integer);
  CHECK(analyzer::plain_type("1e3") == PlainType::floating);
  CHECK(analyzer::plain_type(".inf") == PlainType::floating);
  CHECK(analyzer::plain_type("Yes") == PlainType::boolean);
  CHECK(analyzer::plain_type("yES") == PlainType::string);
  for (const char* s : {"1.2.3", "v1", "NaN", "0x", "-", "2001-12-14", "1:20", "0.0.0.0", "1e", "e3"}) {
    INFO(s);
    CHECK(analyzer::plain_type(s) == PlainType::string);
  }
}
