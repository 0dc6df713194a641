// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>
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
  std::string head(64 * 1024, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  return head.find("kind: Config") != std::string::npos || head.find("\"kind\": \"Config\"") != std::string::npos ||
         head.find("\"kind\":\"Config\"") != std::string::npos;
}

Diagnostic read_error(const std::string& path, std::string message) {
  return Diagnostic{"input-read", Severity::error, SourceLocation{FilePath::intern(path), 0, 0}, std::move(message), {}};
}

/// Position of the first byte that breaks UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0U) == 0xC0) {
      n = 1;
      cp = c & 0x1FU;
    } else if ((c & 0xF0U) == 0xE0) {
      n = 2;
      cp = c & 0x0FU;
    } else if ((c & 0xF8U) == 0xF0) {
      n = 3;
      cp = c & 0x07U;
    } else {
      return i;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return i;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0U) != 0x80) return i;
      cp = (cp << 6U) | (cc & 0x3FU);
    }
    const bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

SourceLocation location_of(FilePath file, std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
  const std::size_t nl = before.rfind('\n');
  const auto column = static_cast<std::uint32_t>(nl == std::string_view::npos ? offset + 1 : offset - nl);
  return SourceLocation{file, line, column};
}

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({path, true});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      diags.add(read_error(path, fs::is_symlink(fs::symlink_status(path, ec)) ? "broken symbolic link" : "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({path, true});
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) {
      diags.add(read_error(path, fmt::format("cannot list directory: {}", ec.message())));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        diags.add(read_error(it->path().string(), fmt::format("cannot list directory: {}", ec.message())));
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      std::error_code sec;
      if (it->is_directory(sec)) {
        if (name.starts_with(".")) it.disable_recursion_pending();
        continue;
      }
      if (name.starts_with(".")) continue;
      if (!has_manifest_extension(p) && !(may_be_kubeconfig(p) && looks_like_kubeconfig(p))) continue;
      if (!it->exists(sec)) {
        diags.add(read_error(p.string(), "broken symbolic link"));
        continue;
      }
      found.push_back({p.string(), false});
    }
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return out;
}

Result<SourceText> read_source(const InputFile& file, const LoadLimits& limits) {
  SourceText source;
  source.path = FilePath::intern(file.path == "-" ? "<stdin>" : file.path);
  if (file.path == "-") {
    std::string data;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
      data.append(buffer, n);
      if (data.size() > limits.max_file_bytes) {
        return fail(Diagnostic{"input-too-large", Severity::error, SourceLocation{source.path, 0, 0},
                               fmt::format("standard input is larger than the limit of {} MiB", limits.max_file_bytes >> 20U), {}});
      }
    }
    source.bytes.reserve(data.size() + kPadding);
    source.bytes = std::move(data);
    if (source.bytes.capacity() < source.bytes.size() + kPadding) source.bytes.reserve(source.bytes.size() + kPadding);
  } else {
    struct stat st {};
    if (::stat(file.path.c_str(), &st) != 0) return fail(read_error(file.path, std::strerror(errno)));
    if (!S_ISREG(st.st_mode)) return fail(read_error(file.path, "not a regular file"));
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > limits.max_file_bytes) {
      return fail(Diagnostic{"input-too-large", Severity::error, SourceLocation{source.path, 0, 0},
                             fmt::format("file is {} MiB, larger than the limit of {} MiB; not read", size >> 20U,
                                         limits.max_file_bytes >> 20U),
                             {}});
    }
    std::FILE* f = std::fopen(file.path.c_str(), "rb");
    if (f == nullptr) return fail(read_error(file.path, std::strerror(errno)));
    source.bytes.reserve(size + kPadding);
    source.bytes.resize(size);
    const std::size_t got = std::fread(source.bytes.data(), 1, size, f);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return fail(read_error(file.path, "read error"));
    source.bytes.resize(got);
  }
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
