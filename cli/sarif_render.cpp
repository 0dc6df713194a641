// SPDX-License-Identifier: Apache-2.0
#include "cli/sarif_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/lint_render.hpp"
#include "cli/markdown_text.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {
namespace {

constexpr std::string_view kSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// The base id GitHub code scanning (and the SARIF viewers) resolve relative URIs against.
constexpr std::string_view kSourceRoot = "%SRCROOT%";

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// "system-masters-binding" → "SystemMastersBinding": SARIF's name is an identifier for people,
/// as its examples write them.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

/// How often a rule's results are right: rbacq evaluates with the authorizer's own semantics, so a
/// rule whose every case is sure is "very-high"; one that also reports what the input does not show
/// (inconclusive cases) is "medium".
std::string_view precision(const rules::Rule& rule) {
  const bool sure = std::all_of(rule.cases.begin(), rule.cases.end(),
                                [](const rules::RuleCase& c) { return c.certainty == rules::Certainty::sure; });
  return sure ? "very-high" : "medium";
}

void write_message(JsonWriter& w, std::string_view text) {
  w.key("message");
  w.begin_object();
  w.key("text");
  w.value(text);
  w.end_object();
}

/// The members "physicalLocation" (artifact and region) of a location object, when `loc` names a
/// file. Inside the repository: a URI relative to %SRCROOT%; outside: an absolute file:// URI.
void write_physical_location(JsonWriter& w, const SourceLocation& loc, const RepositoryPaths& paths) {
  const auto absolute = paths.absolute(loc.file);
  if (!absolute) return;
  w.key("physicalLocation");
  w.begin_object();
  w.key("artifactLocation");
  w.begin_object();
  w.key("uri");
  if (const auto rel = paths.relative(loc.file)) {
    w.value(uri_escape_path(*rel));
    w.key("uriBaseId");
    w.value(kSourceRoot);
  } else {
    w.value(file_uri(*absolute));
  }
  w.end_object();
  // Without a line (a problem with a whole file) there is no region: SARIF's lines start at 1.
  if (loc.line != 0) {
    w.key("region");
    w.begin_object();
    w.key("startLine");
    w.value(static_cast<std::uint64_t>(loc.line));
    if (loc.column != 0) {
      w.key("startColumn");
      w.value(static_cast<std::uint64_t>(loc.column));
    }
    w.end_object();
  }
  w.end_object();
}

/// "locations" with the one place `loc` names; none when it names no file (standard input), which
/// SARIF allows.
void write_locations(JsonWriter& w, const SourceLocation& loc, const RepositoryPaths& paths) {
  if (!paths.absolute(loc.file)) return;
  w.key("locations");
  w.begin_array();
  w.begin_object();
  write_physical_location(w, loc, paths);
  w.end_object();
  w.end_array();
}

std::string help_text(const rules::Rule& rule) {
  std::string out(trimmed(rule.description));
  if (!trimmed(rule.remediation).empty()) out += fmt::format("\n\nRemediation: {}", trimmed(rule.remediation));
  if (!rule.references.empty()) {
    out += "\n\nReferences:";
    for (const std::string& r : rule.references) out += fmt::format("\n- {}", r);
  }
  return out;
}

std::string help_markdown(const rules::Rule& rule) {
  std::string out = markdown_lines(trimmed(rule.description));
  if (!trimmed(rule.remediation).empty()) out += fmt::format("\n\n**Remediation:** {}", markdown_lines(trimmed(rule.remediation)));
  if (!rule.references.empty()) {
    out += "\n\n**References:**\n";
    for (const std::string& r : rule.references) out += fmt::format("\n- {}", markdown_inline(r));
  }
  return out;
}

void write_rule(JsonWriter& w, const rules::Rule& rule) {
  w.begin_object();
  w.key("id");
  w.value(rule.id);
  w.key("name");
  w.value(pascal_case(rule.id));
  w.key("shortDescription");
  w.begin_object();
  w.key("text");
  w.value(trimmed(rule.title));
  w.end_object();
  w.key("fullDescription");
  w.begin_object();
  w.key("text");
  w.value(trimmed(rule.description.empty() ? rule.title : rule.description));
  w.end_object();
  w.key("help");
  w.begin_object();
  w.key("text");
  w.value(help_text(rule));
  w.key("markdown");
  w.value(help_markdown(rule));
  w.end_object();
  w.key("defaultConfiguration");
  w.begin_object();
  w.key("level");
  w.value(level_word(rule.severity()));
  w.end_object();
  w.key("properties");
  w.begin_object();
  w.key("tags");
  w.begin_array();
  // "security" makes GitHub read security-severity and list the alert under security.
  for (const char* tag : {"security", "kubernetes", "rbac"}) w.value(tag);
  w.end_array();
  w.key("security-severity");
  w.value(security_severity(rule.severity()));
  w.key("precision");
  w.value(precision(rule));
  w.end_object();
  w.end_object();
}

void write_result(JsonWriter& w, const rules::Finding& f, const std::vector<rules::Rule>& rules, const RepositoryPaths& paths) {
  w.begin_object();
  w.key("ruleId");
  w.value(f.rule);
  const auto rule = std::find_if(rules.begin(), rules.end(), [&](const rules::Rule& r) { return r.id == f.rule; });
  if (rule != rules.end()) {
    w.key("ruleIndex");
    w.value(static_cast<std::uint64_t>(rule - rules.begin()));
  }
  w.key("level");
  w.value(level_word(f.severity));
  write_message(w, f.message);
  write_locations(w, f.location, paths);
  w.key("relatedLocations");
  w.begin_array();
  for (std::size_t i = 0; i < f.notes.size(); ++i) {
    w.begin_object();
    w.key("id");
    w.value(static_cast<std::uint64_t>(i + 1));
    write_message(w, f.notes[i].message);
    write_physical_location(w, f.notes[i].loc, paths);
    w.end_object();
  }
  w.end_array();
  w.key("partialFingerprints");
  w.begin_object();
  w.key("rbacq/v1");
  w.value(f.fingerprint);
  w.end_object();
  w.key("properties");
  w.begin_object();
  w.key("certainty");
  w.value(rules::to_string(f.certainty));
  w.key("severity");
  w.value(query::to_string(f.severity));
  w.end_object();
  w.end_object();
}

std::string_view notification_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: break;
  }
  return "note";
}

