// SPDX-License-Identifier: Apache-2.0
// docs/query-language.md holds the reference of every relation and function between markers,
// `<!-- generated: relation NAME -->` … `<!-- end generated -->`; this test keeps those blocks
// equal to what the code says of itself (query/reference.hpp), so the documentation cannot drift
// from the built-in descriptions (issue 9). RBACQ_UPDATE_GOLDEN=1 rewrites the blocks in place.
#include <cstdlib>
#include <fstream>
#include <set>

#include "query/answer_tables.hpp"
#include "query/functions.hpp"
#include "query/reference.hpp"
#include "query/relation.hpp"
#include "rules/findings_relation.hpp"
#include "test_support.hpp"

namespace rbacq::test {
namespace {

constexpr std::string_view kEnd = "<!-- end generated -->";


/// The block after `<!-- generated: WHAT -->`: [begin, end) offsets of its content.
std::optional<std::pair<std::size_t, std::size_t>> block(const std::string& doc, const std::string& what) {
  const std::string marker = "<!-- generated: " + what + " -->\n";
  const std::size_t at = doc.find(marker);
  if (at == std::string::npos) return std::nullopt;
  const std::size_t begin = at + marker.size();
  const std::size_t end = doc.find(kEnd, begin);
  if (end == std::string::npos) return std::nullopt;
  return std::make_pair(begin, end);
}

}  // namespace

TEST_CASE("docs/query-language.md documents every relation and function as the code does (issue 9)") {
  const std::string path = source_path("docs/query-language.md");
  std::string doc = read_file(path);
  const char* update = std::getenv("RBACQ_UPDATE_GOLDEN");
  const bool updating = update != nullptr && std::string(update) == "1";
  std::vector<std::pair<std::string, std::string>> expected;
  for (const query::Relation* r : query::relations()) expected.emplace_back("relation " + r->name(), query::relation_reference(*r));
  const rules::FindingsRelation findings({});  // the rules layer's relation
  expected.emplace_back("relation findings", query::relation_reference(findings));
  for (const query::FunctionInfo& f : query::functions()) expected.emplace_back("function " + f.name, query::function_reference(f));
  for (const query::Schema* a : {&query::can_schema(), &query::who_can_schema(), &query::what_can_schema()}) {
    expected.emplace_back("answer " + a->name, query::columns_reference(a->columns));
  }
  std::set<std::string> known;
  for (const auto& [what, text] : expected) {
    known.insert(what);
    CAPTURE(what);
    const auto found = block(doc, what);
    REQUIRE_MESSAGE(found.has_value(), "docs/query-language.md has no block '<!-- generated: " << what << " -->'");
    if (updating) {
      doc.replace(found->first, found->second - found->first, text);
    } else {
      CHECK(doc.substr(found->first, found->second - found->first) == text);
    }
  }
  // No block for a relation or function that no longer exists.
  for (std::size_t at = doc.find("<!-- generated: "); at != std::string::npos; at = doc.find("<!-- generated: ", at + 1)) {
    const std::size_t end = doc.find(" -->", at);
    const std::string what = doc.substr(at + 16, end - at - 16);
    CHECK_MESSAGE(known.contains(what), "docs/query-language.md documents '" << what << "', which the code does not have");
  }
  if (updating) std::ofstream(path, std::ios::binary) << doc;
}

}  // namespace rbacq::test
