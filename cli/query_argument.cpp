// SPDX-License-Identifier: Apache-2.0
#include "cli/query_argument.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

#include "query/parser.hpp"
#include "query/relation.hpp"

namespace rbacq::cli {
namespace {

/// Whether anything is at `path`, a broken link included (that is a file problem, not a query).
bool names_something(const std::string& path) {
  if (path == "-") return true;
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path, ec);
  return status.type() != std::filesystem::file_type::not_found;
}

bool is_query_text(const std::string& path) {
  return !names_something(path) && looks_like_query(path) && query::parse_query(path).has_value();
}

}  // namespace

bool looks_like_query(std::string_view text) {
  if (text.find_first_of(" \t\n") != std::string_view::npos) return true;
  constexpr std::array<std::string_view, 4> statement_words{"can", "who", "what", "count"};
  return std::find(statement_words.begin(), statement_words.end(), text) != statement_words.end() || query::find_relation(text) != nullptr;
}

std::optional<std::string> take_query_from_paths(std::vector<std::string>& paths) {
  if (std::count_if(paths.begin(), paths.end(), is_query_text) != 1) return std::nullopt;
  const auto it = std::find_if(paths.begin(), paths.end(), is_query_text);
  std::string text = *it;
  paths.erase(it);
  return text;
}

analyzer::LoadResult with_query_hints(analyzer::LoadResult loaded, const std::vector<std::string>& paths) {
  std::vector<std::string> hinted;
  std::copy_if(paths.begin(), paths.end(), std::back_inserter(hinted),
               [](const std::string& p) { return !names_something(p) && looks_like_query(p); });
  if (hinted.empty()) return loaded;
  Diagnostics out;
  for (Diagnostic d : loaded.diagnostics.items()) {
    const bool missing = d.id == "input-read" && d.severity == Severity::error && !d.loc.has_position();
    if (missing && std::find(hinted.begin(), hinted.end(), d.loc.file.str()) != hinted.end()) {
      d.notes.push_back({d.loc, "this looks like a query: put it before -f or quote it"});
    }
    out.add(std::move(d));
  }
  loaded.diagnostics = std::move(out);
  return loaded;
}

}  // namespace rbacq::cli
