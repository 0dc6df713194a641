// SPDX-License-Identifier: Apache-2.0
// A parsed YAML document or JSON text as a compact, read-only tree with positions.
//
// Both readers (yaml-cpp events, simdjson on-demand) build this one shape, so the object decoder is
// written once. Nodes live in one vector and refer to children by index, which keeps the tree small
// (the node API of yaml-cpp takes 50x the input size) and lets a YAML alias share its target
// instead of copying it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/input/line_cursor.hpp"
#include "analyzer/input/string_arena.hpp"
#include "support/source_location.hpp"

namespace rbacq::analyzer {

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

using NodeId = std::uint32_t;

/// One node: 32 bytes, since a 50 MB dump holds millions of them.
struct DocNode {
  const char* text_data = nullptr;  // scalar value (pointer and length, not a string_view: smaller)
  std::uint32_t text_size = 0;
  /// YAML: 1-based line and column. JSON: `a` is the byte offset, turned into a line and column
  /// only when a location is asked for.
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint32_t first = 0;  // children: Document::children_[first, first + count)
  std::uint32_t count = 0;  // a mapping holds key, value, key, value, ...
  NodeKind kind = NodeKind::null;
  /// For scalars: written as a string (a JSON string, a quoted YAML scalar), as opposed to a
  /// plain YAML scalar or a JSON number/boolean.
  bool quoted = false;

  [[nodiscard]] std::string_view text() const { return {text_data, text_size}; }
};
static_assert(sizeof(DocNode) <= 32);

class Document {
 public:
  Document() = default;
  /// `offsets` (JSON) turns byte offsets into positions; `first_line`/`first_column` say where
  /// the text starts in its file (an embedded text, or a file whose byte order mark was dropped).
  Document(FilePath file, LineCursor* offsets, std::uint32_t first_line = 1, std::uint32_t first_column = 1)
      : file_(file), offsets_(offsets), first_line_(first_line), first_column_(first_column) {}

  /// An empty document of the same file, positions counted the same way (a JSON List's items).
  [[nodiscard]] Document empty_like() const { return Document(file_, offsets_, first_line_, first_column_); }

  [[nodiscard]] FilePath file() const { return file_; }
  /// Read from JSON (positions come from byte offsets).
  [[nodiscard]] bool is_json() const { return offsets_ != nullptr; }
  [[nodiscard]] NodeId root() const { return root_; }
  [[nodiscard]] bool empty() const { return nodes_.empty(); }
  [[nodiscard]] const DocNode& node(NodeId id) const { return nodes_[id]; }
  [[nodiscard]] NodeKind kind(NodeId id) const { return nodes_[id].kind; }
  [[nodiscard]] std::string_view text(NodeId id) const { return nodes_[id].text(); }
  [[nodiscard]] std::span<const NodeId> children(NodeId id) const {
    const DocNode& n = nodes_[id];
    return {children_.data() + n.first, n.count};
  }
  [[nodiscard]] SourceLocation location(NodeId id) const;

  /// The value of `key` in mapping `map`, following YAML merge keys (`<<: *base`) as Kubernetes'
  /// YAML decoder does. Nothing when `map` is not a mapping or has no such key. A key written
  /// twice yields its last value, as Go's decoders do; `earlier_key`, when given, receives the key
  /// node of the previous occurrence (so that callers can warn) and is untouched otherwise.
  [[nodiscard]] std::optional<NodeId> find(NodeId map, std::string_view key, NodeId* earlier_key = nullptr) const;

  /// Keys written twice in one mapping: (earlier key node, later key node), in document order.
  [[nodiscard]] const std::vector<std::pair<NodeId, NodeId>>& duplicate_keys() const { return duplicate_keys_; }

  /// Short name of a node's kind for messages: "a mapping", "a sequence", "a scalar", "null".
  [[nodiscard]] std::string_view describe(NodeId id) const;

  // --- building (readers only) ---
  void clear();
  /// Reserves room for the tree of a text of `bytes` bytes, so that building it never copies.
  void reserve_for(std::size_t bytes);
  NodeId begin_container(NodeKind kind, std::uint32_t a, std::uint32_t b);
  void end_container();
  NodeId add_scalar(std::string_view text, bool quoted, std::uint32_t a, std::uint32_t b);
  /// Copies `text` into storage owned by the document (YAML scalars arrive in temporaries).
  NodeId add_scalar_copy(std::string_view text, bool quoted, std::uint32_t a, std::uint32_t b);
  NodeId add_null(std::uint32_t a, std::uint32_t b);
  /// A reference to an earlier node (a YAML alias): the node is shared, not copied.
  void add_existing(NodeId id);
  [[nodiscard]] std::size_t open_containers() const { return frames_.size(); }
  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }

 private:
  NodeId push(DocNode n);
  void find_duplicate_keys(NodeId map);
  FilePath file_;
  LineCursor* offsets_ = nullptr;
  std::uint32_t first_line_ = 1;
  std::uint32_t first_column_ = 1;
  NodeId root_ = 0;
  std::vector<DocNode> nodes_;
  std::vector<NodeId> children_;
  std::vector<NodeId> pending_;  // children of open containers, innermost last
  struct Frame {
    NodeId node;
    std::size_t pending_begin;
  };
  std::vector<Frame> frames_;
  std::vector<std::pair<NodeId, NodeId>> duplicate_keys_;
  std::vector<std::pair<std::string_view, NodeId>> key_scratch_;  // reused by end_container
  StringArena copies_;  // stable storage for copied scalars
};

/// Receives each document a reader produces. The document is valid only during the call.
using DocumentSink = std::function<void(const Document&)>;

}  // namespace rbacq::analyzer
