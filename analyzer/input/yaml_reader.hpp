// SPDX-License-Identifier: Apache-2.0
// YAML text → Documents, through yaml-cpp's event API (the node API is 2.5x slower and 50x larger).
#pragma once

#include "analyzer/input/document.hpp"
#include "analyzer/input/source_text.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

/// Calls `sink` once per document of a multi-document stream, in order. A malformed document is
/// reported [input-yaml] and skipped: reading resumes at the next `---` line, so one bad
/// document loses only itself. Deep nesting [input-depth] and alias bombs [input-alias] too.
void read_yaml(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink);

}  // namespace rbacq::analyzer
