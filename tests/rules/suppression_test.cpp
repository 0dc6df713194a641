// SPDX-License-Identifier: Apache-2.0
// Suppression (issue 11), piece by piece: the rbacq.io/ignore annotation, path globs, dates and
// expiry (with a fixed "today", never the clock), .rbacq.yaml with its positions, baselines and
// the order in which findings are filtered.
#include <doctest/doctest.h>

#include "rules/baseline.hpp"
#include "rules/calendar_date.hpp"
#include "rules/config.hpp"
#include "rules/glob.hpp"
#include "rules/ignore_annotation.hpp"
#include "rules/suppression.hpp"
#include "test_support.hpp"

using namespace rbacq;
using namespace rbacq::rules;

namespace {

const std::vector<std::string> kIds{"policy-assertion", "system-masters-binding", "wildcard-rule"};

/// Reads `text` as the config file /repo/.rbacq.yaml; the diagnostics as "line:col: … [id]".
std::optional<LintConfig> config(std::string_view text, std::vector<std::string>* problems = nullptr) {
  Diagnostics d;
  auto out = read_config(analyzer::SourceText{FilePath::intern("/repo/.rbacq.yaml"), std::string(text), 1, 1}, kIds, d);
  if (problems != nullptr) *problems = test::lines(d);
  return out;
}

Finding finding(std::string rule, std::string file, ObjectRef object, std::string fingerprint) {
  Finding f;
  f.rule = std::move(rule);
  f.location = {FilePath::intern(file), 3, 1};
  f.object = std::move(object);
  f.message = "m";
  f.fingerprint = std::move(fingerprint);
  return f;
}

std::string error_of(std::string_view pattern) {
  const auto g = Glob::parse(pattern);
  REQUIRE_FALSE(g.has_value());
  return std::to_string(g.error().loc.column) + ": " + g.error().message;
}

bool glob_matches(std::string_view pattern, std::string_view path) {
  const auto g = Glob::parse(pattern);
  REQUIRE(g.has_value());
  return g->matches(path);
}

}  // namespace

TEST_CASE("ignore annotation: ids and a reason after ' -- ' (issue 11)") {
  const auto one = parse_ignore_annotation("wildcard-rule -- break-glass role, reviewed", kIds);
  REQUIRE(one.has_value());
  CHECK(one->rules == std::vector<std::string>{"wildcard-rule"});
  CHECK(one->reason == "break-glass role, reviewed");
  const auto two = parse_ignore_annotation(" wildcard-rule , system-masters-binding--legacy", kIds);
  REQUIRE(two.has_value());
  CHECK(two->rules == std::vector<std::string>{"wildcard-rule", "system-masters-binding"});
  CHECK(two->covers("system-masters-binding"));
  CHECK_FALSE(two->covers("policy-assertion"));
}

TEST_CASE("ignore annotation: no reason, no rule or an unknown rule suppresses nothing, with a warning (issue 11)") {
  for (const char* value : {"wildcard-rule", "wildcard-rule --", "wildcard-rule --   ", ""}) {
    CAPTURE(value);
    const auto a = parse_ignore_annotation(value, kIds);
    REQUIRE_FALSE(a.has_value());
    CHECK(a.error().id == "lint-suppression");
    CHECK(a.error().severity == Severity::warning);
    CHECK(a.error().message == "rbacq.io/ignore gives no reason, so it suppresses nothing");
  }
  const auto none = parse_ignore_annotation(" , -- why", kIds);
  REQUIRE_FALSE(none.has_value());
  CHECK(none.error().message == "rbacq.io/ignore names no rule, so it suppresses nothing");
  const auto typo = parse_ignore_annotation("wildcard-rule,wildcard-rul -- why", kIds);
  REQUIRE_FALSE(typo.has_value());
  CHECK(typo.error().message == "rbacq.io/ignore names no rule 'wildcard-rul', so it suppresses nothing");
  REQUIRE_FALSE(typo.error().notes.empty());
  CHECK(typo.error().notes.front().message == "did you mean 'wildcard-rule'?");
}

