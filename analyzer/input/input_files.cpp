// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/input_files.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "analyzer/input/line_cursor.hpp"
#include "support/printable.hpp"
#include <simdjson.h>

namespace rbacq::analyzer {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kPadding = 64;  // simdjson reads up to 64 bytes past the end

bool has_manifest_extension(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool may_be_kubeconfig(const fs::path& p) {
  const std::string name = p.filename().string();
  const std::string ext = p.extension().string();
  return name == "config" || name == "kubeconfig" || ext == ".conf" || ext == ".kubeconfig";
}

/// Reads at most the first 64 KiB and looks for a kubeconfig's `kind: Config`.
bool looks_like_kubeconfig(const fs::path& p) {
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (f == nullptr) return false;
  std::string head(std::size_t{64} * 1024, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  return head.find("kind: Config") != std::string::npos || head.find("\"kind\": \"Config\"") != std::string::npos ||
         head.find("\"kind\":\"Config\"") != std::string::npos;
}

/// "1.5 MiB", "512 MiB": sizes in messages, exact enough that "1 MiB is over 1 MiB" cannot happen.
std::string mebibytes(std::size_t bytes) {
  const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
  return mib == static_cast<double>(bytes >> 20U) ? fmt::format("{} MiB", bytes >> 20U) : fmt::format("{:.1f} MiB", mib);
}

Diagnostic read_error(const std::string& path, std::string message) {
  return Diagnostic{"input-read", Severity::error, SourceLocation{FilePath::intern(path), 0, 0}, std::move(message), {}};
}

/// Position of the first byte that breaks UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

SourceLocation location_of(FilePath file, std::string_view text, std::size_t offset) {
  const auto [line, column] = LineCursor(text).locate(offset);
  return SourceLocation{file, line, column};
}

}  // namespace

namespace {

/// Walks one directory tree with an explicit stack, so that a subdirectory that cannot be listed
/// is reported and skipped instead of ending the walk. Symbolic links to directories are not
/// followed (a link to `/` or a loop would never end); they are noted.
void walk_directory(const fs::path& root, std::vector<InputFile>& found, Diagnostics& diags) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      diags.add(read_error(dir.string(), fmt::format("cannot list directory: {}", ec.message())));
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      if (name.starts_with(".")) continue;  // .git, .github, editors' files
      std::error_code sec;
      const bool link = it->is_symlink(sec);
      if (it->is_directory(sec)) {
        if (link) {
          diags.add("input-read", Severity::note, SourceLocation{FilePath::intern(p.string()), 0, 0},
                    "symbolic link to a directory, not followed (name it on the command line to read it)");
        } else {
          pending.push_back(p);
        }
        continue;
      }
      if (!has_manifest_extension(p) && !(may_be_kubeconfig(p) && looks_like_kubeconfig(p))) continue;
      if (link && !it->exists(sec)) {
        diags.add(read_error(p.string(), "broken symbolic link"));
        continue;
      }
      found.push_back({p.string(), false});
    }
    if (ec) diags.add(read_error(dir.string(), fmt::format("cannot list directory: {}", ec.message())));
  }
}

/// Adds `file` unless it is already there: the same file named twice (a directory and a file in
/// it, as a pre-commit hook passes them) is read once. Identity is the device and inode, so links
/// and `./a` vs `a` are caught too. A file named explicitly stays explicit.
void add_once(InputFile file, std::vector<InputFile>& out, std::map<std::pair<dev_t, ino_t>, std::size_t>& seen) {
  struct stat st {};
  if (::stat(file.path.c_str(), &st) != 0) {  // reading it will report the problem
    out.push_back(std::move(file));
    return;
  }
  const auto [it, inserted] = seen.try_emplace({st.st_dev, st.st_ino}, out.size());
  if (inserted) {
    out.push_back(std::move(file));
  } else if (file.explicit_input) {
    out[it->second].explicit_input = true;
  }
}

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, Diagnostics& diags, const std::vector<std::string>& passed_over) {
  std::vector<InputFile> out;
  std::map<std::pair<dev_t, ino_t>, std::size_t> seen;
  std::set<std::pair<dev_t, ino_t>> skipped;  // the files (not their names: ./x and x are one) of passed_over
  for (const std::string& path : passed_over) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) skipped.emplace(st.st_dev, st.st_ino);
  }
  bool stdin_seen = false;
  for (const std::string& path : paths) {
    if (path == "-") {
      if (!std::exchange(stdin_seen, true)) out.push_back({path, true});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      const bool link = fs::is_symlink(fs::symlink_status(path, ec));
      const bool loop = link && ec.value() == ELOOP;
      diags.add(read_error(path, loop ? "symbolic link loop" : link ? "broken symbolic link" : "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      add_once({path, true}, out, seen);
      continue;
    }
    std::vector<InputFile> found;
    walk_directory(path, found, diags);
    if (found.empty()) {
      diags.add("input-empty", Severity::warning, SourceLocation{FilePath::intern(path), 0, 0},
                "no .yaml, .yml, .json or kubeconfig file in this directory");
    }
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    for (InputFile& f : found) {
      struct stat file_st {};
      if (!skipped.empty() && ::stat(f.path.c_str(), &file_st) == 0 && skipped.contains({file_st.st_dev, file_st.st_ino})) continue;
      add_once(std::move(f), out, seen);
    }
  }
  return out;
}

namespace {

/// Reads a stream (standard input, a pipe such as `<(kubectl get ...)`) up to the size limit.
Result<std::string> read_stream(std::FILE* f, FilePath path, std::size_t limit) {
  std::string data;
  std::array<char, 65536> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) {
    data.append(buffer.data(), n);
    if (data.size() > limit) {
      return fail(Diagnostic{"input-too-large", Severity::error, SourceLocation{path, 0, 0},
                             fmt::format("input is larger than the limit of {}; not read", mebibytes(limit)), {}});
    }
  }
  if (std::ferror(f) != 0) return fail(read_error(std::string(path.str()), "read error"));
  return data;
}

/// Maps the fresh pages of a large buffer in one call (MADV_POPULATE_WRITE, Linux 5.14) instead
/// of one page fault per 4 KiB as it is first written: for a 50 MB dump that is 12,000 faults,
/// a tenth of the load. Older kernels refuse the advice; the pages then fault in as before.
void prefault(const char* data, std::size_t size) {
#ifdef MADV_POPULATE_WRITE
  constexpr std::size_t large = std::size_t{1} << 20U;
  if (size < large) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto from = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  const auto to = (reinterpret_cast<std::uintptr_t>(data) + size) / page * page;  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  if (to > from) (void)::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast,performance-no-int-to-ptr)
#else
  (void)data;
  (void)size;
#endif
}

}  // namespace

