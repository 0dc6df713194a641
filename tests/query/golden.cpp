// SPDX-License-Identifier: Apache-2.0
#include "query/golden.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace rbacq::test {

std::vector<GoldenQuery> golden_queries(const std::string& kind) {
  std::vector<GoldenQuery> out;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("fixtures/query/" + kind))) {
    if (entry.path().extension() != ".q") continue;
    GoldenQuery g;
    g.path = entry.path();
    std::ifstream in(entry.path());
    std::string line;
    std::vector<std::string> body;
    while (std::getline(in, line)) {
      if (body.empty() && line.starts_with("# cluster: ")) {
        g.cluster = line.substr(11);
      } else if (body.empty() && line == "# stderr") {
        g.check_stderr = true;
      } else if (body.empty() && line.starts_with("# flags: ")) {
        std::istringstream words(line.substr(9));
        std::string w;
        while (words >> w) g.flags.push_back(w);
      } else {
        body.push_back(line);
      }
    }
    while (!body.empty() && body.back().empty()) body.pop_back();
    for (std::size_t i = 0; i < body.size(); ++i) g.query += (i == 0 ? "" : "\n") + body[i];
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const GoldenQuery& a, const GoldenQuery& b) { return a.path < b.path; });
  return out;
}

}  // namespace rbacq::test
