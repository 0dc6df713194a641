// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/parallel.hpp"

TEST_CASE("in_parallel: every piece runs exactly once, on one thread or several") {
  for (const unsigned workers : {1U, 2U, 4U, 16U}) {
    for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{100}}) {
      std::vector<std::atomic<int>> runs(count);
      rbacq::in_parallel(count, workers, [&](std::size_t i) { ++runs[i]; });
      for (std::size_t i = 0; i < count; ++i) {
        CAPTURE(workers);
        CAPTURE(i);
        CHECK(runs[i].load() == 1);
      }
    }
  }
}

TEST_CASE("in_parallel: a piece's exception reaches the caller after the threads stopped") {
  std::atomic<int> started{0};
  const auto run = [&] {
    rbacq::in_parallel(50, 4, [&](std::size_t i) {
      ++started;
      if (i == 7) throw std::runtime_error("piece 7");
    });
  };
  CHECK_THROWS_WITH_AS(run(), "piece 7", std::runtime_error);
  CHECK(started.load() >= 8);  // the pieces up to the one that threw were taken
}

TEST_CASE("available_workers: at least one, at most eight, or what RBACQ_THREADS says") {
  const char* before = std::getenv("RBACQ_THREADS");
  const std::string saved = before != nullptr ? before : "";
  ::unsetenv("RBACQ_THREADS");
  const unsigned cores = rbacq::available_workers();
  CHECK(cores >= 1);
  CHECK(cores <= 8);
  ::setenv("RBACQ_THREADS", "3", 1);
  CHECK(rbacq::available_workers() == 3);
  for (const char* ignored : {"0", "65", "two", "2x", ""}) {
    ::setenv("RBACQ_THREADS", ignored, 1);
    CAPTURE(ignored);
    CHECK(rbacq::available_workers() == cores);
  }
  if (before != nullptr) {
    ::setenv("RBACQ_THREADS", saved.c_str(), 1);
  } else {
    ::unsetenv("RBACQ_THREADS");
  }
}

TEST_CASE("in_parallel: called from inside a piece, it runs on that piece's thread") {
  std::atomic<int> nested_runs{0};
  std::atomic<bool> other_thread{false};
  rbacq::in_parallel(4, 4, [&](std::size_t) {
    const auto outer = std::this_thread::get_id();
    rbacq::in_parallel(10, 4, [&](std::size_t) {
      ++nested_runs;
      if (std::this_thread::get_id() != outer) other_thread = true;
    });
  });
  CHECK(nested_runs.load() == 40);
  CHECK_FALSE(other_thread.load());
}
