// SPDX-License-Identifier: Apache-2.0
// Runs every golden query through the real binary: fixtures/query/ok/NAME.q must print exactly
// NAME.out (exit 0), and with `# stderr` its notes exactly NAME.err; fixtures/query/err/NAME.q must
// print exactly NAME.err on stderr (exit 2).
// RBACQ_UPDATE_GOLDEN=1 rewrites the expected files — read every change before committing it.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "query/golden.hpp"
#include "test_support.hpp"

namespace rbacq::test {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

CommandResult run(const GoldenQuery& g) {
  // Paths in the outputs are relative to the source tree, wherever the test is started from.
  std::filesystem::current_path(source_path(""));
  std::vector<std::string> args{"query", g.query, "-f", "fixtures/query/clusters/" + g.cluster};
  args.insert(args.end(), g.flags.begin(), g.flags.end());
  return run_rbacq(args);
}

bool updating() {
  const char* v = std::getenv("RBACQ_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

void check(const std::string& kind, const std::string& extension, int expected_exit) {
  const auto queries = golden_queries(kind);
  CHECK(queries.size() >= 40);
  for (const GoldenQuery& g : queries) {
    CAPTURE(g.path.string());
    CAPTURE(g.query);
    REQUIRE(!g.cluster.empty());
    const CommandResult r = run(g);
    const std::string& actual = kind == "ok" ? r.out : r.err;
    auto expected_path = g.path;
    expected_path.replace_extension(extension);
    auto notes_path = g.path;
    notes_path.replace_extension(".err");
    const bool notes = kind == "ok" && g.check_stderr;
    if (updating()) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      if (notes) std::ofstream(notes_path, std::ios::binary) << r.err;
      continue;
    }
    CAPTURE(r.err);
    CHECK(r.exit_code == expected_exit);
    CHECK(actual == read(expected_path));
    if (notes) CHECK(r.err == read(notes_path));
  }
}

TEST_CASE("golden queries answer as recorded (issue 4)") { check("ok", ".out", 0); }

TEST_CASE("golden query errors say what was expected, where (issue 4)") { check("err", ".err", 2); }

}  // namespace
}  // namespace rbacq::test
