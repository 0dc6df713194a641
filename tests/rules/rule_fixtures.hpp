// SPDX-License-Identifier: Apache-2.0
// The lint rules' fixtures: fixtures/rules/<rule-id>/, each YAML file a fixture of its own, or a
// sub-directory one fixture of several files. Lines say what must be found there:
//
//   - kind: User          # expect: cluster-admin-binding            a finding of the rule here
//   - kind: Group         # expect: secrets-read:high                 …of this severity
//   - apiGroups: ["*"]    # expect-not: cluster-admin-binding         no finding of the rule here
//
// A fixture's first line may give lint flags: `# flags: --with-defaults --k8s-version 1.34`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rbacq::test {

struct FixtureMarker {
  std::string file;  // as rbacq reports it: relative to the source tree
  unsigned line = 0;
  std::string rule;
  std::string severity;  // empty: any
  bool expected = true;  // expect (true) or expect-not (false)
};

struct RuleFixture {
  std::string rule;  // the directory's name: the rule the fixture is for
  std::string path;  // what to lint: a file or a directory, relative to the source tree
  std::vector<std::string> flags;
  std::vector<FixtureMarker> markers;
};

/// Every fixture under fixtures/rules/, sorted by path.
[[nodiscard]] std::vector<RuleFixture> rule_fixtures();

/// The rule ids that fixtures/rules/ has a directory for.
[[nodiscard]] std::vector<std::string> rule_fixture_dirs();

}  // namespace rbacq::test
