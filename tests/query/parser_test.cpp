// SPDX-License-Identifier: Apache-2.0
// The parser: grammar sanity (pegtl::analyze), positions, limits, keywords, and parse → print →
// parse over every golden query. Issue 4.
#include <tao/pegtl/contrib/analyze.hpp>

#include <fmt/format.h>

#include "query/golden.hpp"
#include "query/grammar.hpp"
#include "query/parser.hpp"
#include "query/printer.hpp"
#include "query/value.hpp"
#include "test_support.hpp"

namespace rbacq::query {
namespace {

std::string error_of(std::string_view text) {
  const auto q = parse_query(text);
  REQUIRE_FALSE(q.has_value());
  return fmt::format("{}:{}: {}", q.error().loc.line, q.error().loc.column, q.error().message);
}

TEST_CASE("the grammar has no rule that can loop without consuming input (pegtl::analyze)") {
  // analyze() returns the number of problems it found and prints them.
  CHECK(tao::pegtl::analyze<grammar::query>(1) == 0);
}

TEST_CASE("parse → print → parse is a fixed point for every golden query (issue 4)") {
  std::size_t checked = 0;
  for (const auto& g : test::golden_queries("ok")) {
    CAPTURE(g.path.string());
    const auto first = parse_query(g.query);
    REQUIRE(first.has_value());
    const std::string printed = print(*first);
    CAPTURE(printed);
    const auto second = parse_query(printed);
    REQUIRE(second.has_value());
    CHECK(print(*second) == printed);
    CHECK(second->statements.size() == first->statements.size());
    ++checked;
  }
  CHECK(checked >= 40);
}

TEST_CASE("printing keeps meaning: precedence, quoting and reserved words") {
  const auto q = parse_query("subjects where (kind = User or kind = Group) and not name =~ 'a\"b' and name = \"in\"");
  REQUIRE(q.has_value());
  CHECK(print(*q) == "subjects where (kind = User or kind = Group) and not name =~ \"a\\\"b\" and name = \"in\"");
  const auto s = parse_query("can sa:\"my ns\"/app get pods named \"a b\" in \"any\"");
  REQUIRE(s.has_value());
  CHECK(print(*s) == "can sa:\"my ns\"/app get pods named \"a b\" in \"any\"");
  const auto l = parse_query("can system:serviceaccount:ci:deployer {get,list} deployments.apps/scale cluster-wide");
  REQUIRE(l.has_value());
  CHECK(print(*l) == "can sa:ci/deployer {get,list} deployments.apps/scale cluster-wide");
  // The words can-i's flags need (issue 9): --as-group, --exact-groups and --api-group.
  const auto g = parse_query("can  user:alice with groups(dev,\"system:masters\",'a b') get Pods  of  group \"\" named x in dev");
  REQUIRE(g.has_value());
  CHECK(print(*g) == "can user:alice with groups (dev, system:masters, \"a b\") get Pods of group \"\" named x in dev");
  const auto& can = std::get<CanQuery>(g->statements.at(0).source);
  REQUIRE(can.groups.has_value());
  CHECK(can.groups->groups == std::vector<std::string>{"dev", "system:masters", "a b"});
  CHECK_FALSE(can.groups->exact);
  CHECK(can.target.api_group == std::optional<std::string>(""));
  const auto w = parse_query("what can sa:ci/bot with only groups ( ) in ci");
  REQUIRE(w.has_value());
  CHECK(print(*w) == "what can sa:ci/bot with only groups () in ci");
  CHECK(std::get<WhatCanQuery>(w->statements.at(0).source).groups->exact);
  // `group`, `groups`, `with` and `of` stay usable as values and names.
  const auto v = parse_query("bindings where name in (with, of, group, groups) and subject = group:of");
  REQUIRE(v.has_value());
  CHECK(print(*v) == "bindings where name in (with, of, group, groups) and subject = group:of");
}

TEST_CASE("syntax errors name what was expected and what was found, at line:column") {
  CHECK(error_of("can user:alice get") == "1:19: expected a resource (pods, deployments.apps, pods/exec, *) or url PATH, found the end of the query");
  CHECK(error_of("who can get secrets\n  in") == "2:5: expected a namespace name or 'any namespace' after 'in', found the end of the query");
  CHECK(error_of("roles where name = 'x") == "1:22: unterminated string: expected a closing \"'\" on the same line, found the end of the query");
}

TEST_CASE("keywords are not identifiers") {
  CHECK(error_of("where") == "1:1: expected a statement: can …, who can …, what can …, count …, select … from …, or a relation such as subjects, bindings, roles, rules or grants, found 'where'");
  CHECK(error_of("roles where and = 1").starts_with("1:13: expected a condition"));
  // ...but a word that only starts like a keyword is a name.
  CHECK(parse_query("roles where index = 1 and order_x = 2").has_value());
  // The printer asks the grammar which words to quote: `namespace` is a keyword only after `in any`.
  CHECK(is_reserved_word("where"));
  CHECK(is_reserved_word("cluster-wide"));
  CHECK_FALSE(is_reserved_word("namespace"));
  CHECK_FALSE(is_reserved_word("index"));
  CHECK(to_literal(SubjectValue{"User", "in", ""}) == "user:\"in\"");
}

TEST_CASE("limits: length, nesting and statement count are errors, not crashes") {
  CHECK(error_of(std::string(kMaxQueryBytes + 1, ' ')).find("longer than 64 KiB") != std::string::npos);
  std::string deep = "roles where ";
  for (int i = 0; i < 100; ++i) deep += "(";
  CHECK(error_of(deep + "a").find("more than 64 deep") != std::string::npos);
  std::string many;
  for (std::size_t i = 0; i <= kMaxStatements; ++i) many += "roles;";
  CHECK(error_of(many).find("at most 256 statements") != std::string::npos);
  CHECK(error_of(std::string("roles\0x", 7)).find("NUL") != std::string::npos);
}

TEST_CASE("caret lines point under the column, in display columns") {
  // 'é' is two bytes but one column: the caret after it must not drift right.
  const std::string text = "can user:\"é\" get";
  const auto q = parse_query(text);
  REQUIRE_FALSE(q.has_value());
  CHECK(q.error().loc.column == 18);
  CHECK(caret_lines(text, q.error().loc, 1) == "  " + text + "\n" + std::string(18, ' ') + "^\n");
}

TEST_CASE("caret lines show at most 60 columns on each side of the caret, cut at characters (issue 10)") {
  const std::string text = "roles where name = " + std::string(200, 'a') + " and" + std::string(200, 'b') + " ?";
  const auto q = parse_query(text);
  REQUIRE_FALSE(q.has_value());
  CHECK(caret_lines(text, q.error().loc, 1) ==
        "  …" + std::string(59, 'a') + " and" + std::string(57, 'b') + "…\n" + std::string(2 + 61, ' ') + "^\n");
  // An escape (\u200b, six columns) is shown whole or not at all.
  const auto around = [](std::size_t xs) {
    const std::string t = "roles where name = \"\xe2\x80\x8b" + std::string(xs, 'x') + "\" andq";
    const auto e = parse_query(t);
    REQUIRE_FALSE(e.has_value());
    return caret_lines(t, e.error().loc, 1);
  };
  CHECK(around(57) == "  …" + std::string(57, 'x') + "\" andq\n" + std::string(2 + 60, ' ') + "^\n");
  CHECK(around(50) == "  … \"\\u200b" + std::string(50, 'x') + "\" andq\n" + std::string(2 + 61, ' ') + "^\n");
  // The 64 KiB limit of a pasted file: two short lines, not the file and 64,000 blanks.
  const std::string huge(kMaxQueryBytes + 30000, 'x');
  const auto h = parse_query(huge);
  REQUIRE_FALSE(h.has_value());
  CHECK(caret_lines(huge, h.error().loc, 1).size() < 300);
  // A short line is shown whole.
  CHECK(caret_lines("roles wher", parse_query("roles wher").error().loc, 1) == "  roles wher\n        ^\n");
}

}  // namespace
}  // namespace rbacq::query
