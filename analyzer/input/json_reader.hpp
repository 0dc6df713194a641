// SPDX-License-Identifier: Apache-2.0
// JSON text → one Document, through simdjson's on-demand API (positions from byte offsets).
#pragma once

#include "analyzer/input/document.hpp"
#include "analyzer/input/source_text.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

/// Calls `sink` with the document of a JSON text. Malformed JSON is reported [input-json] with
/// the position where it was detected, and nothing of the file is used.
void read_json(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink);

}  // namespace rbacq::analyzer
