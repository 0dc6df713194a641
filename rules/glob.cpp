// SPDX-License-Identifier: Apache-2.0
#include "rules/glob.hpp"

#include <fmt/format.h>

#include "support/split.hpp"

namespace rbacq::rules {
namespace {

Diagnostic glob_error(std::size_t offset, std::string message) {
  return {"config-invalid", Severity::error, {FilePath{}, 1, static_cast<std::uint32_t>(offset + 1)}, std::move(message), {}};
}

/// Whether `c` is in the class that starts at pattern[i] (just after '['); `i` moves past ']'.
bool in_class(std::string_view pattern, std::size_t& i, char c) {
  const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  bool found = false;
  bool first = true;
  while (i < pattern.size() && (pattern[i] != ']' || first)) {
    first = false;
    char low = pattern[i];
    if (low == '\\' && i + 1 < pattern.size()) low = pattern[++i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    found = found || (low <= c && c <= high);
    ++i;
  }
  ++i;  // ']'
  return found != negated;
}

/// One segment: `*`, `?`, classes and escapes over one path segment (no '/').
bool match_segment(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star_p = std::string_view::npos;  // where to resume after the last '*'
  std::size_t star_t = 0;
  while (t < text.size()) {
    bool step = false;
    if (p < pattern.size()) {
      const char c = pattern[p];
      if (c == '*') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (c == '?') {
        step = true;
        ++p;
      } else if (c == '[') {
        std::size_t i = p + 1;
        step = in_class(pattern, i, text[t]);
        if (step) p = i;
      } else {
        const char literal = c == '\\' && p + 1 < pattern.size() ? pattern[p + 1] : c;
        step = literal == text[t];
        if (step) p += c == '\\' ? 2 : 1;
      }
    }
    if (step) {
      ++t;
    } else if (star_p != std::string_view::npos) {
      p = star_p;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool match_segments(const std::vector<std::string>& pattern, std::size_t p, const std::vector<std::string_view>& path, std::size_t t) {
  if (p == pattern.size()) return t == path.size();
  if (pattern[p] == "**") {
    for (std::size_t skip = t; skip <= path.size(); ++skip) {
      if (match_segments(pattern, p + 1, path, skip)) return true;
    }
    return false;
  }
  return t < path.size() && match_segment(pattern[p], path[t]) && match_segments(pattern, p + 1, path, t + 1);
}

}  // namespace

Result<Glob> Glob::parse(std::string_view pattern) {
  if (pattern.empty()) return fail(glob_error(0, "an empty path pattern matches nothing"));
  if (pattern.front() == '/') return fail(glob_error(0, "path patterns are relative to the directory of the config file, not absolute"));
  Glob out;
  out.text_ = std::string(pattern);
  std::string_view rest = pattern;
  std::size_t offset = 0;
  while (rest.starts_with("./")) {
    rest.remove_prefix(2);
    offset += 2;
  }
  for (const std::string_view segment : split(rest, '/')) {
    if (segment.empty()) {
      if (offset == pattern.size()) break;  // a trailing '/': `vendor/` is `vendor`
      return fail(glob_error(offset, "an empty path segment ('//')"));
    }
    if (segment == "." || segment == "..") {
      return fail(glob_error(offset, fmt::format("'{}' in a path pattern: patterns name paths under the config file's directory", segment)));
    }
    for (std::size_t i = 0; i < segment.size(); ++i) {
      const char c = segment[i];
      if (c == '\\') {
        if (i + 1 == segment.size()) return fail(glob_error(offset + i, "'\\' at the end of a segment escapes nothing"));
        ++i;
      } else if (c == '*' && i + 1 < segment.size() && segment[i + 1] == '*' && segment != "**") {
        return fail(glob_error(offset + i, "'**' is a whole path segment ('vendor/**', '**/tests'); within a segment, '*' matches any characters"));
      } else if (c == '[') {
        std::size_t j = i + 1;
        if (j < segment.size() && (segment[j] == '!' || segment[j] == '^')) ++j;
        if (j < segment.size() && segment[j] == ']') ++j;  // `[]a]`: a first ']' is a character
        while (j < segment.size() && segment[j] != ']') j += segment[j] == '\\' ? std::size_t{2} : std::size_t{1};
        if (j >= segment.size()) return fail(glob_error(offset + i, "'[' opens a character class that no ']' closes (write '\\[' for a '[')"));
        i = j;
      }
    }
    out.segments_.emplace_back(segment);
    offset += segment.size() + 1;
  }
  return out;
}

bool Glob::matches(std::string_view path) const {
  const std::vector<std::string_view> parts = split(path, '/');
  // The path itself, or a directory above it.
  for (std::size_t n = 1; n <= parts.size(); ++n) {
    const std::vector<std::string_view> prefix(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(n));
    if (match_segments(segments_, 0, prefix, 0)) return true;
  }
  return false;
}

}  // namespace rbacq::rules
