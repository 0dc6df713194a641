// SPDX-License-Identifier: Apache-2.0
// Options shared by every command's output: format and colour.
#pragma once

#include <cstdio>
#include <string>

namespace rbacq::cli {

enum class Format { text, json, markdown, csv, dot };

struct OutputOptions {
  Format format = Format::text;
  bool color = false;  // decided once from --no-color, NO_COLOR and whether stderr is a terminal
};

/// Colour is used only on a terminal, never with --no-color or NO_COLOR set (no-color.org).
[[nodiscard]] bool want_color(bool no_color_flag, std::FILE* stream);

/// Exit codes, as the README documents them.
enum ExitCode : int {
  kExitOk = 0,
  kExitFindings = 1,  // --strict warnings, `can-i` answered no, lint findings
  kExitError = 2,     // input errors and usage mistakes
  kExitInternal = 3,  // a bug in rbacq
};

}  // namespace rbacq::cli
