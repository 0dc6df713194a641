// SPDX-License-Identifier: Apache-2.0
#include "cli/rules_render.hpp"

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/table.hpp"
#include "rules/finding.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// `text` printable() line by line, each line indented: the rule's own line breaks are kept, any
/// other control character is escaped.
std::string indented(std::string_view text, std::string_view indent) {
  std::string out;
  text = trimmed(text);
  while (true) {
    const std::size_t end = text.find('\n');
    out += fmt::format("{}{}\n", indent, printable(text.substr(0, end)));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

void write_rule(JsonWriter& w, const rules::Rule& rule) {
  w.begin_object();
  w.key("id");
  w.value(rule.id);
  w.key("title");
  w.value(trimmed(rule.title));
  w.key("severity");
  w.value(query::to_string(rule.severity()));
  w.key("builtin");
  w.value(rule.builtin);
  w.key("file");
  if (rule.builtin) w.null();
  else w.value(rule.loc.file.str());
  w.key("description");
  w.value(trimmed(rule.description));
  w.key("remediation");
  w.value(trimmed(rule.remediation));
  w.key("references");
  w.begin_array();
  for (const std::string& r : rule.references) w.value(r);
  w.end_array();
  w.key("options");
  w.begin_array();
  for (const rules::RuleOption& o : rule.options) {
    w.begin_object();
    w.key("name");
    w.value(o.name);
    w.key("description");
    w.value(trimmed(o.description));
    w.key("default");
    w.begin_array();
    for (const std::string& v : o.defaults) w.value(v);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("cases");
  w.begin_array();
  for (const rules::RuleCase& c : rule.cases) {
    w.begin_object();
    w.key("severity");
    w.value(query::to_string(c.severity));
    w.key("certainty");
    w.value(rules::to_string(c.certainty));
    w.key("query");
    w.value(trimmed(c.query));
    w.key("message");
    w.value(c.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string rules_text(const std::vector<rules::Rule>& rules) {
  std::vector<TableRow> rows{{"ID", "SEVERITY", "TITLE"}};
  std::size_t user = 0;
  for (const rules::Rule& r : rules) {
    rows.push_back({r.id, std::string(query::to_string(r.severity())), printable(trimmed(r.title))});
    user += r.builtin ? 0 : 1;
  }
  std::string out = aligned_table(rows, "  ");
  out += fmt::format("\n{} rule{}", rules.size(), rules.size() == 1 ? "" : "s");
  if (user != 0) out += fmt::format(" ({} from --rules)", user);
  return out + "; 'rbacq rules ID' shows one, with its query\n";
}

std::string rule_text(const rules::Rule& rule) {
  std::string out = fmt::format("{}: {}\n\n", rule.id, printable(trimmed(rule.title)));
  if (rule.cases.size() == 1) {
    out += fmt::format("severity: {}, certainty: {}\n", query::to_string(rule.cases.front().severity),
                       rules::to_string(rule.cases.front().certainty));
  } else {
    out += fmt::format("severity: {} (the highest of its {} cases)\n", query::to_string(rule.severity()), rule.cases.size());
  }
  out += fmt::format("source: {}\n", rule.builtin ? std::string("built-in") : printable(rule.loc.file.str()));
  if (!trimmed(rule.description).empty()) out += "\n" + indented(rule.description, "");
  if (!trimmed(rule.remediation).empty()) out += "\nRemediation:\n" + indented(rule.remediation, "  ");
  if (!rule.references.empty()) {
    out += "\nReferences:\n";
    for (const std::string& r : rule.references) out += indented(r, "  - ");
  }
  if (!rule.options.empty()) {
    out += "\nOptions (set them in .rbacq.yaml under rules.options." + rule.id + "):\n";
    for (const rules::RuleOption& o : rule.options) {
      out += fmt::format("  {} (default: [{}])\n", o.name, printable(fmt::format("{}", fmt::join(o.defaults, ", "))));
      out += indented(o.description, "    ");
    }
  }
  const bool several = rule.cases.size() > 1;
  for (std::size_t i = 0; i < rule.cases.size(); ++i) {
    const rules::RuleCase& c = rule.cases[i];
    const std::string_view indent = several ? "    " : "  ";
    if (several) out += fmt::format("\nCase {}: {}, {}\n", i + 1, query::to_string(c.severity), rules::to_string(c.certainty));
    out += fmt::format("{}{}Query:\n{}", several ? "" : "\n", several ? "  " : "", indented(c.query, indent));
    if (!c.message.empty()) out += fmt::format("{}Message:\n{}", several ? "  " : "", indented(c.message, indent));
  }
  return out;
}

std::string rules_json(const std::vector<rules::Rule>& rules, const std::vector<Diagnostic>& diagnostics) {
  JsonDocument document;
  JsonWriter& w = document.writer();
  w.key("rules");
  w.begin_array();
  for (const rules::Rule& r : rules) write_rule(w, r);
  w.end_array();
  return document.finish(diagnostics);
}

std::string rule_json(const rules::Rule& rule, const std::vector<Diagnostic>& diagnostics) {
  JsonDocument document;
  JsonWriter& w = document.writer();
  w.key("rule");
  write_rule(w, rule);
  return document.finish(diagnostics);
}

}  // namespace rbacq::cli
