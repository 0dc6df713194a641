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

TEST_CASE("line cursor: the same lines and columns as counting byte by byte, over long texts and runs of newlines") {
  // The cursor counts eight bytes at a time; runs of more than 255 × 8 newlines and lines of
  // every length around eight bytes are where such counting goes wrong.
  std::string text;
  unsigned seed = 7;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245U + 12345U;
    const unsigned r = (seed >> 16) % 20;
    text += r < 3 ? std::string(r == 0 ? 3000 : 9, '\n') : std::string(r, 'x') + "\n";
  }
  LineCursor c(text);
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  std::size_t checked = 0;
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    if (offset % 97 == 0 || text[offset] == 'x') {
      const auto [l, col] = c.locate(offset);
      if (l != line || col != offset - line_start + 1) {
        CAPTURE(offset);
        CHECK(l == line);
        CHECK(col == offset - line_start + 1);
        break;
      }
      ++checked;
    }
    if (text[offset] == '\n') {
      ++line;
      line_start = offset + 1;
    }
  }
  CHECK(checked > 1000);
  LineCursor fresh(text);
  CHECK(fresh.locate(text.size()).first == line);  // the end, in one jump from the top
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
