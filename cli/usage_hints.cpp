// SPDX-License-Identifier: Apache-2.0
#include "cli/usage_hints.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "support/printable.hpp"

namespace rbacq::cli {
namespace {

/// `arg` as a POSIX shell reads it back: as it is when it holds only safe characters, else in
/// single quotes.
std::string shell_word(const std::string& arg) {
  const bool safe = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
  });
  if (safe) return arg;
  std::string out = "'";
  for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool names_file(const std::string& arg) {
  if (arg.empty() || arg.front() == '-') return false;
  std::error_code ec;
  return std::filesystem::exists(arg, ec);
}

}  // namespace

std::vector<std::string> usage_hints(const std::vector<std::string>& args, const std::string& command,
                                     const std::vector<std::string>& unexpected) {
  std::vector<std::string> notes;
  const auto is_identity = [](const std::string& a) {
    return a == "--as" || a.starts_with("--as=") || a == "--as-group" || a.starts_with("--as-group=") || a == "--exact-groups";
  };
  if (command == "who-can" && std::any_of(args.begin(), args.end(), is_identity)) {
    std::vector<std::string> words{"rbacq"};
    words.reserve(args.size() + 1);
    for (const std::string& a : args) words.push_back(a == "who-can" ? std::string("can-i") : shell_word(a));
    notes.push_back(fmt::format("who-can lists every subject and takes no --as; for one user, did you mean '{}'?",
                                printable(fmt::format("{}", fmt::join(words, " ")))));
  }
  std::vector<std::string> files;
  std::copy_if(unexpected.begin(), unexpected.end(), std::back_inserter(files), names_file);
  if (!files.empty() && !command.empty() && command != "inventory") {
    std::vector<std::string> words;
    words.reserve(files.size());
    for (const std::string& f : files) words.push_back(shell_word(f));
    notes.push_back(fmt::format("did you mean -f {}?", printable(fmt::format("{}", fmt::join(words, " ")))));
  }
  return notes;
}

}  // namespace rbacq::cli
