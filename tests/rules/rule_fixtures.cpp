// SPDX-License-Identifier: Apache-2.0
#include "rules/rule_fixtures.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "test_support.hpp"

namespace rbacq::test {
namespace {

namespace fs = std::filesystem;

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream words(text);
  std::string w;
  while (words >> w) out.push_back(w);
  return out;
}

/// Reads the markers and the `# flags:` line of one file into `fixture`.
void read_file(const fs::path& file, const std::string& relative, RuleFixture& fixture) {
  static const std::regex marker(R"(#\s*(expect|expect-not):\s*([a-z0-9-]+(?::[a-z]+)?(?:\s*,\s*[a-z0-9-]+(?::[a-z]+)?)*))");
  static const std::regex item(R"(([a-z0-9-]+)(?::([a-z]+))?)");
  std::ifstream in(file);
  std::string line;
  unsigned number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.starts_with("# flags:")) {
      if (fixture.flags.empty()) fixture.flags = split_words(line.substr(8));  // a directory's first file that has them
      continue;
    }
    for (auto m = std::sregex_iterator(line.begin(), line.end(), marker); m != std::sregex_iterator(); ++m) {
      const bool expected = (*m)[1] == "expect";
      const std::string list = (*m)[2];
      for (auto i = std::sregex_iterator(list.begin(), list.end(), item); i != std::sregex_iterator(); ++i) {
        fixture.markers.push_back({relative, number, (*i)[1], (*i)[2], expected});
      }
    }
  }
}

}  // namespace

std::vector<std::string> rule_fixture_dirs() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(source_path("fixtures/rules"))) {
    if (entry.is_directory()) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<RuleFixture> rule_fixtures() {
  std::vector<RuleFixture> out;
  const fs::path root = source_path("");
  for (const std::string& rule : rule_fixture_dirs()) {
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(root / "fixtures/rules" / rule)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) {
      RuleFixture fixture;
      fixture.rule = rule;
      fixture.path = fs::relative(entry, root).generic_string();
      std::vector<fs::path> files;
      if (fs::is_directory(entry)) {
        for (const auto& f : fs::recursive_directory_iterator(entry)) {
          if (f.is_regular_file() && is_yaml(f.path())) files.push_back(f.path());
        }
        std::sort(files.begin(), files.end());
      } else if (is_yaml(entry)) {
        files.push_back(entry);
      }
      if (files.empty()) continue;
      for (const fs::path& f : files) read_file(f, fs::relative(f, root).generic_string(), fixture);
      out.push_back(std::move(fixture));
    }
  }
  return out;
}

}  // namespace rbacq::test
