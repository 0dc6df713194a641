// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/object_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/input/plain_scalar.hpp"

namespace rbacq::analyzer {

void CappedDiagnostics::add(Diagnostic d) {
  if (shown_ >= kPerFile) {
    if (dropped_++ == 0) first_dropped_ = d.loc;
    return;
  }
  ++shown_;
  last_shown_ = std::max(last_shown_, d.loc);
  out_.add(std::move(d));
}

void CappedDiagnostics::finish_file(FilePath file) {
  if (dropped_ != 0) {
    // Problems are listed sorted by place: at the first problem not shown, the note comes after
    // the ones it follows instead of heading the file (where a whole-file note would sort).
    SourceLocation at = std::max(first_dropped_, last_shown_);
    if (at.file != file) at = SourceLocation{file, 0, 0};
    out_.add("input-limit", Severity::note, at,
             fmt::format("{} more problem{} in this file not shown, the first of them here (at most {} per file)", dropped_,
                         dropped_ == 1 ? "" : "s", kPerFile));
  }
  shown_ = 0;
  dropped_ = 0;
  first_dropped_ = {};
  last_shown_ = {};
}

void CappedDiagnostics::rewind(const Mark& m) {
  out_.truncate(m.items);
  shown_ = m.shown;
  dropped_ = m.dropped;
  first_dropped_ = m.first_dropped;
  last_shown_ = m.last_shown;
}

void ObjectReader::error(NodeId at, std::string message) {
  ok_ = false;
  diags_.add(Diagnostic{"input-schema", Severity::error, loc(at), std::move(message), {}});
}

void ObjectReader::warning(NodeId at, std::string id, std::string message) {
  diags_.add(Diagnostic{std::move(id), Severity::warning, loc(at), std::move(message), {}});
}

bool ObjectReader::is_null(NodeId id) const {
  const DocNode& n = doc_.node(id);
  if (n.kind == NodeKind::null) return true;
  return n.kind == NodeKind::scalar && !n.quoted && plain_type(n.text()) == PlainType::null;
}

std::optional<NodeId> ObjectReader::field(NodeId map, std::string_view key) const {
  const auto v = doc_.find(map, key);
  if (!v || is_null(*v)) return std::nullopt;
  return v;
}

std::optional<NodeId> ObjectReader::mapping(NodeId map, std::string_view key) {
  const auto v = field(map, key);
  if (!v) return std::nullopt;
  if (doc_.kind(*v) != NodeKind::mapping) {
    error(*v, fmt::format("expected a mapping for '{}', got {}", key, doc_.describe(*v)));
    return std::nullopt;
  }
  return v;
}

std::span<const NodeId> ObjectReader::sequence(NodeId map, std::string_view key) {
  const auto v = field(map, key);
  if (!v) return {};
  if (doc_.kind(*v) != NodeKind::sequence) {
    error(*v, fmt::format("expected a sequence for '{}', got {}", key, doc_.describe(*v)));
    return {};
  }
  return doc_.children(*v);
}

template <class What>
std::optional<std::string_view> ObjectReader::string_value(NodeId node, const What& what) {
  const DocNode& n = doc_.node(node);
  if (n.kind != NodeKind::scalar) {
    error(node, fmt::format("expected a string {}, got {}", what(), doc_.describe(node)));
    return std::nullopt;
  }
  if (!n.quoted) {
    if (const PlainType t = plain_type(n.text()); t != PlainType::string && t != PlainType::null) {
      error(node, fmt::format("expected a string {}, got {} (quote it)", what(), describe(t)));
      return std::nullopt;
    }
  }
  return n.text();
}

std::string ObjectReader::string(NodeId map, std::string_view key) {
  const auto v = field(map, key);
  if (!v) return {};
  const auto text = string_value(*v, [&] { return fmt::format("for '{}'", key); });
  return text ? std::string(*text) : std::string();
}

std::vector<std::string> ObjectReader::strings(NodeId map, std::string_view key) {
  std::vector<std::string> out;
  const auto items = sequence(map, key);
  out.reserve(items.size());
  for (const NodeId item : items) {
    if (is_null(item)) {
      out.emplace_back();
    } else if (const auto text = string_value(item, [&] { return fmt::format("in '{}'", key); })) {
      out.emplace_back(*text);
    }
  }
  return out;
}

std::optional<bool> ObjectReader::boolean(NodeId map, std::string_view key) {
  const auto v = field(map, key);
  if (!v) return std::nullopt;
  const DocNode& n = doc_.node(*v);
  if (n.kind == NodeKind::scalar && !n.quoted) {
    if (const auto b = plain_bool(n.text())) return b;
  }
  error(*v, fmt::format("expected true or false for '{}', got {}", key,
                        n.kind == NodeKind::scalar ? (n.quoted ? std::string_view("a string") : describe(plain_type(n.text())))
                                                   : doc_.describe(*v)));
  return std::nullopt;
}

Labels ObjectReader::string_map(NodeId map, std::string_view key) {
  Labels out;
  const auto m = mapping(map, key);
  if (!m) return out;
  const auto kids = doc_.children(*m);
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    const NodeId k = kids[i];
    const NodeId v = kids[i + 1];
    const auto name = string_value(k, [&] { return fmt::format("key in '{}'", key); });
    if (!name) continue;
    if (is_null(v)) {
      out.emplace_back(*name, std::string());
    } else if (const auto value = string_value(v, [&] { return fmt::format("value for '{}' in '{}'", *name, key); })) {
      out.emplace_back(*name, *value);
    }
  }
  return out;
}

}  // namespace rbacq::analyzer
