// SPDX-License-Identifier: Apache-2.0
#include "bench/run_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace rbacq::bench {

double run_timed(const std::vector<std::string>& argv_text, int max_exit) {
  std::vector<std::string> copy = argv_text;
  std::vector<char*> argv;
  argv.reserve(copy.size() + 1);
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) std::abort();
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) std::abort();
  const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  if (!WIFEXITED(status) || WEXITSTATUS(status) > max_exit) {
    std::fprintf(stderr, "bench: %s %s failed (status %d)\n", argv[0], argv.size() > 2 ? argv[1] : "", status);
    std::abort();
  }
  return t;
}

}  // namespace rbacq::bench
