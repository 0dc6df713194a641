// SPDX-License-Identifier: Apache-2.0
// The golden query files: fixtures/query/{ok,err}/NAME.q, each with the cluster it runs on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rbacq::test {

/// NAME.q: `# cluster: DIR` (a folder of fixtures/query/clusters/), optional `# flags: …`
/// (extra arguments, split at spaces), optional `# stderr` (an ok query's notes are checked too,
/// against NAME.err), then the query, whose lines are joined with '\n'.
struct GoldenQuery {
  std::filesystem::path path;
  std::string cluster;
  std::vector<std::string> flags;
  bool check_stderr = false;
  std::string query;
};

/// Every golden query of `kind` ("ok" or "err"), sorted by file name.
std::vector<GoldenQuery> golden_queries(const std::string& kind);

}  // namespace rbacq::test
