// SPDX-License-Identifier: Apache-2.0
// Issue 15: a JSON List (a `kubectl get -o json` dump) is decoded item by item as it is read.
// It must give exactly what reading the whole tree first gives — the same objects, locations
// and diagnostics — and nothing at all when the text turns out not to be good JSON.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/input/json_reader.hpp"
#include "analyzer/input/loader.hpp"
#include "test_support.hpp"

using namespace rbacq;
using analyzer::Document;
using analyzer::LoadLimits;

namespace {

constexpr std::string_view kRole =
    R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "a"},
      "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}]})";
constexpr std::string_view kBinding =
    R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "b", "namespace": "zzz"},
      "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "r"},
      "subjects": [{"kind": "ServiceAccount", "name": "x", "namespace": "zzz"}]})";

std::string list_of(const std::vector<std::string_view>& items, std::string_view tail = R"(,"kind": "List","metadata": {"resourceVersion": ""}})") {
  std::string out = R"({"apiVersion": "v1","items": [)";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += ",\n";
    out += items[i];
  }
  return out + "]\n" + std::string(tail);
}

struct Loaded {
  analyzer::Model model;
  std::vector<Diagnostic> diagnostics;
};

Loaded load(std::string_view text, std::string_view name, bool stream, LoadLimits limits = {}) {
  limits.stream_json_lists = stream;
  Loaded out;
  Diagnostics diags;
  analyzer::load_text(text, name, limits, out.model, diags);
  out.diagnostics = diags.sorted();
  return out;
}

/// What read_json hands a ListItems: "begin KIND API", "item", "end", "abandon".
struct Recorder final : analyzer::ListItems {
  std::vector<std::string> calls;
  void begin(std::string_view kind, std::string_view api_version) override {
    calls.push_back("begin " + std::string(kind) + " " + std::string(api_version));
  }
  void item(const Document& /*item*/) override { calls.emplace_back("item"); }
  void end(const Document& /*root*/) override { calls.emplace_back("end"); }
  void abandon() override { calls.emplace_back("abandon"); }
};

std::vector<std::string> streamed(std::string_view text, std::size_t* whole_documents = nullptr) {
  analyzer::SourceText source{FilePath::intern("list.json"), std::string(text), 1, 1};
  source.bytes.reserve(source.bytes.size() + 64);
  Recorder recorder;
  Diagnostics diags;
  std::size_t documents = 0;
  analyzer::read_json(source, LoadLimits{}, diags, [&](const Document&) { ++documents; }, &recorder);
  if (whole_documents != nullptr) *whole_documents = documents;
  return recorder.calls;
}

}  // namespace

TEST_CASE("json list stream: a kubectl List's items are handed over one by one, kind after items as kubectl writes it (issue 15)") {
  std::size_t documents = 0;
  CHECK(streamed(list_of({kRole, kBinding, "5"}), &documents) ==
        std::vector<std::string>{"begin List v1", "item", "item", "item", "end"});
  CHECK(documents == 0);
  CHECK(streamed(R"({"kind": "RoleList", "items": [{}]})") == std::vector<std::string>{"begin RoleList ", "item", "end"});
  CHECK(streamed(R"({"kind": "RoleList", "apiVersion": null, "items": []})") == std::vector<std::string>{"begin RoleList ", "end"});
}

TEST_CASE("json list stream: anything but a plain List is read whole (issue 15)") {
  for (const std::string_view text : {
           std::string_view(R"({"kind": "List", "items": [], "items": [{"kind": "Role"}]})"),  // the last items win
           std::string_view(R"({"kind": "List", "kind": "List", "items": []})"),
           std::string_view(R"({"kind": "List", "items": null})"),
           std::string_view(R"({"kind": "List", "items": {}})"),
           std::string_view(R"({"kind": "Role", "items": []})"),
           std::string_view(R"({"kind": 5, "items": []})"),
           std::string_view(R"({"kind": "List", "apiVersion": 1, "items": []})"),
           std::string_view(R"([{"kind": "List", "items": []}])"),
       }) {
    CAPTURE(text);
    std::size_t documents = 0;
    CHECK(streamed(text, &documents).empty());
    CHECK(documents == 1);
  }
}

TEST_CASE("json list stream: a syntax error or a second value after the items abandons what they gave (issue 15)") {
  // A List that is not closed is seen before any item is handed over; a bad value inside an
  // item only when it is read.
  CHECK(streamed(list_of({kRole, kBinding}, R"(,"kind": "List")")).empty());
  CHECK(streamed(list_of({kRole, "{\"a\": tru}"})) == std::vector<std::string>{"begin List v1", "item", "abandon"});
  std::size_t documents = 0;
  CHECK(streamed(list_of({kRole}) + "\n{\"kind\": \"Namespace\"}", &documents) ==
        std::vector<std::string>{"begin List v1", "item", "abandon"});
  CHECK(documents == 2);  // read again as a stream of two values
}

