// SPDX-License-Identifier: Apache-2.0
// 64-bit hashes → indices in one flat array: the store's index of the objects it keeps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace rbacq::analyzer {

/// An open-addressing table (linear probing) from a hash to indices. The caller tells entries
/// with the same hash apart (`is_it`), so a collision costs a comparison, never a wrong answer.
/// One flat array: at 200,000 objects a node per entry (std::unordered_multimap) cost a cache
/// miss per lookup and an allocation each to build and to free.
class HashSlots {
 public:
  /// The first index stored under `hash` for which `is_it(index)` holds.
  template <class IsIt>
  [[nodiscard]] std::optional<std::size_t> find(std::uint64_t hash, const IsIt& is_it) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.index == kEmpty) return std::nullopt;
      if (slot.hash == hash && is_it(slot.index)) return slot.index;
    }
  }

  void insert(std::uint64_t hash, std::size_t index);
  void clear() {
    slots_.clear();
    used_ = 0;
  }

 private:
  static constexpr std::size_t kEmpty = ~std::size_t{0};
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t index = kEmpty;
  };
  void place(const Slot& entry);

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::size_t used_ = 0;
};

}  // namespace rbacq::analyzer
