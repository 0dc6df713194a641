// SPDX-License-Identifier: Apache-2.0
// The built-in rules as a whole (issue 11): every file of rules/builtin/ is compiled in (the
// CMake list is explicit), ids are unique and name their files, every rule is documented and has
// fixtures that fire and fixtures that must not, and every query checks against an input.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "rules/catalogue.hpp"
#include "rules/rule_fixtures.hpp"
#include "test_support.hpp"

namespace rbacq::test {

TEST_CASE("built-in rules: every file of rules/builtin/ is compiled in, ids unique and named as their files") {
  Diagnostics problems;
  const auto rules = rules::builtin_rules(problems);
  CHECK(lines(problems) == std::vector<std::string>{});
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("rules/builtin"))) {
    if (entry.path().extension() == ".yaml") files.insert(entry.path().stem().string());
  }
  std::set<std::string> ids;
  for (const rules::Rule& r : rules) {
    CAPTURE(r.id);
    CHECK(ids.insert(r.id).second);
    CHECK(r.builtin);
    CHECK(r.loc.file.str().ends_with("/" + r.id + ".yaml"));
  }
  CHECK_MESSAGE(files == ids, "rules/builtin/*.yaml and the rules compiled in differ: is a file missing from rules/CMakeLists.txt?");
}

TEST_CASE("built-in rules: each says what it finds, how to fix it and where to read more") {
  Diagnostics problems;
  for (const rules::Rule& r : rules::builtin_rules(problems)) {
    CAPTURE(r.id);
    CHECK(!r.title.empty());
    CHECK(!r.description.empty());
    CHECK(!r.remediation.empty());
    CHECK(!r.references.empty());
    for (const rules::RuleCase& c : r.cases) CHECK(!c.message.empty());
  }
}

TEST_CASE("built-in rules: each has fixtures with a line that must fire and one that must not (DESIGN 7)") {
  Diagnostics problems;
  const auto rules = rules::builtin_rules(problems);
  std::map<std::string, std::pair<int, int>> markers;  // rule → expect, expect-not
  for (const RuleFixture& f : rule_fixtures()) {
    for (const FixtureMarker& m : f.markers) {
      if (m.rule != f.rule) continue;
      auto& [expect, expect_not] = markers[m.rule];
      ++(m.expected ? expect : expect_not);
    }
  }
  std::set<std::string> ids;
  for (const rules::Rule& r : rules) {
    CAPTURE(r.id);
    ids.insert(r.id);
    CHECK_MESSAGE(markers[r.id].first > 0, "fixtures/rules/" << r.id << "/ has no '# expect: " << r.id << "' line");
    CHECK_MESSAGE(markers[r.id].second > 0, "fixtures/rules/" << r.id << "/ has no '# expect-not: " << r.id << "' line");
  }
  for (const std::string& dir : rule_fixture_dirs()) {
    CHECK_MESSAGE(ids.contains(dir), "fixtures/rules/" << dir << "/ is for no built-in rule");
  }
}

TEST_CASE("built-in rules: every query checks against an input (rbacq lint on an empty directory)") {
  const TempDir dir;
  dir.write("README.md", "nothing to lint\n");
  const CommandResult r = run_rbacq({"lint", dir.path().string()});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("[rule-invalid]") == std::string::npos);
  CHECK(r.err.find("[query-check]") == std::string::npos);
  CHECK(r.err.find("[query-syntax]") == std::string::npos);
  CHECK(r.out.find("no findings") != std::string::npos);
}

}  // namespace rbacq::test
