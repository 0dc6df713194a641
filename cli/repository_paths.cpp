// SPDX-License-Identifier: Apache-2.0
#include "cli/repository_paths.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>

#include <fmt/format.h>

#include "analyzer/catalogue/default_policy.hpp"

namespace rbacq::cli {
namespace {

/// What `git rev-parse --show-toplevel` prints, or nullopt when git is missing or the directory
/// is in no work tree. git's own messages go nowhere: stderr is rbacq's.
std::optional<std::string> git_toplevel() {
  std::array<int, 2> pipe_fds{-1, -1};
  if (::pipe2(pipe_fds.data(), O_CLOEXEC) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::array<std::string, 3> words{"git", "rev-parse", "--show-toplevel"};
  std::array<char*, 4> argv{words[0].data(), words[1].data(), words[2].data(), nullptr};
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  std::string out;
  if (spawned == 0) {
    std::array<char, 4096> buffer{};
    for (ssize_t n = 0; (n = ::read(pipe_fds[0], buffer.data(), buffer.size())) != 0;) {
      if (n < 0) {
        if (errno == EINTR) continue;
        break;
      }
      out.append(buffer.data(), static_cast<std::size_t>(n));
    }
  }
  ::close(pipe_fds[0]);
  if (spawned != 0) return std::nullopt;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  if (out.empty() || out.front() != '/') return std::nullopt;
  return out;
}

/// Whether `normal` (normalised, relative) climbs out of where it was taken from.
bool outside(const std::filesystem::path& normal) {
  return normal.empty() || *normal.begin() == "..";
}

}  // namespace

RepositoryPaths::RepositoryPaths(const std::filesystem::path& root, const std::filesystem::path& cwd)
    : root_(root.lexically_normal()), cwd_(cwd.lexically_normal()) {}

RepositoryPaths RepositoryPaths::discover() {
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) cwd = "/";
  const auto top = git_toplevel();
  return {top ? std::filesystem::path(*top) : cwd, cwd};
}

std::optional<std::filesystem::path> RepositoryPaths::absolute(FilePath file) const {
  const std::string_view name = file.str();
  if (name.empty() || name == "<stdin>" || name.starts_with(analyzer::catalogue::kBuiltinPrefix)) return std::nullopt;
  const std::filesystem::path p(name);
  return (p.is_absolute() ? p : cwd_ / p).lexically_normal();
}

std::optional<std::string> RepositoryPaths::relative(FilePath file) const {
  const auto abs = absolute(file);
  if (!abs) return std::nullopt;
  std::filesystem::path rel = abs->lexically_relative(root_);
  if (outside(rel)) {
    // Through a symbolic link (a checkout under a linked directory): git names the real path.
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::weakly_canonical(*abs, ec);
    if (ec) return std::nullopt;
    rel = real.lexically_relative(root_);
    if (outside(rel)) return std::nullopt;
  }
  return rel.generic_string();
}

std::string RepositoryPaths::shown(FilePath file) const {
  if (auto rel = relative(file)) return std::move(*rel);
  return std::string(file.str());
}

std::string RepositoryPaths::shown(const SourceLocation& loc) const {
  if (loc.file.empty()) return to_string(loc);
  std::string out = shown(loc.file);
  if (loc.line != 0) out += fmt::format(":{}", loc.line);
  if (loc.line != 0 && loc.column != 0) out += fmt::format(":{}", loc.column);
  return out;
}

std::string uri_escape_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
                      u == '_' || u == '~' || u == '/';
    if (keep) out += c;
    else out += fmt::format("%{:02X}", u);
  }
  return out;
}

std::string file_uri(const std::filesystem::path& absolute) { return "file://" + uri_escape_path(absolute.generic_string()); }

}  // namespace rbacq::cli
