// SPDX-License-Identifier: Apache-2.0
// Issue 15: a JSON List (a `kubectl get -o json` dump) is decoded item by item as it is read.
// It must give exactly what reading the whole tree first gives — the same objects, locations
// and diagnostics — and nothing at all when the text turns out not to be good JSON.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "analyzer/input/json_reader.hpp"
#include "analyzer/input/list_pipeline.hpp"
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

/// What read_json hands a ListItems: "begin KIND API", "item" (or the item's text when it is a
/// string), "end", "abandon"; and the threads items were decoded on.
struct Recorder final : analyzer::ListItems {
  std::vector<std::string> calls;
  std::thread::id caller = std::this_thread::get_id();
  bool items_elsewhere = false;
  bool ends_here = true;
  std::size_t throw_at = std::size_t(-1);
  Document spare;
  void begin(std::string_view kind, std::string_view api_version, const Document& like) override {
    calls.push_back("begin " + std::string(kind) + " " + std::string(api_version));
    spare = like.empty_like();
  }
  Document& next_item() override {
    spare.clear();
    return spare;
  }
  void item(Document& item) override {
    if (calls.size() == throw_at) throw std::runtime_error("item failed");
    calls.emplace_back(item.kind(item.root()) == analyzer::NodeKind::scalar ? std::string(item.text(item.root())) : "item");
    if (std::this_thread::get_id() != caller) items_elsewhere = true;
  }
  void end(const Document& /*root*/) override {
    calls.emplace_back("end");
    ends_here = ends_here && std::this_thread::get_id() == caller;
  }
  void abandon() override {
    calls.emplace_back("abandon");
    ends_here = ends_here && std::this_thread::get_id() == caller;
  }
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

/// A List of `n` string items "i0", "i1", …, then `last` as one more item.
std::string numbered_list(std::size_t n, std::string_view last = {}) {
  std::string out = R"({"kind": "List", "items": [)";
  for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "\"i" : ", \"i") + std::to_string(i) + "\"";
  if (!last.empty()) out += ", " + std::string(last);
  return out + "]}";
}

}  // namespace

TEST_CASE("json list stream: a kubectl List's items are handed over one by one, kind after items as kubectl writes it (issue 15)") {
  std::size_t documents = 0;
  CHECK(streamed(list_of({kRole, kBinding, "5"}), &documents) ==
        std::vector<std::string>{"begin List ", "item", "item", "5", "end"});
  CHECK(documents == 0);
  CHECK(streamed(R"({"kind": "RoleList", "items": [{}]})") == std::vector<std::string>{"begin RoleList ", "item", "end"});
  CHECK(streamed(R"({"kind": "RoleList", "apiVersion": null, "items": []})") == std::vector<std::string>{"begin RoleList ", "end"});
}

TEST_CASE("json list stream: anything but a plain List is read whole, also when its last lines looked like one (issue 15)") {
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
    const auto calls = streamed(text, &documents);
    CHECK((calls.empty() || calls.back() == "abandon"));  // a guess from the last lines is undone
    CHECK(documents == 1);
  }
  // The last lines say List, the root is not one: streamed, undone, read again whole.
  std::size_t documents = 0;
  CHECK(streamed(R"({"kind": "Role", "items": [1, 2], "metadata": {"labels": {"kind": "List"}}})", &documents) ==
        std::vector<std::string>{"begin List ", "1", "2", "abandon"});
  CHECK(documents == 1);
}

TEST_CASE("json list stream: a syntax error or a second value after the items abandons what they gave (issue 15)") {
  CHECK(streamed(list_of({kRole, kBinding}, R"(,"kind": "List")")) == std::vector<std::string>{"begin List ", "item", "item", "abandon"});
  CHECK(streamed(list_of({kRole, "{\"a\": tru}"})) == std::vector<std::string>{"begin List ", "item", "abandon"});
  std::size_t documents = 0;
  CHECK(streamed(list_of({kRole}) + "\n{\"kind\": \"Namespace\"}", &documents) ==
        std::vector<std::string>{"begin List ", "item", "abandon"});
  // Looked through first (its last lines do not say List): a List that is not closed is seen
  // before any item is handed over.
  CHECK(streamed(R"({"kind": "List", "items": [{}, {"kind": "Namespace"}], "metadata": {})").empty());
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
      // The last lines say List, the root is something else: the guess is undone.
      R"({"kind": "RoleList", "apiVersion": "rbac.authorization.k8s.io/v1", "items": [{"metadata": {"name": "t", "namespace": "t"}}], "metadata": {"labels": {"kind": "List"}}})",
      R"({"kind": "List", "apiVersion": 1, "items": [)" + std::string(kRole) + R"(], "metadata": {"labels": {"kind": "List"}}})",
      R"({"kind": "List", "items": [], "kind": "List", "items": [)" + std::string(kRole) + "]}",
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

TEST_CASE("json list stream: past the cap of problems shown per file, the same ones are shown (issue 15)") {
  // Repeated keys are reported item by item either way, so that the 100 problems shown of a
  // file are the same ones (a reviewer's case: the last of 101 unnamed Roles repeats a key).
  std::vector<std::string> storage(101, R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"namespace": "a"}})");
  storage.back() = R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"namespace": "a", "namespace": "a"}})";
  storage.front() = R"({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "x", "name": "y", "namespace": "a"}})";
  const std::vector<std::string_view> items(storage.begin(), storage.end());
  const std::string text = list_of(items, R"(,"kind": "List","metadata": {"a": 1, "a": 2}})");
  const Loaded whole = load(text, "dump.json", false);
  const Loaded stream = load(text, "dump.json", true);
  CHECK(whole.diagnostics.size() > 100);
  CHECK(stream.diagnostics == whole.diagnostics);
  CHECK(stream.model == whole.model);
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
  // After a List broke off, later files still find what the earlier ones defined.
  const analyzer::LoadResult after = analyzer::load({a, b, c});
  REQUIRE(after.model.roles.size() == 1);
  CHECK(after.model.roles[0].rules.empty());
  CHECK(after.model.superseded_roles.size() == 1);
  CHECK(after.model.bindings.empty());
}

