// SPDX-License-Identifier: Apache-2.0
// Every worked example of docs/query-language.md is run against the binary: a fenced block's
// `$ rbacq query '…' -f fixtures/…` line and the lines under it (up to the next `$ `) must be
// what rbacq prints — standard output, then standard error when the example shows it. A line
// `…` stands for lines the example leaves out; `; echo "exit $?"` adds the exit status. The
// test reads the document, so a new example is checked as soon as it is written (issue 10).
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace rbacq::test {
namespace {

struct Example {
  std::size_t line = 0;  // of the `$ ` line in the document
  std::string command;
  std::vector<std::string> expected;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

/// The `$ rbacq query … -f fixtures/…` examples of the fenced blocks of `doc`.
std::vector<Example> examples(const std::string& doc) {
  std::vector<Example> out;
  bool fenced = false;
  Example* current = nullptr;
  const auto lines = split_lines(doc);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.starts_with("```")) {
      fenced = !fenced;
      current = nullptr;
      continue;
    }
    if (!fenced) continue;
    if (line.starts_with("$ ")) {
      current = nullptr;
      if (line.starts_with("$ rbacq query ") && line.find(" -f fixtures/") != std::string::npos) {
        out.push_back({i + 1, line.substr(2), {}});
        current = &out.back();
      }
    } else if (current != nullptr) {
      current->expected.push_back(line);
    }
  }
  for (Example& e : out) {
    while (!e.expected.empty() && e.expected.back().empty()) e.expected.pop_back();
  }
  return out;
}

/// The words of a command line as a POSIX shell splits them: blanks, '…' and "…" (with \" and
/// \\ escapes in double quotes; nothing else the examples need).
std::vector<std::string> shell_words(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (c == ' ') {
      if (in_word) words.push_back(std::exchange(word, {}));
      in_word = false;
    } else if (c == '\'') {
      const std::size_t end = command.find('\'', i + 1);
      REQUIRE(end != std::string::npos);
      word += command.substr(i + 1, end - i - 1);
      i = end;
      in_word = true;
    } else if (c == '"') {
      for (++i; i < command.size() && command[i] != '"'; ++i) {
        if (command[i] == '\\' && i + 1 < command.size()) ++i;
        word += command[i];
      }
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

bool is_gap(const std::string& line) { return line.find_first_not_of(' ') != std::string::npos && line.substr(line.find_first_not_of(' ')) == "…"; }

/// Whether `actual` is `expected`, a gap line matching any number of lines.
bool matches(const std::vector<std::string>& expected, std::size_t e, const std::vector<std::string>& actual, std::size_t a) {
  if (e == expected.size()) return a == actual.size();
  if (is_gap(expected[e])) {
    for (std::size_t skip = a; skip <= actual.size(); ++skip) {
      if (matches(expected, e + 1, actual, skip)) return true;
    }
    return false;
  }
  return a < actual.size() && expected[e] == actual[a] && matches(expected, e + 1, actual, a + 1);
}


}  // namespace

TEST_CASE("docs/query-language.md: every worked example prints what the document shows (issue 10)") {
  std::filesystem::current_path(source_path(""));  // the examples run from the repository root
  const auto all = examples(read_file(source_path("docs/query-language.md")));
  CHECK(all.size() >= 15);
  for (const Example& example : all) {
    CAPTURE(example.line);
    CAPTURE(example.command);
    std::string command = example.command;
    constexpr std::string_view kExit = "; echo \"exit $?\"";
    const bool shows_exit = command.ends_with(kExit);
    if (shows_exit) command.resize(command.size() - kExit.size());
    auto words = shell_words(command);
    REQUIRE(words.size() > 1);
    words.erase(words.begin());  // "rbacq"
    const CommandResult r = run_rbacq(words);
    std::vector<std::string> out = split_lines(r.out);
    std::vector<std::string> with_err = out;
    for (const auto& line : split_lines(r.err)) with_err.push_back(line);
    if (shows_exit) {
      out.push_back("exit " + std::to_string(r.exit_code));
      with_err.push_back(out.back());
    }
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK_MESSAGE((matches(example.expected, 0, with_err, 0) || matches(example.expected, 0, out, 0)),
                  "the example at docs/query-language.md:" << example.line << " is not what rbacq prints");
  }
}

}  // namespace rbacq::test
