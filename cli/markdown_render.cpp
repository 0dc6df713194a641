// SPDX-License-Identifier: Apache-2.0
#include "cli/markdown_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/markdown_text.hpp"

namespace rbacq::cli {
namespace {

/// "2 rules over 5 files; 1 inconclusive not shown (--inconclusive)".
std::string scope_line(const LintSummary& summary) {
  std::string out = fmt::format("{} over {}", counted(summary.rules, "rule"), counted(summary.files, "file"));
  if (summary.suppressed != 0) out += fmt::format("; {} suppressed", summary.suppressed);
  if (summary.inconclusive_hidden != 0) out += fmt::format("; {} inconclusive not shown (--inconclusive)", summary.inconclusive_hidden);
  return out;
}

std::string headline(const LintSummary& summary) {
  std::vector<std::string> parts;
  for (std::size_t i = std::size(summary.by_severity); i-- > 0;) {
    if (summary.by_severity[i] != 0) parts.push_back(fmt::format("{} {}", summary.by_severity[i], query::to_string(static_cast<query::Level>(i))));
  }
  return fmt::format("### rbacq: {} — {}\n", counted(summary.findings, "finding"), fmt::join(parts, ", "));
}

std::string message_of(const rules::Finding& f) {
  return fmt::format("{}{}", f.certainty == rules::Certainty::inconclusive ? "(inconclusive) " : "", f.message);
}

std::string details(const rules::Finding& f, const rules::Rule* rule, const RepositoryPaths& paths) {
  std::string out = fmt::format("<details>\n<summary><b>{}</b> {} at {}</summary>\n\n{}\n", query::to_string(f.severity), html_text(f.rule),
                                html_text(paths.shown(f.location)), markdown_inline(message_of(f)));
  if (!f.notes.empty()) {
    out += "\nEvidence:\n\n";
    for (const Note& n : f.notes) out += fmt::format("- {}: {}\n", markdown_inline(paths.shown(n.loc)), markdown_inline(n.message));
  }
  std::string_view remedy = rule == nullptr ? std::string_view() : std::string_view(rule->remediation);
  while (!remedy.empty() && (remedy.back() == '\n' || remedy.back() == ' ')) remedy.remove_suffix(1);
  if (!remedy.empty()) out += fmt::format("\n**How to fix:** {}\n", markdown_lines(remedy));
  return out + "\n</details>\n";
}

}  // namespace

std::string lint_markdown(const std::vector<rules::Rule>& rules, const std::vector<rules::Finding>& findings,
                          const LintSummary& summary, std::size_t input_errors, const RepositoryPaths& paths) {
  std::string out;
  const std::string problems =
      input_errors == 0 ? std::string()
                        : fmt::format("\n⚠️ {} in the input or the rules: the findings may be incomplete (the job's log lists them).\n",
                                      counted(input_errors, "error"));
  if (!summary.ran) {
    return fmt::format("### rbacq: no rule ran\n\nThe configuration (.rbacq.yaml) or the baseline has {}: the job's log lists them.\n",
                       counted(summary.config_errors, "error"));
  }
  // Nothing to fix is good news in one line, unless the input could not all be read.
  if (findings.empty() && input_errors == 0) return fmt::format("✅ rbacq: no findings ({})\n", scope_line(summary));
  if (findings.empty()) return fmt::format("### rbacq: no findings\n\n{}\n{}", scope_line(summary), problems);
  out += headline(summary);
  out += fmt::format("\n{}\n{}\n", scope_line(summary), problems);
  out += "| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n";
  for (const rules::Finding& f : findings) {
    out += fmt::format("| {} | {} | {} | {} |\n", query::to_string(f.severity), markdown_inline(f.rule), markdown_inline(paths.shown(f.location)),
                       markdown_inline(message_of(f)));
  }
  for (const rules::Finding& f : findings) {
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const rules::Rule& r) { return r.id == f.rule; });
    out += "\n" + details(f, rule == rules.end() ? nullptr : &*rule, paths);
  }
  return out;
}

}  // namespace rbacq::cli
