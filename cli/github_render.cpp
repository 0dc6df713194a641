// SPDX-License-Identifier: Apache-2.0
#include "cli/github_render.hpp"

#include <fmt/format.h>

#include "cli/lint_render.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

/// GitHub's three annotation levels: error, warning and notice (not "note").
std::string_view command_of(query::Level level) {
  const std::string_view word = level_word(level);
  return word == "note" ? "notice" : word;
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : github_escape_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string lint_github(const std::vector<rules::Finding>& findings, const RepositoryPaths& paths) {
  std::string out;
  for (const rules::Finding& f : findings) {
    std::vector<std::string> properties;
    // The path as it is on disk (the runner must find the file), only encoded; what a person reads
    // (the message) is printable() as on a terminal, since the log shows it.
    if (paths.absolute(f.location.file)) properties.push_back("file=" + github_escape_property(paths.shown(f.location.file)));
    if (f.location.line != 0) properties.push_back(fmt::format("line={}", f.location.line));
    if (f.location.line != 0 && f.location.column != 0) properties.push_back(fmt::format("col={}", f.location.column));
    properties.push_back("title=" + github_escape_property(f.rule));
    std::string message = printable(fmt::format("{}{}", f.certainty == rules::Certainty::inconclusive ? "(inconclusive) " : "", f.message));
    for (const Note& n : f.notes) message += fmt::format("\n{}: {}", printable(paths.shown(n.loc)), printable(n.message));
    out += fmt::format("::{} {}::{}\n", command_of(f.severity), fmt::join(properties, ","), github_escape_data(message));
  }
  return out;
}

}  // namespace rbacq::cli
