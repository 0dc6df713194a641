// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "analyzer/document.hpp"
#include "analyzer/yaml_reader.hpp"

using namespace rbacq;
using namespace rbacq::analyzer;

namespace {
/// Parses YAML text and keeps the first document (Documents are reused by the reader).
struct FirstDocument {
  explicit FirstDocument(std::string text) {
    SourceText src{FilePath::intern("doc.yaml"), std::move(text), 1, 1};
    read_yaml(src, LoadLimits{}, diags, [&](const Document& d) {
      if (!taken) doc = d;
      taken = true;
    });
  }
  Document doc;
  Diagnostics diags;
  bool taken = false;
};
}  // namespace

TEST_CASE("document: find follows YAML merge keys, own keys win") {
  FirstDocument f("base: &b {a: 1, c: 3}\nobj:\n  <<: *b\n  a: 2\n");
  REQUIRE(f.diags.empty());
  const Document& d = f.doc;
  const auto obj = d.find(d.root(), "obj");
  REQUIRE(obj);
  CHECK(d.text(*d.find(*obj, "a")) == "2");
  CHECK(d.text(*d.find(*obj, "c")) == "3");
  CHECK_FALSE(d.find(*obj, "zz"));
}

TEST_CASE("document: a merge of a sequence of mappings takes the earlier one first") {
  FirstDocument f("x: &x {k: 1}\ny: &y {k: 2, m: 5}\nz:\n  <<: [*x, *y]\n");
  const Document& d = f.doc;
  const auto z = *d.find(d.root(), "z");
  CHECK(d.text(*d.find(z, "k")) == "1");
  CHECK(d.text(*d.find(z, "m")) == "5");
}

TEST_CASE("document: an alias shares its target instead of copying it") {
  FirstDocument f("a: &a [1, 2]\nb: *a\n");
  const Document& d = f.doc;
  CHECK(*d.find(d.root(), "a") == *d.find(d.root(), "b"));
}

TEST_CASE("line cursor: offsets to 1-based line and byte column, in any order") {
  const std::string text = "ab\ncde\n\nf";
  LineCursor c(text);
  CHECK(c.locate(0) == std::pair<std::uint32_t, std::uint32_t>{1, 1});
  CHECK(c.locate(4) == std::pair<std::uint32_t, std::uint32_t>{2, 2});
  CHECK(c.locate(8) == std::pair<std::uint32_t, std::uint32_t>{4, 1});
  CHECK(c.locate(1) == std::pair<std::uint32_t, std::uint32_t>{1, 2});  // backwards restarts
  CHECK(c.locate(7) == std::pair<std::uint32_t, std::uint32_t>{3, 1});
}
