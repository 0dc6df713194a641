// SPDX-License-Identifier: Apache-2.0
#include "cli/json_document.hpp"

#include "cli/render_diagnostics.hpp"

namespace rbacq::cli {

JsonDocument::JsonDocument() {
  w_.begin_object();
  w_.key("schema");
  w_.value("rbacq/v1");
}

std::string JsonDocument::finish(const std::vector<Diagnostic>& diagnostics) {
  w_.key("diagnostics");
  write_json(w_, diagnostics);
  return finish();
}

std::string JsonDocument::finish() {
  w_.end_object();
  return w_.take();
}

}  // namespace rbacq::cli
