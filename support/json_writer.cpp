// SPDX-License-Identifier: Apache-2.0
#include "support/json_writer.hpp"

#include <iterator>

#include <fmt/format.h>

#include "support/printable.hpp"

namespace rbacq {

namespace {

/// Whether a byte goes into a JSON string as it is: printable ASCII other than the quote and the
/// backslash.
constexpr bool plain(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Runs of plain bytes are copied at once: reports are mostly names and paths.
    std::size_t run = i;
    while (run < s.size() && plain(s[run])) ++run;
    if (run != i) {
      out.append(s.data() + i, run - i);
      if (run == s.size()) break;
      i = run;
    }
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // JSON text is UTF-8: a byte that starts no valid sequence (a Latin-1 file name) becomes
      // U+FFFD, as Go's encoding/json does.
      const std::size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        out += "\\ufffd";
      } else {
        out.append(s.substr(i, n));
        i += n - 1;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));  // other control bytes, DEL
    }
  }
  out.push_back('"');
}

void JsonWriter::newline() {
  out_.push_back('\n');
  out_.append(2 * has_elements_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_elements_.empty()) {
    if (has_elements_.back()) out_.push_back(',');
    has_elements_.back() = true;
    newline();
  }
}

void JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  has_elements_.push_back(false);
}

void JsonWriter::end_object() {
  const bool had = has_elements_.back();
  has_elements_.pop_back();
  if (had) newline();
  out_.push_back('}');
}

void JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  has_elements_.push_back(false);
}

void JsonWriter::end_array() {
  const bool had = has_elements_.back();
  has_elements_.pop_back();
  if (had) newline();
  out_.push_back(']');
}

void JsonWriter::key(std::string_view k) {
  before_value();
  append_json_string(out_, k);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view v) {
  before_value();
  append_json_string(out_, v);
}

void JsonWriter::value(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}

void JsonWriter::value(std::int64_t v) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", v);
}

void JsonWriter::value(std::uint64_t v) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", v);
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void write_location(JsonWriter& w, const SourceLocation& loc) {
  w.key("file");
  w.value(loc.file.str());
  w.key("line");
  w.value(static_cast<std::uint64_t>(loc.line));
  w.key("column");
  w.value(static_cast<std::uint64_t>(loc.column));
}

}  // namespace rbacq
