// SPDX-License-Identifier: Apache-2.0
// Where something came from: an interned file path and a 1-based line and column.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace rbacq {

/// A file path interned for the life of the process: copying is a pointer copy, so locations
/// (created by the million, for paths that number in the dozens) stay small. Paths compare as
/// strings, so that sorting by location sorts by file name.
/// Example: `FilePath::intern("manifests/rbac.yaml").str() == "manifests/rbac.yaml"`.
class FilePath {
 public:
  FilePath() = default;
  static FilePath intern(std::string_view path);
  [[nodiscard]] std::string_view str() const { return path_ == nullptr ? std::string_view{} : *path_; }
  [[nodiscard]] bool empty() const { return str().empty(); }
  friend bool operator==(FilePath a, FilePath b) { return a.str() == b.str(); }
  friend std::strong_ordering operator<=>(FilePath a, FilePath b) { return a.str() <=> b.str(); }

 private:
  explicit FilePath(const std::string* path) : path_(path) {}
  const std::string* path_ = nullptr;
};

/// A position in an input file. `line` and `column` are 1-based; 0 means "unknown" (then only the
/// file is shown). Columns count bytes, as GCC, Clang and PEGTL do.
struct SourceLocation {
  FilePath file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  [[nodiscard]] bool has_position() const { return line != 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
  friend std::strong_ordering operator<=>(const SourceLocation&, const SourceLocation&) = default;
};

/// "file:line:col", "file:line" or "file"; "<unknown>" when there is no file.
[[nodiscard]] std::string to_string(const SourceLocation& loc);

}  // namespace rbacq