TEST_CASE("json list stream: the same objects, locations and diagnostics as reading the whole tree (issue 15)") {
  const std::string_view bad_rule =
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "bad", "namespace": "a"}, "rules": [{"verbs": "get"}]})";
  const std::string_view duplicate_keys =
      R"({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "sa", "name": "sa2", "namespace": "a"}})";
  const std::string_view redefined =
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": []})";
  const std::string_view nested = R"({"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}]})";
  const std::vector<std::string> texts = {
      list_of({kRole, kBinding}),
      list_of({kRole, bad_rule, duplicate_keys, "5", "null", R"("x")", R"({"metadata": {}})", nested, redefined}),
      list_of({kRole}, R"(,"kind": "List","metadata": {"a": 1, "a": 2}})"),  // a repeated key in the List itself
      R"({"kind": "RoleList", "apiVersion": "rbac.authorization.k8s.io/v1", "items": [{"metadata": {"name": "typed", "namespace": "t"}, "rules": []}]})",
      R"({"kind": "RoleList", "apiVersion": null, "items": [{"metadata": {"name": "typed", "namespace": "t"}}]})",
      R"({"kind": "List", "items": [], "items": [)" + std::string(kRole) + "]}",
      list_of({kRole, kBinding}, R"(,"kind": "List")"),                     // not closed
      list_of({kRole, "{\"a\": tru}"}),                                     // a bad literal among the items
      list_of({kRole}) + "\n" + std::string(kBinding),                       // a stream of two values
      list_of({kRole, kBinding}, R"(,"kind": "List"} trailing)"),
  };
  for (const std::string& text : texts) {
    for (const std::string_view name : {std::string_view("dump.json"), std::string_view("dump.yaml")}) {
      CAPTURE(text);
      CAPTURE(name);
      const Loaded whole = load(text, name, false);
      const Loaded stream = load(text, name, true);
      CHECK(stream.model == whole.model);
      CHECK(stream.diagnostics == whole.diagnostics);
    }
  }
  // Limits hold the same way: the object limit counts items, the depth limit reaches into them.
  LoadLimits few;
  few.max_objects = 2;
  const std::string many = list_of({kRole, kBinding, redefined, bad_rule});
  CHECK(load(many, "dump.json", true, few).model == load(many, "dump.json", false, few).model);
  CHECK(load(many, "dump.json", true, few).diagnostics == load(many, "dump.json", false, few).diagnostics);
  LoadLimits shallow;
  shallow.max_depth = 4;
  CHECK(load(many, "dump.json", true, shallow).diagnostics == load(many, "dump.json", false, shallow).diagnostics);
  CHECK_FALSE(load(many, "dump.json", true, shallow).diagnostics.empty());
}

TEST_CASE("json list stream: a List that breaks off leaves the model as the files before it made it (issue 15)") {
  // b.json redefines a.yaml's Role, adds a namespace and a binding, then has a bad value: none of
  // it may count — not the replacement, not the [input-duplicate] warning, not the namespace.
  const test::TempDir dir;
  const std::string a = dir.write("a.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: a}
rules: [{apiGroups: [""], resources: [secrets], verbs: [list]}]
)");
  const std::string broken = list_of({R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": []})",
                                      kBinding, R"({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "new"}})",
                                      R"({"a": tru})"});
  const std::string b = dir.write("b.json", broken);
  analyzer::LoadResult expected = analyzer::load({a});
  expected.model.files.push_back(FilePath::intern(b));
  const analyzer::LoadResult got = analyzer::load({a, b});
  CHECK(got.model == expected.model);
  CHECK(got.model.superseded_roles.empty());
  CHECK(got.model.namespaces_seen.count("zzz") == 0);
  REQUIRE(got.diagnostics.items().size() == 1);
  CHECK(got.diagnostics.items()[0].id == "input-json");
  // And whole, the same List replaces the Role as a later definition does.
  const std::string c = dir.write("c.json", list_of({R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": []})"}));
  const analyzer::LoadResult replaced = analyzer::load({a, c});
  REQUIRE(replaced.model.roles.size() == 1);
  CHECK(replaced.model.roles[0].rules.empty());
  CHECK(replaced.model.superseded_roles.size() == 1);
}
