// SPDX-License-Identifier: Apache-2.0
#include "support/parallel.hpp"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace rbacq {

namespace {

// True on a thread while it runs a piece of in_parallel: a nested in_parallel (a rule's query
// that evaluates the findings of other rules) runs on that thread alone instead of starting
// workers × workers threads.
thread_local bool inside_piece = false;

std::optional<unsigned> parse_count(std::string_view text) {
  unsigned n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::optional<long long> read_number(const std::string& path) {
  std::ifstream in(path);
  long long n = 0;
  if (!(in >> n)) return std::nullopt;
  return n;
}

// The CPU time a container may use per period, as whole CPUs rounded up (a quota of 1.5 CPUs
// gives 2): cgroup v2's cpu.max ("max 100000" when unlimited) or v1's cfs_quota_us (-1 when
// unlimited). The affinity mask does not show a quota: `docker run --cpus 2` on a 64-core host
// still lets the process run on all 64.
std::optional<unsigned> cgroup_cpu_quota() {
  const auto whole_cpus = [](long long quota, long long period) -> std::optional<unsigned> {
    if (quota <= 0 || period <= 0) return std::nullopt;
    return static_cast<unsigned>(std::min<long long>((quota + period - 1) / period, 1024));
  };
  if (std::ifstream v2("/sys/fs/cgroup/cpu.max"); v2) {
    std::string quota;
    long long period = 0;
    if (v2 >> quota >> period && quota != "max") {
      long long q = 0;
      const auto [end, error] = std::from_chars(quota.data(), quota.data() + quota.size(), q);
      if (error == std::errc() && end == quota.data() + quota.size()) return whole_cpus(q, period);
    }
    return std::nullopt;
  }
  const auto quota = read_number("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
  const auto period = read_number("/sys/fs/cgroup/cpu/cpu.cfs_period_us");
  if (quota && period) return whole_cpus(*quota, *period);
  return std::nullopt;
}

}  // namespace

unsigned available_workers() {
  if (const char* wanted = std::getenv("RBACQ_THREADS"); wanted != nullptr) {
    if (const auto n = parse_count(wanted); n && *n >= 1 && *n <= 64) return *n;
  }
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  const int allowed = ::sched_getaffinity(0, sizeof(cpus), &cpus) == 0 ? CPU_COUNT(&cpus) : 0;
  unsigned cores = allowed > 0 ? static_cast<unsigned>(allowed) : std::thread::hardware_concurrency();
  if (const auto quota = cgroup_cpu_quota()) cores = std::min(cores, *quota);
  return std::clamp(cores, 1U, 8U);
}

void in_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto run = [&] {
    const bool was_inside = inside_piece;
    inside_piece = true;
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;  // the others stop at their next piece
      }
    }
    inside_piece = was_inside;
  };
  const std::size_t threads = inside_piece ? 1 : std::min<std::size_t>(std::max(workers, 1U), count);
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t t = 1; t < threads; ++t) {
      try {
        helpers.emplace_back(run);
      } catch (const std::system_error&) {
        break;  // no more threads (a process limit): the ones running take every piece
      }
    }
    run();
  }  // joined
  if (failure) std::rethrow_exception(failure);
}

}  // namespace rbacq
