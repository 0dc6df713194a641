// SPDX-License-Identifier: Apache-2.0
// A small streaming JSON writer: correct escaping, 2-space indentation, no DOM.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/source_location.hpp"

namespace rbacq {

/// Writes JSON text in document order. Commas and indentation are handled by the writer.
/// Example: `w.begin_object(); w.key("schema"); w.value("rbacq/v1"); w.end_object();`
class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void value(std::string_view v);
  void value(const char* v) { value(std::string_view(v)); }
  void value(bool v);
  void value(std::int64_t v);
  void value(std::uint64_t v);
  void value(int v) { value(static_cast<std::int64_t>(v)); }
  void null();

  /// The finished text, ending in a newline.
  [[nodiscard]] std::string str() const { return out_ + "\n"; }
  /// Room for `bytes` of text: a large report grows without copying itself over and again.
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  /// The finished text, ending in a newline, moved out (reports can be tens of megabytes): the
  /// writer is empty afterwards.
  [[nodiscard]] std::string take() {
    out_.push_back('\n');
    return std::exchange(out_, {});
  }

 private:
  void before_value();
  void newline();
  std::string out_;
  // One entry per open container: whether it already holds an element.
  std::vector<bool> has_elements_;
  bool after_key_ = false;
};

/// Writes the members "file", "line" and "column" of `loc` into the object being written
/// (line and column 0 when unknown), as every rbacq JSON document locates things.
void write_location(JsonWriter& w, const SourceLocation& loc);

/// Appends `s` to `out` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);

}  // namespace rbacq
