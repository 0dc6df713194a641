// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the tests: load text, find diagnostics, run the rbacq binary, temp dirs.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/input/loader.hpp"

// doctest prints vectors of strings one per line, so a failed comparison shows both sides.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const auto& s : v) out += "\n  \"" + s + "\"";
    out += v.empty() ? "}" : "\n}";
    return String(out.c_str());
  }
};
}  // namespace doctest

namespace rbacq::test {

/// Loads `text` as the file `name` (the extension picks nothing: content does, as for real files).
analyzer::LoadResult load(std::string_view text, std::string_view name = "test.yaml",
                          const analyzer::LoadLimits& limits = {});

/// The diagnostics as "line:col: severity: message [id]" strings (file left out), sorted.
std::vector<std::string> lines(const Diagnostics& diags);

/// Path of a file under the source tree (fixtures).
std::string source_path(std::string_view relative);

/// The bytes of the file at `path` ("" when it cannot be read).
std::string read_file(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the built rbacq with `args` (no shell), `stdin_text` on its standard input.
CommandResult run_rbacq(const std::vector<std::string>& args, std::string_view stdin_text = {});

/// run_rbacq() in the directory `cwd` (what relative paths and the repository root are taken from).
CommandResult run_rbacq_in(const std::filesystem::path& cwd, const std::vector<std::string>& args, std::string_view stdin_text = {});

/// Runs `check` as an unprivileged user: in a child process that drops to uid/gid 65534 when
/// the tests run as root (permission checks do not apply to root), in-process otherwise.
bool as_unprivileged_user(const std::function<bool()>& check);

/// A fresh directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating directories) and returns the full path.
  std::string write(std::string_view relative, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace rbacq::test
