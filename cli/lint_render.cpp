// SPDX-License-Identifier: Apache-2.0
#include "cli/lint_render.hpp"

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/proof.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

const char* color_of(query::Level level) {
  switch (level) {
    case query::Level::critical:
    case query::Level::high: return "\033[1;31m";
    case query::Level::medium:
    case query::Level::low: return "\033[1;35m";
    case query::Level::info: break;
  }
  return "\033[1;36m";
}

void write_object(JsonWriter& w, const rules::ObjectRef& o) {
  w.begin_object();
  w.key("kind");
  w.value(o.kind);
  w.key("name");
  w.value(o.name);
  w.key("namespace");
  if (o.namespace_.empty()) w.null();
  else w.value(o.namespace_);
  w.end_object();
}

}  // namespace

std::string_view level_word(query::Level level) {
  switch (level) {
    case query::Level::critical:
    case query::Level::high: return "error";
    case query::Level::medium:
    case query::Level::low: return "warning";
    case query::Level::info: break;
  }
  return "note";
}

std::string counted(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string LintSummary::text() const {
  if (!ran) return "no rule ran: the configuration or baseline has errors (above)";
  std::string out;
  if (findings == 0) {
    out = fmt::format("no findings ({}, {})", counted(rules, "rule"), counted(files, "file"));
  } else {
    std::vector<std::string> parts;
    constexpr std::array<const char*, 5> names{"info", "low", "medium", "high", "critical"};
    for (std::size_t i = 5; i-- > 0;) {
      if (by_severity[i] != 0) parts.push_back(fmt::format("{} {}", by_severity[i], names[i]));
    }
    out = fmt::format("{} ({})", counted(findings, "finding"), fmt::join(parts, ", "));
  }
  if (suppressed != 0) out += fmt::format("; {} suppressed", suppressed);
  if (baselined != 0) out += fmt::format("; {} baselined", baselined);
  if (fixed_since_baseline != 0) out += fmt::format("; {} fixed since the baseline", fixed_since_baseline);
  if (inconclusive_hidden != 0) out += fmt::format("; {} inconclusive not shown (--inconclusive)", inconclusive_hidden);
  return out;
}

std::string lint_text(const std::vector<rules::Finding>& findings, const LintSummary& summary, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::string out;
  for (const rules::Finding& f : findings) {
    out += fmt::format("{}{}:{} {}{}:{} {} [{}]\n", bold, printable(to_string(f.location)), reset, color ? color_of(f.severity) : "",
                       level_word(f.severity), reset,
                       printable(fmt::format("{}{}", f.certainty == rules::Certainty::inconclusive ? "(inconclusive) " : "", f.message)), f.rule);
    for (const Note& n : f.notes) {
      out += fmt::format("{}{}:{} note: {}\n", bold, printable(to_string(n.loc)), reset, printable(n.message));
    }
  }
  return out + summary.text() + "\n";
}

std::string lint_json(const std::vector<rules::Finding>& findings, const LintSummary& summary, const std::vector<Diagnostic>& diagnostics) {
  JsonDocument document;
  JsonWriter& w = document.writer();
  // A finding takes about 1 KB with its evidence: the text is reserved once, not regrown.
  std::size_t estimate = 4096;
  for (const rules::Finding& f : findings) estimate += 512 + f.message.size() + 256 * f.notes.size();
  w.reserve(estimate);
  w.key("findings");
  w.begin_array();
  for (const rules::Finding& f : findings) {
    w.begin_object();
    w.key("rule");
    w.value(f.rule);
    w.key("severity");
    w.value(query::to_string(f.severity));
    w.key("certainty");
    w.value(rules::to_string(f.certainty));
    w.key("message");
    w.value(f.message);
    w.key("object");
    write_object(w, f.object);
    w.key("location");
    w.begin_object();
    write_location(w, f.location);
    w.end_object();
    w.key("notes");
    w.begin_array();
    for (const Note& n : f.notes) {
      w.begin_object();
      w.key("message");
      w.value(n.message);
      w.key("location");
      w.begin_object();
      write_location(w, n.loc);
      w.end_object();
      w.end_object();
    }
    w.end_array();
    w.key("fingerprint");
    w.value(f.fingerprint);
    w.end_object();
  }
  w.end_array();
  w.key("summary");
  w.begin_object();
  w.key("findings");
  w.value(static_cast<std::uint64_t>(summary.findings));
  constexpr std::array<const char*, 5> names{"info", "low", "medium", "high", "critical"};
  for (std::size_t i = 0; i < 5; ++i) {
    w.key(names[i]);
    w.value(static_cast<std::uint64_t>(summary.by_severity[i]));
  }
  w.key("suppressed");
  w.value(static_cast<std::uint64_t>(summary.suppressed));
  w.key("baselined");
  w.value(static_cast<std::uint64_t>(summary.baselined));
  w.key("fixedSinceBaseline");
  w.value(static_cast<std::uint64_t>(summary.fixed_since_baseline));
  w.key("inconclusiveHidden");
  w.value(static_cast<std::uint64_t>(summary.inconclusive_hidden));
  w.key("rules");
  w.value(static_cast<std::uint64_t>(summary.rules));
  w.key("files");
  w.value(static_cast<std::uint64_t>(summary.files));
  w.end_object();
  return document.finish(diagnostics);
}

}  // namespace rbacq::cli
