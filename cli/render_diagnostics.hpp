// SPDX-License-Identifier: Apache-2.0
// Diagnostics as text (`file:line:col: severity: message [id]`) or as JSON values.
#pragma once

#include <string>
#include <vector>

#include "cli/output.hpp"
#include "support/diagnostic.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {

/// GNU style, one line per diagnostic and one per note, as editors and CI parse them.
[[nodiscard]] std::string render_text(const std::vector<Diagnostic>& diagnostics, bool color);

/// render_text() of what `listing` lets through: every error; warnings and notes unless quiet, at
/// most max_warnings of them, then one line "rbacq: note: N more warnings … not shown".
[[nodiscard]] std::string render_listed(const std::vector<Diagnostic>& diagnostics, const ProblemListing& listing, bool color);

/// "2 errors, 1 warning" or "no problems".
[[nodiscard]] std::string summary_line(const Diagnostics& diagnostics);

/// A JSON array of {"id","severity","file","line","column","message","notes":[...]}.
void write_json(JsonWriter& w, const std::vector<Diagnostic>& diagnostics);

}  // namespace rbacq::cli
