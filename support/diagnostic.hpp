// SPDX-License-Identifier: Apache-2.0
// Diagnostics are data: an id, a severity, a location, a message and notes. Renderers live in cli/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "support/source_location.hpp"

namespace rbacq {

enum class Severity { note, warning, error };

[[nodiscard]] std::string_view to_string(Severity s);

/// A secondary location that explains a diagnostic ("first defined here").
struct Note {
  SourceLocation loc;
  std::string message;
  friend bool operator==(const Note&, const Note&) = default;
};

/// One problem found in the input. `id` is a stable kebab-case name such as `input-yaml`; it is
/// printed in brackets at the end of the text form and documented in docs/diagnostics.md.
/// Example: `{"input-schema", Severity::error, {file, 12, 5}, "expected a sequence for 'verbs', got a scalar"}`.
struct Diagnostic {
  std::string id;
  Severity severity = Severity::error;
  SourceLocation loc;
  std::string message;
  std::vector<Note> notes;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Collects diagnostics; `sorted()` orders them by file, line, column, id and message so that
/// output is deterministic whatever order files were read in.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void add(std::string id, Severity severity, SourceLocation loc, std::string message, std::vector<Note> notes = {});
  void append(Diagnostics other);
  /// Drops the diagnostics added after the first `size` (to replace a file's problems by one).
  void truncate(std::size_t size) { items_.resize(std::min(size, items_.size())); }

  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] std::vector<Diagnostic> sorted() const;
  [[nodiscard]] std::size_t count(Severity s) const;
  [[nodiscard]] bool has_errors() const { return count(Severity::error) != 0; }
  [[nodiscard]] bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace rbacq
