// SPDX-License-Identifier: Apache-2.0
// Regression runner for libFuzzer targets without libFuzzer: calls LLVMFuzzerTestOneInput on
// every file named on the command line and on every file under the directories named (sorted,
// recursively). Built with any compiler; CTest runs it over the seed corpus and saved crashes.
//
// Usage: fuzz_replay_load PATH...   (exit status 1 if a path is missing or no file was found)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::vector<char>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (fs::is_directory(status)) {
      for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
    } else if (fs::is_regular_file(status)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "fuzz replay: not a file or directory: %s\n", arg.string().c_str());
      ok = false;
      continue;
    }
    if (ec) {
      std::fprintf(stderr, "fuzz replay: %s: %s\n", arg.string().c_str(), ec.message().c_str());
      ok = false;
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<char> bytes;
  for (const fs::path& file : files) {
    if (!read_file(file, bytes)) {
      std::fprintf(stderr, "fuzz replay: cannot read %s\n", file.string().c_str());
      ok = false;
      continue;
    }
    // An exactly sized copy, as libFuzzer makes, so that AddressSanitizer sees any over-read.
    const std::unique_ptr<std::uint8_t[]> input(new std::uint8_t[bytes.size()]);  // NOLINT(cppcoreguidelines-avoid-c-arrays)
    std::copy(bytes.begin(), bytes.end(), input.get());
    std::fprintf(stderr, "fuzz replay: %s (%zu bytes)\n", file.string().c_str(), bytes.size());
    LLVMFuzzerTestOneInput(input.get(), bytes.size());
  }
  std::fprintf(stderr, "fuzz replay: %zu inputs run\n", files.size());
  if (files.empty()) {
    std::fprintf(stderr, "fuzz replay: no input files\n");
    ok = false;
  }
  return ok ? 0 : 1;
}
