// SPDX-License-Identifier: Apache-2.0
#include "cli/render_diagnostics.hpp"

#include <fmt/format.h>

#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

std::string_view color_of(Severity s) {
  switch (s) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;35m";
    case Severity::note: return "\033[1;36m";
  }
  return "";
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, bool color) {
  std::string out;
  const std::string_view bold = color ? "\033[1m" : "";
  const std::string_view reset = color ? "\033[0m" : "";
  for (const Diagnostic& d : diagnostics) {
    // File names and messages carry input text: escaped, so that they cannot forge lines.
    out += fmt::format("{}{}:{} {}{}:{} {} [{}]\n", bold, printable(to_string(d.loc)), reset,
                       color ? color_of(d.severity) : "", to_string(d.severity), reset, printable(d.message), d.id);
    for (const Note& n : d.notes) {
      out += fmt::format("{}{}:{} {}note:{} {}\n", bold, printable(to_string(n.loc)), reset,
                         color ? color_of(Severity::note) : "", reset, printable(n.message));
    }
  }
  return out;
}

std::string render_listed(const std::vector<Diagnostic>& diagnostics, const ProblemListing& listing, bool color) {
  std::vector<Diagnostic> shown;
  std::size_t room = listing.max_warnings.value_or(diagnostics.size());
  std::size_t warnings_left = 0;
  std::size_t notes_left = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) {
      shown.push_back(d);
    } else if (listing.quiet) {
      continue;  // asked for: no count either
    } else if (room != 0) {
      shown.push_back(d);
      --room;
    } else {
      ++(d.severity == Severity::warning ? warnings_left : notes_left);
    }
  }
  std::string out = render_text(shown, color);
  if (warnings_left + notes_left != 0) {
    std::vector<std::string> parts;
    if (warnings_left != 0) parts.push_back(fmt::format("{} more {}", warnings_left, warnings_left == 1 ? "warning" : "warnings"));
    if (notes_left != 0) parts.push_back(fmt::format("{} more {}", notes_left, notes_left == 1 ? "note" : "notes"));
    out += fmt::format("rbacq: note: {} not shown (--max-warnings {})\n", fmt::join(parts, " and "), *listing.max_warnings);
  }
  return out;
}

std::string summary_line(const Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.count(Severity::error);
  const std::size_t warnings = diagnostics.count(Severity::warning);
  const std::size_t notes = diagnostics.count(Severity::note);
  if (errors + warnings + notes == 0) return "no problems";
  return fmt::format("{}, {}, {}", plural(errors, "error"), plural(warnings, "warning"), plural(notes, "note"));
}

void write_json(JsonWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.begin_array();
  for (const Diagnostic& d : diagnostics) {
    w.begin_object();
    w.key("id");
    w.value(d.id);
    w.key("severity");
    w.value(to_string(d.severity));
    write_location(w, d.loc);
    w.key("message");
    w.value(d.message);
    w.key("notes");
    w.begin_array();
    for (const Note& n : d.notes) {
      w.begin_object();
      write_location(w, n.loc);
      w.key("message");
      w.value(n.message);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

}  // namespace rbacq::cli
