// SPDX-License-Identifier: Apache-2.0
// Reading a rule file: the `location` key (where findings point).
#include "rules/rule_file.hpp"

#include "test_support.hpp"

namespace rbacq::test {
namespace {

std::optional<rules::Rule> read(std::string_view text, Diagnostics& problems) {
  const analyzer::SourceText source{FilePath::intern("policy/x.yaml"), std::string(text), 1, 1};
  return rules::read_rule(source, false, problems);
}

}  // namespace

TEST_CASE("rule files: location is row (default) or role-ref, for the rule or per case") {
  Diagnostics problems;
  const auto rule = read(R"(id: x
title: t
location: role-ref
cases:
  - severity: low
    query: bindings
    message: "{name}"
  - severity: high
    query: bindings
    message: "{name}"
    location: row
)",
                         problems);
  REQUIRE(rule);
  CHECK(lines(problems) == std::vector<std::string>{});
  REQUIRE(rule->cases.size() == 2);
  CHECK(rule->cases[0].at == rules::FindingAt::role_ref);
  CHECK(rule->cases[1].at == rules::FindingAt::row);

  const auto plain = read("id: y\ntitle: t\nseverity: low\nquery: bindings\nmessage: \"{name}\"\n", problems);
  REQUIRE(plain);
  CHECK(plain->cases.at(0).at == rules::FindingAt::row);
}

TEST_CASE("rule files: an unknown location is an error at its line") {
  Diagnostics problems;
  CHECK_FALSE(read("id: x\ntitle: t\nseverity: low\nquery: bindings\nmessage: \"{name}\"\nlocation: subject\n", problems));
  CHECK(lines(problems) == std::vector<std::string>{
                               "6:11: error: 'subject' is not a location: row (the line the row points at) or role-ref (its binding's "
                               "roleRef) [rule-invalid]"});
}

}  // namespace rbacq::test
