// SPDX-License-Identifier: Apache-2.0
// A bump allocator for the text of YAML scalars.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace rbacq::analyzer {

/// Bump allocator for scalar text: yaml-cpp hands each scalar over in a temporary string, and a
/// heap allocation per scalar would cost more than the rest of the tree.
class StringArena {
 public:
  std::string_view copy(std::string_view s);
  /// Forgets all strings but keeps the first block for the next document.
  void clear();

 private:
  static constexpr std::size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace rbacq::analyzer