Result<SourceText> read_source(const InputFile& file, const LoadLimits& limits) {
  SourceText source;
  source.path = FilePath::intern(file.path == "-" ? "<stdin>" : file.path);
  if (file.path == "-") {
    auto data = read_stream(stdin, source.path, limits.max_file_bytes);
    if (!data) return fail(std::move(data.error()));
    source.bytes = std::move(*data);
  } else {
    struct stat st {};
    if (::stat(file.path.c_str(), &st) != 0) return fail(read_error(file.path, std::strerror(errno)));
    const bool stream = S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode);
    if (!S_ISREG(st.st_mode) && !(stream && file.explicit_input)) return fail(read_error(file.path, "not a regular file"));
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > limits.max_file_bytes) {
      return fail(Diagnostic{"input-too-large", Severity::error, SourceLocation{source.path, 0, 0},
                             fmt::format("file is {}, larger than the limit of {}; not read", mebibytes(size),
                                         mebibytes(limits.max_file_bytes)),
                             {}});
    }
    std::FILE* f = std::fopen(file.path.c_str(), "rb");
    if (f == nullptr) return fail(read_error(file.path, std::strerror(errno)));
    if (stream) {
      auto data = read_stream(f, source.path, limits.max_file_bytes);
      std::fclose(f);
      if (!data) return fail(std::move(data.error()));
      source.bytes = std::move(*data);
    } else {
      source.bytes.reserve(size + kPadding);
      prefault(source.bytes.data(), size + kPadding);
      source.bytes.resize(size);
      const std::size_t got = std::fread(source.bytes.data(), 1, size, f);
      const bool failed = std::ferror(f) != 0;
      std::fclose(f);
      if (failed) return fail(read_error(file.path, "read error"));
      source.bytes.resize(got);
    }
  }
  if (source.bytes.capacity() < source.bytes.size() + kPadding) source.bytes.reserve(source.bytes.size() + kPadding);
  const std::string_view text = source.bytes;
  if (text.starts_with("\xff\xfe") || text.starts_with("\xfe\xff")) {
    return fail(Diagnostic{"input-encoding", Severity::error, SourceLocation{source.path, 1, 1},
                           "UTF-16 text; Kubernetes manifests must be UTF-8 (convert with iconv -f UTF-16 -t UTF-8)", {}});
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return fail(Diagnostic{"input-binary", Severity::error, location_of(source.path, text, nul),
                           "binary data (a NUL byte): not a YAML or JSON text file", {}});
  }
  // simdjson's validator is ~20x faster than the scalar one, which only runs to find the position.
  if (const auto bad = simdjson::validate_utf8(text.data(), text.size()) ? std::string_view::npos : first_invalid_utf8(text);
      bad != std::string_view::npos) {
    return fail(Diagnostic{"input-encoding", Severity::error, location_of(source.path, text, bad),
                           fmt::format("invalid UTF-8 (byte 0x{:02x}); Kubernetes manifests must be UTF-8",
                                       static_cast<unsigned>(static_cast<unsigned char>(text[bad]))),
                           {}});
  }
  return source;
}

}  // namespace rbacq::analyzer
