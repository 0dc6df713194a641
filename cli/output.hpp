// SPDX-License-Identifier: Apache-2.0
// Options shared by every command's output: format, colour, and how many problems are listed.
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>

namespace rbacq::cli {

enum class Format { text, json, markdown, csv, dot, sarif, github };

/// Which of the input's problems are listed on stderr. A directory of dumps can have hundreds of
/// warnings for a short answer. JSON documents always carry every diagnostic.
struct ProblemListing {
  bool quiet = false;                       // --quiet: errors only
  std::optional<std::size_t> max_warnings;  // --max-warnings N: at most N warnings and notes, then a count
};

struct OutputOptions {
  Format format = Format::text;
  bool color = false;  // decided once from --no-color, NO_COLOR and whether stderr is a terminal
  ProblemListing listing;
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
