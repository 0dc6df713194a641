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

// Rule options (issue 11): declared in the rule file, read by listed() in its queries, set in
// .rbacq.yaml's rules.options.
namespace rbacq::test {

TEST_CASE("rule files: options are declared with a description and a default list, and listed() reads them") {
  Diagnostics problems;
  const auto rule = read(R"(id: x
title: t
severity: high
query: grants where not listed(trusted-subjects, subject)
message: "{subject}"
options:
  trusted-subjects:
    description: who may
    default: [sa:ci/deployer, "group:ops"]
)",
                         problems);
  REQUIRE(rule);
  CHECK(lines(problems) == std::vector<std::string>{});
  REQUIRE(rule->options.size() == 1);
  CHECK(rule->options[0].name == "trusted-subjects");
  CHECK(rule->options[0].description == "who may");
  CHECK(rule->options[0].defaults == std::vector<std::string>{"sa:ci/deployer", "group:ops"});
  CHECK(rule->options[0].values == rule->options[0].defaults);
  CHECK(rule->options[0].loc.line == 7);
  const analyzer::AnalysisContext context(load(""), analyzer::AnalysisOptions{});
  CHECK(rules::check_rule(*rule, context, problems));
  CHECK(lines(problems) == std::vector<std::string>{});
}

TEST_CASE("rule files: a query naming an option the rule does not declare is an error at its character, with did-you-mean") {
  Diagnostics problems;
  const auto rule = read(R"(id: x
title: t
severity: high
query: grants where not listed(trusted-subject, subject)
message: "{subject}"
options:
  trusted-subjects: {description: who may}
)",
                         problems);
  REQUIRE(rule);
  const analyzer::AnalysisContext context(load(""), analyzer::AnalysisOptions{});
  CHECK_FALSE(rules::check_rule(*rule, context, problems));
  CHECK(lines(problems) == std::vector<std::string>{"4:32: error: the rule has no option 'trusted-subject' [query-check]"});
  const std::vector<Diagnostic> found = problems.sorted();
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].notes.size() == 2);
  CHECK(found[0].notes[0].message == "did you mean 'trusted-subjects'?");
  CHECK(found[0].notes[1].message == "the rule's options: trusted-subjects");
}

TEST_CASE("rule files: malformed options are errors at their line and column") {
  Diagnostics problems;
  CHECK_FALSE(read(R"(id: x
title: t
severity: high
query: grants
message: "{subject}"
options:
  Trusted: {description: d}
  ok: {description: d, default: one}
  other: {descripton: d}
)",
                   problems));
  CHECK(lines(problems) == std::vector<std::string>{
                               "7:3: error: 'Trusted' is not an option name: names are kebab-case (lower-case letters, digits, '-') [rule-invalid]",
                               "8:33: error: the default of option ok is a list of values, as in [sa:argocd/argocd-server] [rule-invalid]",
                               "9:10: error: the rule has no 'description' [rule-invalid]",
                               "9:11: error: unknown key 'descripton' [rule-invalid]"});
}

}  // namespace rbacq::test
