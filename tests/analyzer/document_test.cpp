// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include <functional>

#include "analyzer/input/document.hpp"
#include "analyzer/input/yaml_reader.hpp"

using namespace rbacq;
using namespace rbacq::analyzer;

namespace {
/// Parses YAML text and runs `check` on its first document (documents live only in the sink).
void with_first_document(std::string text, const std::function<void(const Document&)>& check) {
  SourceText src{FilePath::intern("doc.yaml"), std::move(text), 1, 1};
  Diagnostics diags;
  bool taken = false;
  read_yaml(src, LoadLimits{}, diags, [&](const Document& d) {
    if (!taken) check(d);
    taken = true;
  });
  CHECK(diags.empty());
  CHECK(taken);
}
}  // namespace

TEST_CASE("document: find follows YAML merge keys, own keys win") {
  with_first_document("base: &b {a: 1, c: 3}\nobj:\n  <<: *b\n  a: 2\n", [](const Document& d) {
  const auto obj = d.find(d.root(), "obj");
  REQUIRE(obj);
  CHECK(d.text(*d.find(*obj, "a")) == "2");
  CHECK(d.text(*d.find(*obj, "c")) == "3");
  CHECK_FALSE(d.find(*obj, "zz"));
  });
}

TEST_CASE("document: a merge of a sequence of mappings takes the earlier one first") {
  with_first_document("x: &x {k: 1}\ny: &y {k: 2, m: 5}\nz:\n  <<: [*x, *y]\n", [](const Document& d) {
    const auto z = *d.find(d.root(), "z");
    CHECK(d.text(*d.find(z, "k")) == "1");
    CHECK(d.text(*d.find(z, "m")) == "5");
  });
}

TEST_CASE("document: an alias shares its target instead of copying it") {
  with_first_document("a: &a [1, 2]\nb: *a\n",
                      [](const Document& d) { CHECK(*d.find(d.root(), "a") == *d.find(d.root(), "b")); });
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

TEST_CASE("document: long and many scalars survive arena growth and reuse across documents") {
  const std::string long_value(100000, 'x');
  std::string text = "long: " + long_value + "\n";
  for (int i = 0; i < 5000; ++i) text += "k" + std::to_string(i) + ": value-" + std::to_string(i) + "\n";
  text += "---\nsecond: " + long_value + "y\n";
  SourceText src{FilePath::intern("big.yaml"), text, 1, 1};
  Diagnostics diags;
  int seen = 0;
  read_yaml(src, LoadLimits{}, diags, [&](const Document& d) {
    if (seen++ == 0) {
      CHECK(d.text(*d.find(d.root(), "long")) == long_value);
      CHECK(d.text(*d.find(d.root(), "k4999")) == "value-4999");
      CHECK(d.text(*d.find(d.root(), "k0")) == "value-0");
    } else {
      CHECK(d.text(*d.find(d.root(), "second")) == long_value + "y");
    }
  });
  CHECK(seen == 2);
  CHECK(diags.empty());
}