TEST_CASE("json list stream: through the pipeline the items arrive in order on another thread, begin and end on the caller's (issue 15)") {
  const std::string text = numbered_list(1000);
  analyzer::SourceText source{FilePath::intern("list.json"), text, 1, 1};
  source.bytes.reserve(source.bytes.size() + 64);
  Recorder recorder;
  Diagnostics diags;
  {
    analyzer::PipelinedItems pipeline(recorder);
    analyzer::read_json(source, LoadLimits{}, diags, [](const Document&) {}, &pipeline);
  }
  CHECK(diags.empty());
  REQUIRE(recorder.calls.size() == 1002);
  CHECK(recorder.calls.front() == "begin List ");
  bool in_order = true;
  for (std::size_t i = 0; i < 1000; ++i) in_order = in_order && recorder.calls[i + 1] == "i" + std::to_string(i);
  CHECK(in_order);
  CHECK(recorder.calls.back() == "end");
  CHECK(recorder.items_elsewhere);
  CHECK(recorder.ends_here);
}

TEST_CASE("json list stream: through the pipeline a bad item abandons, and an item's exception reaches the reader (issue 15)") {
  {
    const std::string text = numbered_list(700, "tru");
    analyzer::SourceText source{FilePath::intern("list.json"), text, 1, 1};
    Recorder recorder;
    Diagnostics diags;
    analyzer::PipelinedItems pipeline(recorder);
    analyzer::read_json(source, LoadLimits{}, diags, [](const Document&) {}, &pipeline);
    CHECK(diags.has_errors());
    REQUIRE(recorder.calls.size() >= 2);
    CHECK(recorder.calls.back() == "abandon");
    CHECK(recorder.calls.size() <= 702);
    CHECK(recorder.ends_here);
  }
  {
    const std::string text = numbered_list(1000);
    analyzer::SourceText source{FilePath::intern("list.json"), text, 1, 1};
    Recorder recorder;
    recorder.throw_at = 300;
    Diagnostics diags;
    analyzer::PipelinedItems pipeline(recorder);
    CHECK_THROWS_WITH_AS(analyzer::read_json(source, LoadLimits{}, diags, [](const Document&) {}, &pipeline), "item failed", std::runtime_error);
    CHECK(recorder.calls.size() == 300);  // nothing after the failure: no end
  }
}

TEST_CASE("json list stream: a dump large enough for the pipeline loads as reading the whole tree does (issue 15)") {
  // Above the size where loading starts a second thread; RBACQ_THREADS=1 would make it one.
  std::vector<std::string> storage;
  for (int i = 0; i < 6000; ++i) {
    storage.push_back(R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "b)" + std::to_string(i) +
                      R"(", "namespace": "n)" + std::to_string(i % 50) + R"("}, "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
      "subjects": [{"kind": "ServiceAccount", "name": "sa)" + std::to_string(i) + R"(", "namespace": "n1"}]})");
    if (i % 1000 == 7) storage.back() = R"({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": 5}})";  // an error now and then
  }
  std::vector<std::string_view> items(storage.begin(), storage.end());
  const std::string text = list_of(items);
  REQUIRE(text.size() > (std::size_t{1} << 20U));
  const Loaded whole = load(text, "dump.json", false);
  const Loaded stream = load(text, "dump.json", true);
  CHECK(whole.model.bindings.size() == 5994);
  CHECK(stream.model == whole.model);
  CHECK(stream.diagnostics == whole.diagnostics);
}
