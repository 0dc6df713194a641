// SPDX-License-Identifier: Apache-2.0
#include "rules/catalogue.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>

#include <fmt/format.h>

#include "rules/rule_file.hpp"
#include "support/embedded_text.hpp"

namespace rbacq::rules {

// Generated from rules/CMakeLists.txt's list (cmake/EmbedText.cmake).
std::span<const EmbeddedText> embedded_texts();

namespace {

void sort_by_id(std::vector<Rule>& rules) {
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
}

}  // namespace

std::vector<Rule> builtin_rules(Diagnostics& diagnostics) {
  std::vector<Rule> out;
  for (const EmbeddedText& file : embedded_texts()) {
    analyzer::SourceText source{FilePath::intern(fmt::format("<built-in>/rules/{}", file.name)), std::string(file.text), 1, 1};
    if (auto rule = read_rule(source, true, diagnostics)) out.push_back(std::move(*rule));
  }
  sort_by_id(out);
  return out;
}

std::vector<Rule> user_rules(const std::string& dir, Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::vector<Rule> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diagnostics.add({"rule-invalid", Severity::error, {FilePath::intern(dir), 0, 0}, "--rules names no directory", {}});
    return out;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    analyzer::SourceText source{FilePath::intern(p.string()), text.str(), 1, 1};
    if (auto rule = read_rule(source, false, diagnostics)) out.push_back(std::move(*rule));
  }
  sort_by_id(out);
  return out;
}

std::vector<Rule> merge_rules(std::vector<Rule> builtin, std::vector<Rule> user, Diagnostics& diagnostics) {
  for (Rule& r : user) {
    const auto same = std::find_if(builtin.begin(), builtin.end(), [&](const Rule& b) { return b.id == r.id; });
    if (same != builtin.end()) {
      diagnostics.add({"rule-invalid", Severity::error, r.loc,
                       fmt::format("rule {} is already a rule of rbacq's: choose another id (disable the built-in one in .rbacq.yaml)", r.id),
                       {}});
      continue;
    }
    builtin.push_back(std::move(r));
  }
  sort_by_id(builtin);
  return builtin;
}

std::vector<Rule> load_rules(const std::vector<std::string>& user_dirs, Diagnostics& diagnostics) {
  std::vector<Rule> user;
  for (const std::string& dir : user_dirs) {
    for (Rule& r : user_rules(dir, diagnostics)) user.push_back(std::move(r));
  }
  return merge_rules(builtin_rules(diagnostics), std::move(user), diagnostics);
}

}  // namespace rbacq::rules
