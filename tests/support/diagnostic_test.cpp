// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "support/diagnostic.hpp"

using namespace rbacq;

TEST_CASE("diagnostics: sorted by file, line, column, id - exact duplicates dropped") {
  const FilePath a = FilePath::intern("a.yaml");
  const FilePath b = FilePath::intern("b.yaml");
  Diagnostics d;
  d.add("input-yaml", Severity::error, {b, 1, 1}, "x");
  d.add("input-schema", Severity::error, {a, 9, 2}, "y");
  d.add("input-schema", Severity::error, {a, 3, 7}, "z");
  d.add("input-empty", Severity::warning, {a, 3, 7}, "w");
  d.add("input-schema", Severity::error, {a, 3, 7}, "z");
  const auto s = d.sorted();
  REQUIRE(s.size() == 4);
  CHECK(s[0].id == "input-empty");
  CHECK(s[1].message == "z");
  CHECK(s[2].loc.line == 9);
  CHECK(s[3].loc.file == b);
  CHECK(d.count(Severity::error) == 3);  // as shown: the repeat is not counted twice
  CHECK(d.has_errors());
}

TEST_CASE("source location: text form drops unknown parts") {
  const FilePath f = FilePath::intern("dir/f.yaml");
  CHECK(to_string(SourceLocation{f, 3, 5}) == "dir/f.yaml:3:5");
  CHECK(to_string(SourceLocation{f, 3, 0}) == "dir/f.yaml:3");
  CHECK(to_string(SourceLocation{f, 0, 0}) == "dir/f.yaml");
  CHECK(to_string(SourceLocation{}) == "<unknown>");
}

TEST_CASE("file paths are interned: equal paths share storage") {
  const FilePath a = FilePath::intern("same");
  const FilePath b = FilePath::intern(std::string("sa") + "me");
  CHECK(a == b);
  CHECK(a.str().data() == b.str().data());
}
