// SPDX-License-Identifier: Apache-2.0
#include "support/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace rbacq {

unsigned available_workers() { return std::clamp(std::thread::hardware_concurrency(), 1U, 16U); }

void in_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;  // the others stop at their next piece
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(std::max(workers, 1U), count);
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(run);
    run();
  }  // joined
  if (failure) std::rethrow_exception(failure);
}

}  // namespace rbacq
