// SPDX-License-Identifier: Apache-2.0
// Paths as reports for a repository name them: relative to the repository's top level, which is
// where GitHub code scanning, workflow annotations and pull-request comments resolve them, whatever
// directory rbacq ran in.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "support/source_location.hpp"

namespace rbacq::cli {

class RepositoryPaths {
 public:
  /// `root` and `cwd` are absolute; relative input paths are taken from `cwd`.
  RepositoryPaths(const std::filesystem::path& root, const std::filesystem::path& cwd);

  /// The top level of the git work tree around the current directory (`git rev-parse
  /// --show-toplevel`), else the current directory: outside git, or without git installed.
  [[nodiscard]] static RepositoryPaths discover();

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  /// The absolute, normalised path of `file`; nullopt when it names no file on disk (standard
  /// input, rbacq's built-in objects and rules).
  [[nodiscard]] std::optional<std::filesystem::path> absolute(FilePath file) const;

  /// `file` relative to the root, '/'-separated ("deploy/rbac.yaml"); nullopt when it names no
  /// file or lies outside the root.
  [[nodiscard]] std::optional<std::string> relative(FilePath file) const;

  /// What a report shows for `file`: relative to the root when inside it, else as given.
  [[nodiscard]] std::string shown(FilePath file) const;

  /// `loc` as "file:line:col", with the file as shown().
  [[nodiscard]] std::string shown(const SourceLocation& loc) const;

 private:
  std::filesystem::path root_;
  std::filesystem::path cwd_;
};

/// `path` percent-encoded for a URI reference (RFC 3986): unreserved characters and '/' stay,
/// every other byte is %XX. ':' is encoded too, so that a relative path is never read as a scheme.
[[nodiscard]] std::string uri_escape_path(std::string_view path);

/// "file:///abs/path" for an absolute path.
[[nodiscard]] std::string file_uri(const std::filesystem::path& absolute);

}  // namespace rbacq::cli
