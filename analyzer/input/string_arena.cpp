// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/string_arena.hpp"

#include <algorithm>
#include <cstring>

namespace rbacq::analyzer {

std::string_view StringArena::copy(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > kBlock) {  // a long scalar gets a block of its own; the current one goes on
    blocks_.push_back(std::make_unique<char[]>(s.size()));  // NOLINT(cppcoreguidelines-avoid-c-arrays)
    std::memcpy(blocks_.back().get(), s.data(), s.size());
    if (blocks_.size() == 1) blocks_.insert(blocks_.begin(), std::make_unique<char[]>(kBlock));  // keep [0] a kBlock
    return {blocks_.back().get(), s.size()};
  }
  if (s.size() > left_) {
    blocks_.push_back(std::make_unique<char[]>(kBlock));  // NOLINT(cppcoreguidelines-avoid-c-arrays)
    next_ = blocks_.back().get();
    left_ = kBlock;
  }
  std::memcpy(next_, s.data(), s.size());
  const std::string_view out(next_, s.size());
  next_ += s.size();
  left_ -= s.size();
  return out;
}

void StringArena::clear() {
  if (blocks_.empty()) return;
  blocks_.resize(1);
  next_ = blocks_.front().get();
  left_ = kBlock;
}

}  // namespace rbacq::analyzer
