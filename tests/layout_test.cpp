// SPDX-License-Identifier: Apache-2.0
// The structure, as a test rather than prose (issue 9): each library is included only in its
// one home (DESIGN §1), the layers depend one way (support ← analyzer ← query ← rules ← cli), and
// the query parser's private headers stay private. Reads the sources as text.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace rbacq::test {
namespace {

namespace fs = std::filesystem;

struct Include {
  std::string file;    // relative to the source tree, with '/'
  std::string target;  // what is between <> or ""
  bool angled = false;
};

std::vector<Include> all_includes() {
  static const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::vector<Include> out;
  const fs::path root = source_path("");
  for (const char* dir : {"support", "analyzer", "query", "rules", "cli", "tests", "bench"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".ipp")) continue;
      const std::string file = fs::relative(entry.path(), root).generic_string();
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, include_line)) out.push_back({file, m[2].str(), m[1].str() == "<"});
      }
    }
  }
  return out;
}

bool starts_with_any(const std::string& s, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("layout: each library is included only in its one home (issue 9)") {
  // library include prefix → the files or folders allowed to include it.
  const std::map<std::string, std::vector<std::string>> homes{
      {"tao/pegtl", {"query/parser.cpp", "query/grammar.hpp", "query/errors.hpp", "query/syntax_tree.hpp", "query/builder.hpp",
                     "tests/query/parser_test.cpp"}},
      // The benchmarks measure the parse floors with the parsers themselves.
      {"yaml-cpp/", {"analyzer/input/", "bench/"}},
      {"simdjson", {"analyzer/input/", "bench/"}},
      {"openssl/", {"analyzer/input/", "analyzer/sensitive.cpp"}},
      {"boost/", {"analyzer/graph/"}},
      {"re2/", {"query/regex.cpp"}},
      {"CLI/", {"cli/"}},
  };
  const auto includes = all_includes();
  std::map<std::string, int> seen;
  for (const Include& inc : includes) {
    if (!inc.angled) continue;
    for (const auto& [library, allowed] : homes) {
      if (!inc.target.starts_with(library)) continue;
      ++seen[library];
      CHECK_MESSAGE(starts_with_any(inc.file, allowed), inc.file << " includes <" << inc.target << ">, which belongs in "
                                                                  << allowed.front());
    }
  }
  // The scan sees the homes themselves, so it cannot pass by reading nothing.
  CHECK(seen["tao/pegtl"] > 0);
  CHECK(seen["simdjson"] > 0);
  CHECK(seen["re2/"] > 0);
  CHECK(seen["CLI/"] > 0);
}

TEST_CASE("layout: layers depend one way, support ← analyzer ← query ← rules ← cli (issue 9)") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> forbidden{
      {"support/", {"analyzer/", "query/", "rules/", "cli/"}},
      {"analyzer/", {"query/", "rules/", "cli/"}},
      {"query/", {"rules/", "cli/"}},
      {"rules/", {"cli/"}},
  };
  std::size_t checked = 0;
  for (const Include& inc : all_includes()) {
    if (inc.angled) continue;
    for (const auto& [layer, above] : forbidden) {
      if (!inc.file.starts_with(layer)) continue;
      ++checked;
      CHECK_MESSAGE(!starts_with_any(inc.target, above), inc.file << " includes \"" << inc.target << "\": " << layer
                                                                  << " may not depend on a layer above it");
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("layout: the query parser's private headers stay private (issue 9)") {
  const std::vector<std::string> private_headers{"query/grammar.hpp", "query/errors.hpp", "query/syntax_tree.hpp", "query/builder.hpp"};
  const std::vector<std::string> may_include{"query/parser.cpp", "query/grammar.hpp", "query/errors.hpp", "query/syntax_tree.hpp",
                                             "query/builder.hpp", "tests/query/parser_test.cpp"};
  for (const Include& inc : all_includes()) {
    if (inc.angled || std::find(private_headers.begin(), private_headers.end(), inc.target) == private_headers.end()) continue;
    CHECK_MESSAGE(std::find(may_include.begin(), may_include.end(), inc.file) != may_include.end(),
                  inc.file << " includes " << inc.target << ", a private header of query/parser.cpp");
  }
}

}  // namespace rbacq::test
