// SPDX-License-Identifier: Apache-2.0
// Path globs of .rbacq.yaml (`exclude`, an ignore entry's `path`): relative to the config
// file's directory, `/`-separated, matched against whole path segments.
//
//   *      any characters but '/'          ?      one character but '/'
//   **     any number of directories (a whole segment: `vendor/**`, `**/tests/**`)
//   [abc]  one of the characters; [a-z] a range; [!abc] none of them      \*  a literal '*'
//
// A pattern that matches a directory matches everything under it, as in .gitignore: `vendor`
// and `vendor/**` both exclude vendor/a/b.yaml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/result.hpp"

namespace rbacq::rules {

class Glob {
 public:
  /// The glob, or an error whose location is line 1 and the pattern's column (1-based) of the
  /// problem, for the caller to move into its file: `**` inside a segment, an unclosed `[`, a
  /// path that is absolute or leaves the directory (`..`).
  [[nodiscard]] static Result<Glob> parse(std::string_view pattern);

  /// Whether `path` (relative, `/`-separated, normalised: no `.` or `..` segments) or one of
  /// its parent directories matches.
  [[nodiscard]] bool matches(std::string_view path) const;

  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::vector<std::string> segments_;  // as written, `\` escapes kept
};

}  // namespace rbacq::rules
