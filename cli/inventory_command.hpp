// SPDX-License-Identifier: Apache-2.0
// `rbacq inventory PATH...`: what was loaded, and what was wrong with it.
#pragma once

#include <string>
#include <vector>

#include "analyzer/input/loader.hpp"
#include "cli/output.hpp"

namespace rbacq::cli {

struct InventoryOptions {
  std::vector<std::string> paths;
  bool strict = false;
  analyzer::LoadLimits limits;
};

/// Prints the inventory (stdout) and the diagnostics (stderr in text form, inside the JSON
/// document otherwise). Returns the exit code.
int run_inventory(const InventoryOptions& options, const OutputOptions& output);

/// The exit code for a load: 2 with errors, 1 with warnings under --strict, else 0.
[[nodiscard]] int exit_code_for(const Diagnostics& diagnostics, bool strict);

/// The inventory as text and as JSON (exposed for tests).
[[nodiscard]] std::string inventory_text(const analyzer::LoadResult& result);
[[nodiscard]] std::string inventory_json(const analyzer::LoadResult& result);

}  // namespace rbacq::cli
