// SPDX-License-Identifier: Apache-2.0
// The one envelope of every JSON document rbacq prints: {"schema":"rbacq/v1", …the command's
// members…, "diagnostics":[…]}. Versioned so that consumers can rely on the shape (README).
#pragma once

#include <string>
#include <vector>

#include "support/diagnostic.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {

class JsonDocument {
 public:
  JsonDocument();
  /// Where the command writes its members.
  [[nodiscard]] JsonWriter& writer() { return w_; }
  /// Closes the document after `"diagnostics"`: the input's problems.
  [[nodiscard]] std::string finish(const std::vector<Diagnostic>& diagnostics);
  /// Closes a document that has no diagnostics (a usage error).
  [[nodiscard]] std::string finish();

 private:
  JsonWriter w_;
};

}  // namespace rbacq::cli
