// SPDX-License-Identifier: Apache-2.0
#include "support/parallel.hpp"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace rbacq {

unsigned available_workers() {
  if (const char* wanted = std::getenv("RBACQ_THREADS"); wanted != nullptr) {
    unsigned n = 0;
    const std::string_view text(wanted);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error == std::errc() && end == text.data() + text.size() && n >= 1 && n <= 64) return n;
  }
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  const int allowed = ::sched_getaffinity(0, sizeof(cpus), &cpus) == 0 ? CPU_COUNT(&cpus) : 0;
  const unsigned cores = allowed > 0 ? static_cast<unsigned>(allowed) : std::thread::hardware_concurrency();
  return std::clamp(cores, 1U, 8U);
}

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