TEST_CASE("globs: *, ?, **, classes, escapes, and a directory matches what is under it (issue 11)") {
  CHECK(glob_matches("vendor/**", "vendor/a/b.yaml"));
  CHECK(glob_matches("vendor", "vendor/a/b.yaml"));
  CHECK(glob_matches("vendor/", "vendor/a.yaml"));
  CHECK(glob_matches("./vendor", "vendor/a.yaml"));
  CHECK_FALSE(glob_matches("vendor/**", "vendors/a.yaml"));
  CHECK_FALSE(glob_matches("vendor/**", "deploy/vendor/a.yaml"));
  CHECK(glob_matches("**/vendor/**", "deploy/vendor/a.yaml"));
  CHECK(glob_matches("charts/*/templates/tests/**", "charts/web/templates/tests/t.yaml"));
  CHECK_FALSE(glob_matches("charts/*/templates/tests/**", "charts/web/x/templates/tests/t.yaml"));
  CHECK(glob_matches("deploy/*.yaml", "deploy/rbac.yaml"));
  CHECK_FALSE(glob_matches("deploy/*.yaml", "deploy/rbac.json"));
  CHECK_FALSE(glob_matches("*.yaml", "deploy/rbac.yaml"));  // '*' stays in its segment
  CHECK(glob_matches("**/*.yaml", "rbac.yaml"));
  CHECK(glob_matches("env-?/x", "env-a/x"));
  CHECK_FALSE(glob_matches("env-?/x", "env-ab/x"));
  CHECK(glob_matches("env-[a-c]", "env-b/x"));
  CHECK_FALSE(glob_matches("env-[!a-c]", "env-b/x"));
  CHECK(glob_matches("a\\*b", "a*b"));
  CHECK_FALSE(glob_matches("a\\*b", "axb"));
}

TEST_CASE("globs: what is not a glob, at its column (issue 11)") {
  CHECK(error_of("") == "1: an empty path pattern matches nothing");
  CHECK(error_of("/etc/x") == "1: path patterns are relative to the directory of the config file, not absolute");
  CHECK(error_of("charts/x**") == "9: '**' is a whole path segment ('vendor/**', '**/tests'); within a segment, '*' matches any characters");
  CHECK(error_of("a/[bc") == "3: '[' opens a character class that no ']' closes (write '\\[' for a '[')");
  CHECK(error_of("a//b") == "3: an empty path segment ('//')");
  CHECK(error_of("../x") == "1: '..' in a path pattern: patterns name paths under the config file's directory");
  CHECK(error_of("a\\") == "2: '\\' at the end of a segment escapes nothing");
}

TEST_CASE("dates: YYYY-MM-DD, checked by hand (issue 11)") {
  CHECK(parse_date("2027-03-31") == CalendarDate{2027, 3, 31});
  CHECK(parse_date("2028-02-29") == CalendarDate{2028, 2, 29});
  CHECK(parse_date("2000-02-29") == CalendarDate{2000, 2, 29});
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK(date_problem("2027-02-29") == "February 2027 has 28 days");
  CHECK(date_problem("2027-04-31") == "April 2027 has 30 days");
  CHECK(date_problem("2027-13-01") == "there is no month 13: months are 01 to 12");
  for (const char* bad : {"2027-3-31", "2027/03/31", "31.03.2027", "2027-03-31T00:00", "next year", "２０２７-03-31"}) {
    CAPTURE(bad);
    CHECK(date_problem(bad) == "a date is written YYYY-MM-DD, as in 2027-03-31");
  }
  CHECK(to_string(CalendarDate{2027, 3, 1}) == "2027-03-01");
  CHECK(CalendarDate{2027, 3, 31} < CalendarDate{2027, 4, 1});
}

TEST_CASE("ignore entries: rule, path, object, and the last day they apply (issue 11)") {
  const auto c = config(
      "ignore:\n"
      "  - rule: wildcard-rule\n"
      "    path: deploy/legacy/**\n"
      "    object: ClusterRole/legacy-admin\n"
      "    reason: migrating in Q1\n"
      "    expires: 2027-03-31\n");
  REQUIRE(c.has_value());
  REQUIRE(c->ignore.size() == 1);
  const IgnoreEntry& e = c->ignore.front();
  const Finding f = finding("wildcard-rule", "/repo/deploy/legacy/admin.yaml", {"ClusterRole", "legacy-admin", ""}, "1");
  CHECK(ignores(e, f, *c, {2027, 3, 31}));
  CHECK_FALSE(ignores(e, f, *c, {2027, 4, 1}));  // expired the day after
  CHECK(ignores(e, f, *c, {2026, 1, 1}));
  const CalendarDate day{2027, 1, 1};
  CHECK_FALSE(ignores(e, finding("system-masters-binding", "/repo/deploy/legacy/admin.yaml", f.object, "1"), *c, day));
  CHECK_FALSE(ignores(e, finding("wildcard-rule", "/repo/deploy/admin.yaml", f.object, "1"), *c, day));
  CHECK_FALSE(ignores(e, finding("wildcard-rule", "/elsewhere/deploy/legacy/admin.yaml", f.object, "1"), *c, day));
  CHECK_FALSE(ignores(e, finding("wildcard-rule", f.location.file.str().data(), {"ClusterRole", "other", ""}, "1"), *c, day));
  CHECK_FALSE(ignores(e, finding("wildcard-rule", f.location.file.str().data(), {"Role", "legacy-admin", "dev"}, "1"), *c, day));
}

