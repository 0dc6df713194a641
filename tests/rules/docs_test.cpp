// SPDX-License-Identifier: Apache-2.0
// docs/rules.md holds the catalogue of built-in rules between `<!-- generated: rules -->` and
// `<!-- end generated -->`: a table (id, severity, title), then a section per rule with its
// description, remediation, references and queries. This test keeps the block equal to what the
// rule files say, so the page cannot drift from rules/builtin/; RBACQ_UPDATE_GOLDEN=1 rewrites it.
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "rules/catalogue.hpp"
#include "test_support.hpp"

namespace rbacq::test {
namespace {

constexpr std::string_view kBegin = "<!-- generated: rules -->\n";
constexpr std::string_view kEnd = "<!-- end generated -->";


/// The severities of a rule's cases, most severe first: "critical, high".
std::string severities(const rules::Rule& rule) {
  std::vector<query::Level> levels;
  for (const rules::RuleCase& c : rule.cases) {
    if (std::find(levels.begin(), levels.end(), c.severity) == levels.end()) levels.push_back(c.severity);
  }
  std::sort(levels.begin(), levels.end(), std::greater<>());
  std::vector<std::string_view> names;
  names.reserve(levels.size());
  for (const query::Level l : levels) names.push_back(query::to_string(l));
  return fmt::format("{}", fmt::join(names, ", "));
}

/// Text as it stands in Markdown: a trailing newline dropped.
std::string trimmed(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string reference(const std::vector<rules::Rule>& rules) {
  std::string out = "| Rule | Severity | Title |\n|---|---|---|\n";
  for (const rules::Rule& r : rules) out += fmt::format("| [`{}`](#{}) | {} | {} |\n", r.id, r.id, severities(r), r.title);
  for (const rules::Rule& r : rules) {
    std::string title = r.title;
    if (!title.empty() && title.front() >= 'a' && title.front() <= 'z') title.front() = static_cast<char>(title.front() - 'a' + 'A');
    out += fmt::format("\n## {}\n\n{}.\n\n", r.id, title);
    out += trimmed(r.description) + "\n\n";
    out += "**Remediation.** " + trimmed(r.remediation) + "\n\n**References.**\n\n";
    for (const std::string& ref : r.references) out += "- " + ref + "\n";
    if (!r.options.empty()) {
      out += fmt::format("\n**Options** (`.rbacq.yaml`: `rules.options.{}`).\n\n", r.id);
      for (const rules::RuleOption& o : r.options) {
        out += fmt::format("- `{}` (default `[{}]`): {}\n", o.name, fmt::join(o.defaults, ", "), trimmed(o.description));
      }
    }
    out += r.cases.size() == 1 ? "\n**Query.**\n" : "\n**Queries.**\n";
    for (const rules::RuleCase& c : r.cases) {
      std::string what(query::to_string(c.severity));
      if (c.certainty == rules::Certainty::inconclusive) what += ", inconclusive";
      if (c.at == rules::FindingAt::role_ref) what += ", at the roleRef";
      out += fmt::format("\n{}:\n\n```\n{}\n```\n\nMessage: {}\n", what, trimmed(c.query), c.message);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("docs/rules.md documents every built-in rule as its file says (issue 11)") {
  const std::string path = source_path("docs/rules.md");
  std::string doc = read_file(path);
  Diagnostics problems;
  const std::string expected = reference(rules::builtin_rules(problems));
  const std::size_t begin = doc.find(kBegin);
  REQUIRE_MESSAGE(begin != std::string::npos, "docs/rules.md has no '<!-- generated: rules -->' block");
  const std::size_t start = begin + kBegin.size();
  const std::size_t end = doc.find(kEnd, start);
  REQUIRE(end != std::string::npos);
  const char* update = std::getenv("RBACQ_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    doc.replace(start, end - start, expected);
    std::ofstream(path, std::ios::binary) << doc;
    return;
  }
  CHECK(doc.substr(start, end - start) == expected);
}

}  // namespace rbacq::test
