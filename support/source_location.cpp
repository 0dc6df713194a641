// SPDX-License-Identifier: Apache-2.0
#include "support/source_location.hpp"

#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

namespace rbacq {

FilePath FilePath::intern(std::string_view path) {
  // Node-based set: element addresses stay valid while the set grows, and it is never shrunk.
  static std::mutex mutex;
  static auto* paths = new std::unordered_set<std::string>();  // never destroyed: locations may outlive statics
  const std::lock_guard lock(mutex);
  return FilePath(&*paths->emplace(path).first);
}

std::string to_string(const SourceLocation& loc) {
  const std::string_view file = loc.file.empty() ? std::string_view("<unknown>") : loc.file.str();
  if (loc.line == 0) return std::string(file);
  if (loc.column == 0) return fmt::format("{}:{}", file, loc.line);
  return fmt::format("{}:{}:{}", file, loc.line, loc.column);
}

}  // namespace rbacq
