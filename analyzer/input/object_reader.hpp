// SPDX-License-Identifier: Apache-2.0
// Typed access to the fields of one object in a Document, with Kubernetes' decoding rules.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/input/document.hpp"
#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

/// The diagnostics of one file, capped: a file of a million bad values must cost neither a
/// million lines nor gigabytes. Beyond the cap problems are only counted.
class CappedDiagnostics {
 public:
  static constexpr std::size_t kPerFile = 100;
  explicit CappedDiagnostics(Diagnostics& out) : out_(out) {}
  void add(Diagnostic d);
  /// A diagnostic that stands for many (a summary): never dropped.
  void add_uncapped(Diagnostic d) { out_.add(std::move(d)); }
  /// Ends a file: adds one note saying how many problems were not shown, if any, at the first
  /// of them (so that, sorted by place, it follows the problems shown).
  void finish_file(FilePath file);

  /// A point to come back to: rewind(mark()) forgets what was added since, counts included.
  struct Mark {
    std::size_t items = 0;
    std::size_t shown = 0;
    std::size_t dropped = 0;
    SourceLocation first_dropped;
    SourceLocation last_shown;
  };
  [[nodiscard]] Mark mark() const { return {out_.items().size(), shown_, dropped_, first_dropped_, last_shown_}; }
  void rewind(const Mark& m);

 private:
  Diagnostics& out_;
  std::size_t shown_ = 0;
  std::size_t dropped_ = 0;
  SourceLocation first_dropped_;
  SourceLocation last_shown_;
};

/// Reads the fields of one object and remembers whether any had the wrong shape. Each wrong
/// shape is one [input-schema] error at the offending value, and the object is then rejected,
/// as kubectl's strict decoding would reject it. Messages never quote input values: a value may
/// be a credential.
class ObjectReader {
 public:
  ObjectReader(const Document& doc, CappedDiagnostics& diags) : doc_(doc), diags_(diags) {}

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] SourceLocation loc(NodeId id) const { return doc_.location(id); }
  [[nodiscard]] const Document& doc() const { return doc_; }
  [[nodiscard]] CappedDiagnostics& diagnostics() { return diags_; }

  void error(NodeId at, std::string message);
  void warning(NodeId at, std::string id, std::string message);

  /// YAML's null spellings and JSON null: an absent value.
  [[nodiscard]] bool is_null(NodeId id) const;
  /// The value of `key`, unless absent or null.
  [[nodiscard]] std::optional<NodeId> field(NodeId map, std::string_view key) const;
  /// A mapping-valued field; a value of another shape is an error.
  std::optional<NodeId> mapping(NodeId map, std::string_view key);
  /// Elements of a sequence-valued field; absent is empty, another shape is an error.
  std::span<const NodeId> sequence(NodeId map, std::string_view key);
  /// A string field: a quoted scalar, or a plain one that YAML does not read as a number,
  /// boolean or null (`name: 1234` is refused by kubectl, so it is an error here too).
  std::string string(NodeId map, std::string_view key);
  /// A list of strings; a null element is "" as Go decodes it.
  std::vector<std::string> strings(NodeId map, std::string_view key);
  std::optional<bool> boolean(NodeId map, std::string_view key);
  /// A map of strings to strings (labels, annotations, matchLabels).
  Labels string_map(NodeId map, std::string_view key);

  /// Calls `each(node)` for every element of sequence `key` that is a mapping; others are errors.
  template <class F>
  void for_each_mapping(NodeId map, std::string_view key, F each) {
    for (const NodeId item : sequence(map, key)) {
      if (doc_.kind(item) != NodeKind::mapping) {
        error(item, "expected a mapping in '" + std::string(key) + "', got " + std::string(doc_.describe(item)));
        continue;
      }
      each(item);
    }
  }

 private:
  /// The text of a scalar that must be a string, or nothing (after an error naming what it is:
  /// `what()` builds those words, only for the message).
  template <class What>
  std::optional<std::string_view> string_value(NodeId node, const What& what);

  const Document& doc_;
  CappedDiagnostics& diags_;
  bool ok_ = true;
};

}  // namespace rbacq::analyzer
