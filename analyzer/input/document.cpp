// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/document.hpp"

#include <algorithm>
#include <cstring>

namespace rbacq::analyzer {

SourceLocation Document::location(NodeId id) const {
  const DocNode& n = nodes_[id];
  if (offsets_ != nullptr) {
    const auto [line, column] = offsets_->locate(n.a);
    return SourceLocation{file_, line + first_line_ - 1, column + (line == 1 ? first_column_ - 1 : 0)};
  }
  return SourceLocation{file_, n.a, n.b};
}

std::optional<NodeId> Document::find(NodeId map, std::string_view key, NodeId* earlier_key) const {
  if (nodes_[map].kind != NodeKind::mapping) return std::nullopt;
  const auto kids = children(map);
  std::optional<NodeId> found;
  std::optional<NodeId> found_key;
  std::optional<NodeId> merge;
  // The decoders ask ~20 keys of every object: length and first byte rule out most keys before
  // a comparison is called.
  const char first = key.empty() ? '\0' : key.front();
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    const DocNode& k = nodes_[kids[i]];
    if (k.kind != NodeKind::scalar) continue;
    if (k.text_size == key.size() && (key.empty() || (k.text_data[0] == first && k.text() == key))) {
      // A repeated key: Go's YAML and JSON decoders keep the last value, so do we.
      if (found_key && earlier_key != nullptr) *earlier_key = *found_key;
      found_key = kids[i];
      found = kids[i + 1];
    }
    if (!k.quoted && k.text() == "<<") merge = kids[i + 1];  // (JSON keys are all quoted)
  }
  if (found || !merge) return found;
  // Merge keys: a mapping, or a sequence of mappings where earlier ones win.
  if (nodes_[*merge].kind == NodeKind::mapping) return find(*merge, key);
  if (nodes_[*merge].kind == NodeKind::sequence) {
    for (const NodeId m : children(*merge)) {
      if (auto v = find(m, key)) return v;
    }
  }
  return std::nullopt;
}

std::string_view Document::describe(NodeId id) const {
  switch (nodes_[id].kind) {
    case NodeKind::null: return "null";
    case NodeKind::scalar: return "a scalar";
    case NodeKind::sequence: return "a sequence";
    case NodeKind::mapping: return "a mapping";
  }
  return "a value";
}

void Document::clear() {
  nodes_.clear();
  children_.clear();
  pending_.clear();
  frames_.clear();
  copies_.clear();
  duplicate_keys_.clear();
  root_ = 0;
}

void Document::reserve_for(std::size_t bytes) {
  // Pretty-printed dumps hold about one node per 20 bytes (measured on kubectl output).
  nodes_.reserve(bytes / 20);
  children_.reserve(bytes / 20);
}

NodeId Document::push(DocNode n) {
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(n);
  if (frames_.empty()) {
    root_ = id;
  } else {
    pending_.push_back(id);
  }
  return id;
}

NodeId Document::begin_container(NodeKind kind, std::uint32_t a, std::uint32_t b) {
  const NodeId id = push(DocNode{nullptr, 0, a, b, 0, 0, kind, false});
  frames_.push_back(Frame{id, pending_.size()});
  return id;
}

void Document::end_container() {
  const Frame f = frames_.back();
  frames_.pop_back();
  DocNode& n = nodes_[f.node];
  n.first = static_cast<std::uint32_t>(children_.size());
  n.count = static_cast<std::uint32_t>(pending_.size() - f.pending_begin);
  children_.insert(children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(f.pending_begin), pending_.end());
  pending_.resize(f.pending_begin);
  if (n.kind == NodeKind::mapping && n.count > 2) find_duplicate_keys(f.node);
}

void Document::find_duplicate_keys(NodeId map) {
  const auto kids = children(map);
  const auto is_key = [&](std::size_t i) { return nodes_[kids[i]].kind == NodeKind::scalar; };
  if (kids.size() <= 16) {  // most mappings: compare pairwise, no allocation
    for (std::size_t i = 2; i < kids.size(); i += 2) {
      if (!is_key(i) || nodes_[kids[i]].text() == "<<") continue;
      for (std::size_t j = 0; j < i; j += 2) {
        if (is_key(j) && nodes_[kids[j]].text() == nodes_[kids[i]].text()) {
          duplicate_keys_.emplace_back(kids[j], kids[i]);
          break;
        }
      }
    }
    return;
  }
  // Sorting the keys finds repeats in O(n log n) even in a ConfigMap with 100k keys.
  key_scratch_.clear();
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (is_key(i)) key_scratch_.emplace_back(nodes_[kids[i]].text(), kids[i]);
  }
  std::stable_sort(key_scratch_.begin(), key_scratch_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 1; i < key_scratch_.size(); ++i) {
    if (key_scratch_[i].first == key_scratch_[i - 1].first && key_scratch_[i].first != "<<") {
      duplicate_keys_.emplace_back(key_scratch_[i - 1].second, key_scratch_[i].second);
    }
  }
}

NodeId Document::add_scalar(std::string_view text, bool quoted, std::uint32_t a, std::uint32_t b) {
  return push(DocNode{text.data(), static_cast<std::uint32_t>(text.size()), a, b, 0, 0, NodeKind::scalar, quoted});
}

NodeId Document::add_scalar_copy(std::string_view text, bool quoted, std::uint32_t a, std::uint32_t b) {
  return add_scalar(copies_.copy(text), quoted, a, b);
}

NodeId Document::add_null(std::uint32_t a, std::uint32_t b) {
  return push(DocNode{nullptr, 0, a, b, 0, 0, NodeKind::null, false});
}

void Document::add_existing(NodeId id) {
  if (frames_.empty()) {
    root_ = id;
  } else {
    pending_.push_back(id);
  }
}

}  // namespace rbacq::analyzer
