// SPDX-License-Identifier: Apache-2.0
#include "query/value.hpp"

#include <array>

#include <fmt/format.h>

#include "query/printer.hpp"

namespace rbacq::query {
namespace {

constexpr std::array<std::string_view, 5> kLevels{"info", "low", "medium", "high", "critical"};

}  // namespace

std::string_view type_name(Type t) {
  switch (t) {
    case Type::boolean: return "boolean";
    case Type::integer: return "integer";
    case Type::string: return "string";
    case Type::list: return "list of strings";
    case Type::subject: return "subject";
    case Type::level: return "severity";
    case Type::map: return "map";
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

SubjectRef subject_ref(const SubjectValue& s) {
  SubjectRef out;
  out.kind = s.kind == "Group" ? SubjectRef::Kind::group : s.kind == "ServiceAccount" ? SubjectRef::Kind::service_account : SubjectRef::Kind::user;
  out.name = s.name;
  out.namespace_ = s.namespace_;
  return out;
}

SubjectValue subject_value(const SubjectRef& s) {
  switch (s.kind) {
    case SubjectRef::Kind::user: return {"User", s.name, {}};
    case SubjectRef::Kind::group: return {"Group", s.name, {}};
    case SubjectRef::Kind::service_account: return {"ServiceAccount", s.name, s.namespace_};
  }
  return {};
}

std::string to_literal(const SubjectValue& s) {
  if (s.kind == "User" || s.kind == "Group" || s.kind == "ServiceAccount") return print(subject_ref(s));
  return fmt::format("{}:{}", s.kind, print_name(s.name));  // a kind bindings should not have
}

std::strong_ordering operator<=>(const Value& a, const Value& b) {
  if (a.data_.index() != b.data_.index()) return a.data_.index() <=> b.data_.index();
  return std::visit(
      [&](const auto& x) -> std::strong_ordering {
        using T = std::decay_t<decltype(x)>;
        const auto& y = std::get<T>(b.data_);
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::strong_ordering::equal;
        } else if constexpr (std::is_same_v<T, ListValue> || std::is_same_v<T, SubjectValue> || std::is_same_v<T, MapValue>) {
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
        } else if constexpr (std::is_same_v<T, StringValue>) {
          return std::string(x.view());
        } else if constexpr (std::is_same_v<T, ListValue>) {
          // An empty item is written "": [""] is the core group, not an empty list.
          std::vector<std::string> items;
          items.reserve(x.items().size());
          for (const auto& item : x.items()) items.push_back(item.empty() ? std::string("\"\"") : item);
          return fmt::format("[{}]", fmt::join(items, " "));
        } else if constexpr (std::is_same_v<T, SubjectValue>) {
          return to_literal(x);
        } else if constexpr (std::is_same_v<T, MapValue>) {
          std::vector<std::string> parts;
          for (const auto& [k, val] : x.pairs()) parts.push_back(fmt::format("{}={}", k, val));
          return fmt::format("{{{}}}", fmt::join(parts, ", "));
        } else {
          return std::string(to_string(x));
        }
      },
      v.data());
}

}  // namespace rbacq::query