TEST_CASE("config: the documented example reads (issue 11)") {
  std::vector<std::string> problems;
  const auto c = config(
      "rules:\n"
      "  disable: [system-masters-binding]\n"
      "  severity: {wildcard-rule: critical}\n"
      "exclude: [\"vendor/**\", \"charts/*/templates/tests/**\"]\n"
      "ignore:\n"
      "  - rule: wildcard-rule\n"
      "    object: \"Role/dev/legacy\"\n"
      "    reason: \"migrating in Q1\"\n"
      "deny:\n"
      "  - \"can sa:ci/deployer get secrets in kube-system\"\n"
      "  - query: who can escalate clusterroles where subject != group:system:masters\n"
      "    severity: critical\n"
      "    message: \"{subject} may escalate\"\n"
      "fail-on: medium\n",
      &problems);
  CHECK(problems.empty());
  REQUIRE(c.has_value());
  CHECK(c->base == "/repo");
  CHECK(c->is_disabled("system-masters-binding"));
  CHECK_FALSE(c->is_disabled("wildcard-rule"));
  CHECK(c->severity_of("wildcard-rule") == query::Level::critical);
  CHECK_FALSE(c->severity_of("system-masters-binding"));
  CHECK(c->excludes("/repo/vendor/x.yaml"));
  CHECK(c->excludes("/repo/charts/web/templates/tests/t.yaml"));
  CHECK_FALSE(c->excludes("/repo/deploy/x.yaml"));
  CHECK_FALSE(c->excludes("<stdin>"));
  REQUIRE(c->ignore.size() == 1);
  CHECK(c->ignore[0].object == ObjectRef{"Role", "legacy", "dev"});
  REQUIRE(c->deny.size() == 2);
  CHECK(c->deny[0].statement.severity == query::Level::high);
  CHECK(c->deny[0].statement.message.empty());
  CHECK(c->deny[1].statement.severity == query::Level::critical);
  CHECK(c->deny[1].statement.message == "{subject} may escalate");
  CHECK(c->fail_on == query::Level::medium);
  CHECK(config("")->deny.empty());  // an empty file is an empty config
}

TEST_CASE("config: every mistake at its line and column, with did-you-mean (issue 11)") {
  std::vector<std::string> problems;
  const auto c = config(
      "rules:\n"
      "  disable: [wildcard-rul]\n"
      "  severty: {}\n"
      "exclude: [\"vendor/x**\"]\n"
      "ignore:\n"
      "  - rule: wildcard-rule\n"
      "    object: clusterrole/x\n"
      "    expires: 2027-02-30\n"
      "  - rule: wildcard-rule\n"
      "    reason: \"  \"\n"
      "deny:\n"
      "  - \"can sa:ci/deployer get secrets in\"\n"
      "  - query: bindings\n"
      "    severity: hihg\n"
      "fail-on: loud\n",
      &problems);
  CHECK_FALSE(c.has_value());
  CHECK(problems == std::vector<std::string>{
                        "2:13: error: there is no rule 'wildcard-rul' [config-invalid]",
                        "3:3: error: unknown key 'severty' [config-invalid]",
                        "4:20: error: '**' is a whole path segment ('vendor/**', '**/tests'); within a segment, '*' matches any "
                        "characters [config-invalid]",
                        "6:5: error: the ignore entry has no 'reason' [config-invalid]",
                        "7:13: error: rbacq reads no kind 'clusterrole' [config-invalid]",
                        "8:14: error: '2027-02-30' is not a date: February 2027 has 28 days [config-invalid]",
                        "10:13: error: 'reason' is empty: say why the findings are acceptable [config-invalid]",
                        "12:39: error: expected a namespace name or 'any namespace' after 'in', found the end of the query [query-syntax]",
                        "14:15: error: 'hihg' is not a severity [config-invalid]",
                        "15:10: error: 'loud' is not a severity [config-invalid]",
                    });
}

