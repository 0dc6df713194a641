// SPDX-License-Identifier: Apache-2.0
// The fixture driver of the lint rules (DESIGN §7): lints every fixture of fixtures/rules/ with
// the real binary and checks its inline expectations — every `expect` is a finding of that rule
// at that line, every `expect-not` line has none, and no finding of the fixture's own rule is on
// a line that does not expect it, so a false positive fails as surely as a miss.
#include <map>
#include <set>
#include <sstream>

#include "rules/rule_fixtures.hpp"
#include "test_support.hpp"

namespace rbacq::test {
namespace {

struct Found {
  std::string rule;
  std::string severity;
  std::string file;
  unsigned line = 0;
  std::string message;
};

/// The value of `"key": VALUE` on a line of rbacq's JSON (one member per line), unquoted.
std::optional<std::string> member(const std::string& line, std::string_view key) {
  const std::string prefix = "\"" + std::string(key) + "\": ";
  const std::size_t at = line.find(prefix);
  if (at == std::string::npos) return std::nullopt;
  std::string value = line.substr(at + prefix.size());
  if (!value.empty() && value.back() == ',') value.pop_back();
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
  return value;
}

/// The findings of `rbacq -o json lint`: a line scan of its one-member-per-line JSON. A finding's
/// `rule` comes first; the first `location` after it is the finding's own (its notes' follow).
std::vector<Found> findings(const std::string& json) {
  std::vector<Found> out;
  std::istringstream lines(json);
  std::string line;
  bool in_findings = false;
  bool want_location = false;
  bool in_location = false;
  while (std::getline(lines, line)) {
    if (line.find("\"findings\": [") != std::string::npos) in_findings = true;
    if (line.find("\"summary\": {") != std::string::npos) in_findings = false;
    if (!in_findings) continue;
    if (auto rule = member(line, "rule")) {
      out.push_back({*rule, {}, {}, 0, {}});
      want_location = true;
    } else if (auto severity = member(line, "severity"); severity && want_location) {
      out.back().severity = *severity;
    } else if (auto message = member(line, "message"); message && want_location) {
      out.back().message = *message;
    } else if (want_location && line.find("\"location\": {") != std::string::npos) {
      in_location = true;
    } else if (auto file = member(line, "file"); file && in_location) {
      out.back().file = *file;
    } else if (auto number = member(line, "line"); number && in_location) {
      out.back().line = static_cast<unsigned>(std::stoul(*number));
      in_location = false;
      want_location = false;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every lint rule fixture finds what its lines expect, and nothing of its rule elsewhere (DESIGN 7)") {
  const auto fixtures = rule_fixtures();
  REQUIRE(fixtures.size() > 0);
  const auto rules = rule_fixture_dirs();
  const std::set<std::string> known(rules.begin(), rules.end());
  for (const RuleFixture& fixture : fixtures) {
    CAPTURE(fixture.path);
    std::vector<std::string> args{"-o", "json", "lint", "--inconclusive"};
    args.insert(args.end(), fixture.flags.begin(), fixture.flags.end());
    args.push_back(fixture.path);
    const CommandResult r = run_rbacq(args);
    INFO("stderr: " << r.err);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), "rbacq lint exited " << r.exit_code);
    const std::vector<Found> found = findings(r.out);

    std::map<std::tuple<std::string, std::string, unsigned>, std::vector<const Found*>> at;  // rule, file, line
    for (const Found& f : found) at[{f.rule, f.file, f.line}].push_back(&f);
    std::set<std::tuple<std::string, std::string, unsigned>> expected;
    for (const FixtureMarker& m : fixture.markers) {
      CAPTURE(m.file);
      CAPTURE(m.line);
      CAPTURE(m.rule);
      CHECK_MESSAGE(known.contains(m.rule), "the marker names " << m.rule << ", which has no fixtures/rules/ directory (a typo?)");
      const auto it = at.find({m.rule, m.file, m.line});
      if (m.expected) {
        expected.insert({m.rule, m.file, m.line});
        CHECK_MESSAGE(it != at.end(), "expected a finding of " << m.rule << " at " << m.file << ":" << m.line);
        if (it != at.end() && !m.severity.empty()) CHECK(it->second.front()->severity == m.severity);
      } else if (it != at.end()) {
        FAIL_CHECK("unexpected finding of " << m.rule << " at " << m.file << ":" << m.line << ": " << it->second.front()->message);
      }
    }
    for (const auto& entry : at) {
      // Not structured bindings: doctest's messages capture them, which clang accepts only from 16.
      const auto& key = entry.first;
      const auto& list = entry.second;
      const std::string& rule = std::get<0>(key);
      const std::string& file = std::get<1>(key);
      const unsigned line = std::get<2>(key);
      // One finding per cause: never two of one rule on one line.
      CHECK_MESSAGE(list.size() == 1, list.size() << " findings of " << rule << " at " << file << ":" << line << ", the first: " << list.front()->message);
      if (rule != fixture.rule) continue;
      CHECK_MESSAGE(expected.contains(key), "finding of " << rule << " at " << file << ":" << line
                                                          << " on a line without '# expect: " << rule << "': " << list.front()->message);
    }
  }
}

}  // namespace rbacq::test