void write_invocation(JsonWriter& w, const std::vector<Diagnostic>& diagnostics, const RepositoryPaths& paths) {
  w.begin_object();
  w.key("executionSuccessful");
  w.value(std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
  w.key("toolExecutionNotifications");
  w.begin_array();
  for (const Diagnostic& d : diagnostics) {
    w.begin_object();
    w.key("level");
    w.value(notification_level(d.severity));
    write_message(w, d.message);
    w.key("descriptor");
    w.begin_object();
    w.key("id");
    w.value(d.id);
    w.end_object();
    write_locations(w, d.loc, paths);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string_view security_severity(query::Level level) {
  // GitHub reads properties.security-severity as a score: over 9.0 is critical, 7.0 to 8.9 high,
  // 4.0 to 6.9 medium, 3.9 or less low ("SARIF support for code scanning", reportingDescriptor
  // object, docs.github.com). Each level sits inside its band; info has no band and shows as low.
  switch (level) {
    case query::Level::critical: return "9.5";
    case query::Level::high: return "8.0";
    case query::Level::medium: return "5.5";
    case query::Level::low: return "3.0";
    case query::Level::info: break;
  }
  return "1.0";
}

std::string lint_sarif(const std::vector<rules::Rule>& rules, const std::vector<rules::Finding>& findings,
                       const std::vector<Diagnostic>& diagnostics, const RepositoryPaths& paths) {
  JsonWriter w;
  w.begin_object();
  w.key("$schema");
  w.value(kSchema);
  w.key("version");
  w.value("2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();
  w.key("tool");
  w.begin_object();
  w.key("driver");
  w.begin_object();
  w.key("name");
  w.value("rbacq");
  w.key("informationUri");
  w.value(RBACQ_HOMEPAGE);
  w.key("semanticVersion");
  w.value(RBACQ_VERSION);
  w.key("rules");
  w.begin_array();
  for (const rules::Rule& r : rules) write_rule(w, r);
  w.end_array();
  w.end_object();
  w.end_object();
  w.key("originalUriBaseIds");
  w.begin_object();
  w.key(kSourceRoot);
  w.begin_object();
  w.key("uri");
  // A base URI ends in '/', or the last segment would be replaced when resolving against it.
  std::string root = file_uri(paths.root());
  if (!root.ends_with('/')) root += '/';
  w.value(root);
  w.end_object();
  w.end_object();
  w.key("invocations");
  w.begin_array();
  write_invocation(w, diagnostics, paths);
  w.end_array();
  // rbacq's columns count bytes; code points are the nearest unit SARIF has, and the same where
  // the line before the column is ASCII, as indentation and YAML keys are.
  w.key("columnKind");
  w.value("unicodeCodePoints");
  // Always an array, also when empty: a run without "results" means "not run" to SARIF, and
  // GitHub's upload failed on one (kube-linter#213).
  w.key("results");
  w.begin_array();
  for (const rules::Finding& f : findings) write_result(w, f, rules, paths);
  w.end_array();
  w.end_object();
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace rbacq::cli