TEST_CASE("config: unknown keys suggest the right one (issue 11)") {
  Diagnostics d;
  const auto c = read_config(analyzer::SourceText{FilePath::intern("/repo/.rbacq.yaml"), "excludes: [a]\nfail_on: high\n", 1, 1}, kIds, d);
  CHECK_FALSE(c.has_value());
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "unknown key 'excludes'");
  CHECK(d.items()[0].notes.front().message == "did you mean 'exclude'?");
  CHECK(d.items()[1].notes.front().message == "did you mean 'fail-on'?");
}

TEST_CASE("config: found in the directory of the first PATH or above, up to the root (issue 11)") {
  test::TempDir dir;
  const std::string config_file = dir.write("repo/.rbacq.yaml", "fail-on: low\n");
  const std::string manifest = dir.write("repo/deploy/team/rbac.yaml", "");
  const auto from_file = find_config(manifest);
  REQUIRE(from_file.has_value());
  CHECK(std::filesystem::equivalent(*from_file, config_file));
  const auto from_dir = find_config((dir.path() / "repo" / "deploy").string());
  REQUIRE(from_dir.has_value());
  CHECK(std::filesystem::equivalent(*from_dir, config_file));
  CHECK_FALSE(find_config(dir.path().string()).has_value());
}

TEST_CASE("baselines: sorted, deterministic, read back by fingerprint (issue 11)") {
  const std::vector<Finding> findings{
      finding("wildcard-rule", "/repo/b.yaml", {"Role", "r", "dev"}, "00000000000000bb"),
      finding("system-masters-binding", "/repo/a.yaml", {"ClusterRoleBinding", "masters", ""}, "00000000000000aa"),
      finding("wildcard-rule", "/repo/b.yaml", {"Role", "r", "dev"}, "00000000000000bb"),  // the same finding twice
  };
  const std::string text = baseline_text(findings);
  CHECK(text == baseline_text({findings[2], findings[1], findings[0]}));
  CHECK(text.ends_with("00000000000000aa\tsystem-masters-binding\tClusterRoleBinding/masters\tm\n"
                       "00000000000000bb\twildcard-rule\tRole/dev/r\tm\n"));
  Diagnostics d;
  const auto read = read_baseline(analyzer::SourceText{FilePath::intern("base"), text, 1, 1}, d);
  REQUIRE(read.has_value());
  CHECK(d.empty());
  REQUIRE(read->entries.size() == 2);
  CHECK(read->contains("00000000000000bb"));
  CHECK_FALSE(read->contains("00000000000000cc"));
  CHECK(read->entries[1].object == "Role/dev/r");
  CHECK(read->entries[1].loc.line == 5);

  Diagnostics bad;
  CHECK_FALSE(read_baseline(analyzer::SourceText{FilePath::intern("base"), "# ok\n\nnot-a-fingerprint\tx\n", 1, 1}, bad));
  CHECK(test::lines(bad) == std::vector<std::string>{
                                "3:1: error: not a baseline line: a line starts with a finding's fingerprint (16 hex digits) and a tab "
                                "[baseline-invalid]"});
}

