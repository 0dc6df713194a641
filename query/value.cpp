// SPDX-License-Identifier: Apache-2.0
#include "query/value.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace rbacq::query {
namespace {

constexpr std::array<std::string_view, 5> kLevels{"info", "low", "medium", "high", "critical"};

/// A name can be written bare when it is made only of the characters of Kubernetes names and
/// the language's bare words; else it is quoted.
bool bare(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':' ||
           c == '@';
  });
}

std::string quoted_if_needed(std::string_view s) {
  if (bare(s)) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string_view type_name(Type t) {
  switch (t) {
    case Type::boolean: return "boolean";
    case Type::integer: return "integer";
    case Type::string: return "string";
    case Type::list: return "list of strings";
    case Type::subject: return "subject";
    case Type::level: return "severity";
  }
  return "?";
}

std::string_view to_string(Level l) { return kLevels.at(static_cast<std::size_t>(l)); }

std::optional<Level> parse_level(std::string_view text) {
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels.at(i) == text) return static_cast<Level>(i);
  }
  return std::nullopt;
}

std::string to_literal(const SubjectValue& s) {
  if (s.kind == "User") return "user:" + quoted_if_needed(s.name);
  if (s.kind == "Group") return "group:" + quoted_if_needed(s.name);
  if (s.kind == "ServiceAccount") {
    // A namespace or name with '/' cannot be bare: quote the whole NS/NAME pair's parts.
    return fmt::format("sa:{}/{}", quoted_if_needed(s.namespace_), quoted_if_needed(s.name));
  }
  return fmt::format("{}:{}", s.kind, quoted_if_needed(s.name));
}

std::strong_ordering operator<=>(const Value& a, const Value& b) {
  if (a.data_.index() != b.data_.index()) return a.data_.index() <=> b.data_.index();
  return std::visit(
      [&](const auto& x) -> std::strong_ordering {
        using T = std::decay_t<decltype(x)>;
        const auto& y = std::get<T>(b.data_);
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::strong_ordering::equal;
        } else if constexpr (std::is_same_v<T, std::string>) {
          const int c = x.compare(y);
          return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
        } else if constexpr (std::is_same_v<T, ListValue> || std::is_same_v<T, SubjectValue>) {
          const auto c = x <=> y;
          return std::is_lt(c) ? std::strong_ordering::less : std::is_gt(c) ? std::strong_ordering::greater : std::strong_ordering::equal;
        } else {
          return x <=> y;
        }
      },
      a.data_);
}

std::string to_text(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return {};
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return x;
        } else if constexpr (std::is_same_v<T, ListValue>) {
          return fmt::format("[{}]", fmt::join(x.items(), " "));
        } else if constexpr (std::is_same_v<T, SubjectValue>) {
          return to_literal(x);
        } else {
          return std::string(to_string(x));
        }
      },
      v.data());
}

}  // namespace rbacq::query
