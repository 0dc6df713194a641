// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/hash_slots.hpp"

#include <utility>

namespace rbacq::analyzer {

void HashSlots::place(const Slot& entry) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = entry.hash & mask;
  while (slots_[at].index != kEmpty) at = (at + 1) & mask;
  slots_[at] = entry;
}

void HashSlots::insert(std::uint64_t hash, std::size_t index) {
  if ((used_ + 1) * 2 > slots_.size()) {  // keep it at most half full: probes stay short
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.empty() ? 64 : slots_.size() * 2));
    for (const Slot& s : old) {
      if (s.index != kEmpty) place(s);
    }
  }
  place(Slot{hash, index});
  ++used_;
}

}  // namespace rbacq::analyzer
