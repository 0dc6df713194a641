// SPDX-License-Identifier: Apache-2.0
// What a command needs until the process ends is not freed one allocation at a time: the
// operating system takes back the whole address space at exit at once. For lint of a 50,000-object
// cluster, freeing the model and 30,000 findings piece by piece cost 0.06 s of 0.75 s.
#pragma once

#include <memory>
#include <utility>
#include <vector>

namespace rbacq::cli {

/// A T made of `args` that lives until the process exits and is never destroyed. It stays
/// reachable from a global, so leak checkers (LeakSanitizer, valgrind) do not report it. For a
/// command's large data; a command runs once per process.
template <class T, class... Args>
T& until_exit(Args&&... args) {
  // Allocated once and never deleted, on purpose (a static vector would free its items at exit).
  static auto* const kept = new std::vector<std::shared_ptr<void>>();  // NOLINT(cppcoreguidelines-owning-memory)
  auto held = std::make_shared<T>(std::forward<Args>(args)...);
  T& ref = *held;
  kept->push_back(std::move(held));
  return ref;
}

}  // namespace rbacq::cli
