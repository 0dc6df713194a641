// SPDX-License-Identifier: Apache-2.0
// The values of the query language: every column and literal has one of a few types, checked
// before a query runs. Lists usually point into the model (no copy per row).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "query/ast.hpp"

namespace rbacq::query {

enum class Type { boolean, integer, string, list, subject, level, map };

/// "boolean", "integer", "string", "list of strings", "subject", "severity", "map".
[[nodiscard]] std::string_view type_name(Type t);

/// Finding severities, ordered: `severity >= high` means high or critical.
enum class Level { info, low, medium, high, critical };

[[nodiscard]] std::string_view to_string(Level l);
[[nodiscard]] std::optional<Level> parse_level(std::string_view text);

/// A subject as bindings name it: kind `User`, `Group` or `ServiceAccount`; a ServiceAccount
/// has a namespace. Written `user:NAME`, `group:NAME`, `sa:NS/NAME`.
struct SubjectValue {
  std::string kind;
  std::string name;
  std::string namespace_;
  friend auto operator<=>(const SubjectValue&, const SubjectValue&) = default;
};

/// The literal that reads back as this subject: `user:alice`, `group:"my group"`, `sa:ns/app`.
[[nodiscard]] std::string to_literal(const SubjectValue& s);

/// The subject a literal names, as bindings name subjects, and back (kinds other than Group and
/// ServiceAccount become users).
[[nodiscard]] SubjectValue subject_value(const SubjectRef& subject);
[[nodiscard]] SubjectRef subject_ref(const SubjectValue& subject);

/// A list of strings, either borrowed from the model (which outlives every value) or owned.
class ListValue {
 public:
  ListValue() = default;
  static ListValue borrow(const std::vector<std::string>& items) { return ListValue(&items, {}); }
  static ListValue own(std::vector<std::string> items) { return ListValue(nullptr, std::move(items)); }
  [[nodiscard]] const std::vector<std::string>& items() const { return ref_ != nullptr ? *ref_ : owned_; }
  friend bool operator==(const ListValue& a, const ListValue& b) { return a.items() == b.items(); }
  friend auto operator<=>(const ListValue& a, const ListValue& b) { return a.items() <=> b.items(); }

 private:
  ListValue(const std::vector<std::string>* ref, std::vector<std::string> owned) : ref_(ref), owned_(std::move(owned)) {}
  const std::vector<std::string>* ref_ = nullptr;
  std::vector<std::string> owned_;
};

/// A string, either borrowed from the model or a static text (which outlive every value: a
/// condition reads a name of every row without copying it) or owned.
class StringValue {
 public:
  StringValue() = default;
  static StringValue borrow(std::string_view text) { return StringValue(text, true, {}); }
  static StringValue own(std::string text) { return StringValue({}, false, std::move(text)); }
  [[nodiscard]] std::string_view view() const { return borrowed_ ? view_ : std::string_view(owned_); }
  friend bool operator==(const StringValue& a, const StringValue& b) { return a.view() == b.view(); }
  friend std::strong_ordering operator<=>(const StringValue& a, const StringValue& b) { return a.view() <=> b.view(); }

 private:
  StringValue(std::string_view view, bool borrowed, std::string owned) : view_(view), borrowed_(borrowed), owned_(std::move(owned)) {}
  std::string_view view_;  // when borrowed
  bool borrowed_ = false;
  std::string owned_;  // when not
};

/// Key → value pairs, in the order written (labels, annotations), borrowed from the model.
class MapValue {
 public:
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  MapValue() = default;
  static MapValue borrow(const Pairs& pairs) { return MapValue(&pairs); }
  [[nodiscard]] const Pairs& pairs() const { return ref_ != nullptr ? *ref_ : empty(); }
  /// The value of `key`, or nullptr.
  [[nodiscard]] const std::string* find(std::string_view key) const {
    for (const auto& [k, v] : pairs()) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  friend bool operator==(const MapValue& a, const MapValue& b) { return a.pairs() == b.pairs(); }
  friend auto operator<=>(const MapValue& a, const MapValue& b) { return a.pairs() <=> b.pairs(); }

 private:
  explicit MapValue(const Pairs* ref) : ref_(ref) {}
  static const Pairs& empty() {
    static const Pairs none;
    return none;
  }
  const Pairs* ref_ = nullptr;
};

/// One cell: null (no value, e.g. the namespace of a cluster-wide binding) or a typed value.
class Value {
 public:
  using Data = std::variant<std::monostate, bool, std::int64_t, StringValue, ListValue, SubjectValue, Level, MapValue>;
  Value() = default;
  Value(bool b) : data_(b) {}                                              // NOLINT(google-explicit-constructor)
  Value(std::int64_t i) : data_(i) {}                                      // NOLINT(google-explicit-constructor)
  Value(std::string s) : data_(StringValue::own(std::move(s))) {}          // NOLINT(google-explicit-constructor)
  Value(std::string_view s) : data_(StringValue::own(std::string(s))) {}   // NOLINT(google-explicit-constructor)
  Value(const char* s) : data_(StringValue::own(std::string(s))) {}        // NOLINT(google-explicit-constructor)
  Value(ListValue l) : data_(std::move(l)) {}          // NOLINT(google-explicit-constructor)
  Value(SubjectValue s) : data_(std::move(s)) {}       // NOLINT(google-explicit-constructor)
  Value(Level l) : data_(l) {}                         // NOLINT(google-explicit-constructor)
  Value(MapValue m) : data_(std::move(m)) {}           // NOLINT(google-explicit-constructor)
  /// A string, or null when empty: for optional names such as a cluster binding's namespace.
  static Value optional(std::string_view s) { return s.empty() ? Value() : Value(s); }
  /// A string the value only points at: the model's (which outlives every value) or a static
  /// text. Columns read the model this way, so that conditions copy nothing.
  static Value borrow(std::string_view s) { return Value(StringValue::borrow(s)); }
  /// borrow(), or null when empty.
  static Value borrow_optional(std::string_view s) { return s.empty() ? Value() : borrow(s); }
  static Value count(std::size_t n) { return Value(static_cast<std::int64_t>(n)); }

  [[nodiscard]] bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  [[nodiscard]] const Data& data() const { return data_; }
  [[nodiscard]] bool as_bool() const { return std::get<bool>(data_); }
  [[nodiscard]] std::int64_t as_integer() const { return std::get<std::int64_t>(data_); }
  [[nodiscard]] std::string_view as_string() const { return std::get<StringValue>(data_).view(); }
  [[nodiscard]] const std::vector<std::string>& as_list() const { return std::get<ListValue>(data_).items(); }
  [[nodiscard]] const SubjectValue& as_subject() const { return std::get<SubjectValue>(data_); }
  [[nodiscard]] Level as_level() const { return std::get<Level>(data_); }
  [[nodiscard]] const MapValue& as_map() const { return std::get<MapValue>(data_); }

  /// Total order for `order by` and comparisons: null first, then by value.
  friend std::strong_ordering operator<=>(const Value& a, const Value& b);
  friend bool operator==(const Value& a, const Value& b) { return a.data_ == b.data_; }

 private:
  explicit Value(StringValue s) : data_(std::move(s)) {}
  Data data_;
};

/// The text of a value as tables show it: lists as `[a b]`, maps as `{k=v, k2=v2}`, subjects as
/// literals, null as "".
[[nodiscard]] std::string to_text(const Value& v);

}  // namespace rbacq::query