TEST_CASE("filtering: severity overrides, scope, excludes, annotation, ignore, inconclusive, baseline - in that order (issue 11)") {
  auto c = config(
      "rules:\n  severity: {system-masters-binding: critical}\n"
      "exclude: [vendor]\n"
      "ignore:\n  - {rule: wildcard-rule, object: Role/dev/ignored, reason: why}\n"
      "  - {rule: wildcard-rule, object: Role/dev/expired, reason: why, expires: 2020-01-01}\n");
  REQUIRE(c.has_value());
  std::vector<Finding> found{
      finding("wildcard-rule", "/repo/deploy/a.yaml", {"Role", "shown", "dev"}, "0000000000000001"),
      finding("wildcard-rule", "/repo/vendor/a.yaml", {"Role", "vendored", "dev"}, "0000000000000002"),
      finding("wildcard-rule", "/context/a.yaml", {"Role", "context", "dev"}, "0000000000000003"),
      finding("wildcard-rule", "/repo/deploy/a.yaml", {"Role", "annotated", "dev"}, "0000000000000004"),
      finding("wildcard-rule", "/repo/deploy/a.yaml", {"Role", "ignored", "dev"}, "0000000000000005"),
      finding("wildcard-rule", "/repo/deploy/a.yaml", {"Role", "expired", "dev"}, "0000000000000006"),
      finding("wildcard-rule", "/repo/deploy/a.yaml", {"Role", "unsure", "dev"}, "0000000000000007"),
      finding("system-masters-binding", "/repo/deploy/a.yaml", {"ClusterRoleBinding", "old", ""}, "0000000000000008"),
      finding("wildcard-rule", "/repo/deploy/a.yaml", {"Role", "bad-annotation", "dev"}, "0000000000000009"),
  };
  found[3].ignore_annotation = "wildcard-rule -- reviewed";
  found[6].certainty = Certainty::inconclusive;
  found[8].ignore_annotation = "wildcard-rule";  // no reason: suppresses nothing
  Diagnostics baseline_problems;
  const auto baseline = read_baseline(analyzer::SourceText{FilePath::intern("base"),
                                                           "0000000000000008\tsystem-masters-binding\tClusterRoleBinding/old\tm\n"
                                                           "00000000000000ff\twildcard-rule\tRole/dev/gone\tm\n"
                                                           "00000000000000fe\tunused-role\tRole/dev/x\tm\n",
                                                           1, 1},
                                      baseline_problems);
  REQUIRE(baseline.has_value());
  SuppressionOptions options;
  options.config = &*c;
  options.baseline = &*baseline;
  options.today = {2027, 1, 1};
  options.rule_ids = kIds;
  options.rules_run = {"system-masters-binding", "wildcard-rule"};
  options.reported = [](std::string_view file) { return file.starts_with("/repo/"); };
  options.keep_accepted = true;
  Diagnostics problems;
  const FilteredFindings out = filter_findings(found, options, problems);
  std::vector<std::string> reported;
  for (const Finding& f : out.reported) reported.push_back(to_string(f.object));
  CHECK(reported == std::vector<std::string>{"Role/dev/shown", "Role/dev/expired", "Role/dev/bad-annotation"});
  // The reported ones, the hidden inconclusive one and the baselined one (re-graded): what a
  // rewritten baseline holds.
  REQUIRE(out.accepted.size() == 5);
  CHECK(to_string(out.accepted[2].object) == "Role/dev/unsure");
  CHECK(to_string(out.accepted[3].object) == "ClusterRoleBinding/old");
  CHECK(out.accepted[3].severity == query::Level::critical);
  CHECK(out.counts.suppressed == 2);
  CHECK(out.counts.inconclusive_hidden == 1);
  CHECK(out.counts.baselined == 1);
  CHECK(out.counts.fixed_since_baseline == 1);  // unused-role did not run: its entry is not known fixed
  CHECK(test::lines(problems) == std::vector<std::string>{"2:1: note: wildcard-rule on Role/dev/gone: fixed since the baseline [baseline-fixed]"});

  options.show_inconclusive = true;
  CHECK(filter_findings(found, options, problems).reported.size() == 4);
}

TEST_CASE("expired ignore entries are warnings at the entry, broken annotations are warnings at the annotation (issue 11)") {
  const auto c = config("ignore:\n  - rule: wildcard-rule\n    reason: migrating in Q1\n    expires: 2027-03-31\n");
  REQUIRE(c.has_value());
  const auto model = test::load(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: a\n  annotations:\n"
      "    rbacq.io/ignore: wildcard-rule\n---\n"
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: dev\n  annotations: {rbacq.io/ignore: \"wildcard-rule -- ok\", "
      "other: dropped}\n",
      "/repo/a.yaml");
  SuppressionOptions options;
  options.config = &*c;
  options.rule_ids = kIds;
  options.reported = [](std::string_view) { return true; };
  for (const CalendarDate today : {CalendarDate{2027, 3, 31}, CalendarDate{2027, 4, 1}}) {
    CAPTURE(to_string(today));
    options.today = today;
    Diagnostics problems;
    check_suppressions(model.model, options, problems);
    std::vector<std::string> expected{"6:22: warning: rbacq.io/ignore gives no reason, so it suppresses nothing [lint-suppression]"};
    if (today == CalendarDate{2027, 4, 1}) {
      expected.insert(expected.begin(),
                      "2:5: warning: the ignore entry for wildcard-rule expired on 2027-03-31, so it no longer suppresses anything "
                      "[config-expired]");
    }
    CHECK(test::lines(problems) == expected);
  }
  // A Secret keeps rbacq's annotation (and still none of the others).
  REQUIRE(model.model.secrets.size() == 1);
  CHECK(model.model.secrets[0].meta.annotations == analyzer::Labels{{"rbacq.io/ignore", "wildcard-rule -- ok"}});
  CHECK(model.model.secrets[0].meta.ignore_annotation_loc.line == 13);
}
