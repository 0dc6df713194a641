// SPDX-License-Identifier: Apache-2.0
// Compiled twice (json_reader_portable.cpp, json_reader_avx2.cpp): simdjson's on-demand API runs
// the kernel chosen at compile time, and without -mavx2 that is the scalar fallback, ~4x slower.
// RBACQ_JSON_READER names the variant; json_reader_dispatch.cpp picks one from the CPU.
#include "analyzer/input/json_reader.hpp"

#include <simdjson.h>

#include <string>

#include <fmt/format.h>

namespace rbacq::analyzer {
namespace od = simdjson::ondemand;
namespace {  // NOLINT(cert-dcl59-cpp): each variant keeps its walker to itself

/// RFC 8259 number syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

/// Walks an on-demand value tree into a Document. Every value is visited, so the whole text is
/// validated; the first error stops the walk and is remembered with its position.
class JsonWalker {
 public:
  JsonWalker(Document& doc, const char* base, const LoadLimits& limits) : doc_(&doc), base_(base), limits_(limits) {}

  /// From now on the elements of the root object's `items` go to `items`.
  void stream_items(ListItems* items) {
    items_ = items;
    streamed_ = 0;
  }
  /// How many arrays of `items` were streamed since stream_items().
  [[nodiscard]] int streamed() const { return streamed_; }

  simdjson::error_code walk(od::value value, std::uint32_t depth) {
    od::json_type type{};
    if (const auto e = value.type().get(type)) return e;
    const std::uint32_t offset = offset_of(value.raw_json_token().data());
    switch (type) {
      case od::json_type::object: {
        if (depth >= limits_.max_depth) return too_deep(offset);
        od::object object;
        if (const auto e = value.get_object().get(object)) return e;
        doc_->begin_container(NodeKind::mapping, offset, 0);
        for (auto field_result : object) {
          od::field field;
          if (const auto e = std::move(field_result).get(field)) return e;
          std::string_view key;
          const std::uint32_t key_offset = offset_of(field.key().raw()) - 1;  // raw() starts after the quote
          if (const auto e = field.unescaped_key().get(key)) return e;
          doc_->add_scalar(key, true, key_offset, 0);
          if (depth == 0 && items_ != nullptr && key == "items") {
            if (const auto e = walk_items(field.value(), depth + 1)) return e;
            continue;
          }
          if (const auto e = walk(field.value(), depth + 1)) return e;
        }
        doc_->end_container();
        return simdjson::SUCCESS;
      }
      case od::json_type::array: {
        if (depth >= limits_.max_depth) return too_deep(offset);
        od::array array;
        if (const auto e = value.get_array().get(array)) return e;
        doc_->begin_container(NodeKind::sequence, offset, 0);
        for (auto element : array) {
          od::value v;
          if (const auto e = std::move(element).get(v)) return e;
          if (const auto e2 = walk(v, depth + 1)) return e2;
        }
        doc_->end_container();
        return simdjson::SUCCESS;
      }
      case od::json_type::string: {
        std::string_view s;
        if (const auto e = value.get_string().get(s)) return e;
        doc_->add_scalar(s, true, offset, 0);
        return simdjson::SUCCESS;
      }
      case od::json_type::number: {
        // Only the text is kept, so the syntax is all that is checked: simdjson refuses integers
        // beyond 64 bits and doubles beyond range, which are valid JSON (and Kubernetes reads them).
        const std::string_view token = trimmed_token(value.raw_json_token());
        if (!is_json_number(token)) return simdjson::NUMBER_ERROR;
        doc_->add_scalar(token, false, offset, 0);
        return simdjson::SUCCESS;
      }
      case od::json_type::boolean: {
        bool b = false;
        if (const auto e = value.get_bool().get(b)) return e;
        doc_->add_scalar(b ? "true" : "false", false, offset, 0);
        return simdjson::SUCCESS;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (const auto e = value.is_null().get(is_null)) return e;
        if (!is_null) return simdjson::N_ATOM_ERROR;
        doc_->add_null(offset, 0);
        return simdjson::SUCCESS;
      }
    }
    return simdjson::TAPE_ERROR;
  }

  /// The root's `items`, when an array: an empty sequence in the root's document, and each
  /// element in a document of its own, handed over as soon as it is read. Anything else is read
  /// as any value (a guessed List that is not one: the caller reads the text again).
  simdjson::error_code walk_items(od::value value, std::uint32_t depth) {
    od::json_type type{};
    if (const auto e = value.type().get(type)) return e;
    if (type != od::json_type::array) return walk(value, depth);
    ++streamed_;
    const std::uint32_t offset = offset_of(value.raw_json_token().data());
    if (depth >= limits_.max_depth) return too_deep(offset);
    od::array array;
    if (const auto e = value.get_array().get(array)) return e;
    doc_->begin_container(NodeKind::sequence, offset, 0);
    doc_->end_container();
    Document* root = doc_;
    for (auto element : array) {
      od::value v;
      if (const auto e = std::move(element).get(v)) return e;
      Document& item = items_->next_item();
      doc_ = &item;
      const auto e = walk(v, depth + 1);
      doc_ = root;
      if (e) return e;
      items_->item(item);
    }
    return simdjson::SUCCESS;
  }

  /// A raw token without the whitespace that may follow it.
  static std::string_view trimmed_token(std::string_view t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '\t')) t.remove_suffix(1);
    return t;
  }
  [[nodiscard]] std::uint32_t offset_of(const char* p) const { return static_cast<std::uint32_t>(p - base_); }
  [[nodiscard]] bool depth_exceeded() const { return depth_exceeded_; }
  [[nodiscard]] std::uint32_t error_offset() const { return error_offset_; }

 private:
  simdjson::error_code too_deep(std::uint32_t offset) {
    depth_exceeded_ = true;
    error_offset_ = offset;
    return simdjson::DEPTH_ERROR;
  }

  Document* doc_;  // where values go: the root's document, or an item's
  ListItems* items_ = nullptr;
  int streamed_ = 0;
  const char* base_;
  const LoadLimits& limits_;
  bool depth_exceeded_ = false;
  std::uint32_t error_offset_ = 0;
};

std::string_view describe(simdjson::error_code e) {
  switch (e) {
    case simdjson::TAPE_ERROR: return "unexpected character: expected a value, ',' or a closing bracket";
    case simdjson::UNCLOSED_STRING: return "unclosed string";
    case simdjson::STRING_ERROR: return "invalid string (bad escape or control character)";
    case simdjson::NUMBER_ERROR: return "invalid number";
    case simdjson::T_ATOM_ERROR: return "invalid literal: expected 'true'";
    case simdjson::F_ATOM_ERROR: return "invalid literal: expected 'false'";
    case simdjson::N_ATOM_ERROR: return "invalid literal: expected 'null'";
    case simdjson::EMPTY: return "no JSON value";
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "unexpected end of input: an object or array is not closed";
    case simdjson::DEPTH_ERROR: return "nesting too deep";
    case simdjson::INCORRECT_TYPE: return "invalid JSON value";
    default: return simdjson::error_message(e);
  }
}

}  // namespace

namespace {

/// What the probe found: a List to stream, and whether the probe met no error (else the
/// document must be iterated afresh: a rewind does not clear an error).
struct ListProbe {
  bool is_list = false;
  bool clean = false;
  std::string kind;
  std::string api_version;
};

/// Looks at the root object's own fields, skipping their values, for what ObjectDecoder would
/// take as a List: `kind` a string ending in "List", `apiVersion` a string or null or absent,
/// `items` an array, none of them twice (the last of a repeated key wins, which a stream that
/// has handed over the items cannot honour). Anything else reads the ordinary way.
ListProbe probe_list(od::document& json) {
  ListProbe probe;
  od::object root;
  if (json.get_object().get(root) != simdjson::SUCCESS) return probe;
  int kinds = 0;
  int api_versions = 0;
  int items = 0;
  for (auto field_result : root) {
    od::field field;
    std::string_view key;
    if (std::move(field_result).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) return probe;
    od::json_type type{};
    if (key == "kind") {
      ++kinds;
      std::string_view kind;
      if (field.value().get_string().get(kind) != simdjson::SUCCESS) return probe;
      probe.kind = kind;  // copied: the strings of the probe are gone after the rewind
    } else if (key == "apiVersion") {
      ++api_versions;
      od::value v = field.value();
      if (v.type().get(type) != simdjson::SUCCESS) return probe;
      if (type == od::json_type::null) {
        bool is_null = false;
        if (v.is_null().get(is_null) != simdjson::SUCCESS || !is_null) return probe;
        probe.api_version.clear();
      } else {
        std::string_view api_version;
        if (v.get_string().get(api_version) != simdjson::SUCCESS) return probe;
        probe.api_version = api_version;
      }
    } else if (key == "items") {
      ++items;
      if (field.value().type().get(type) != simdjson::SUCCESS) return probe;
      if (type != od::json_type::array) {
        probe.clean = true;  // only looked at: nothing failed
        return probe;
      }
    }
  }
  probe.clean = true;
  probe.is_list = kinds == 1 && api_versions <= 1 && items == 1 && probe.kind.ends_with("List");
  return probe;
}

/// `kubectl get -o json` writes a List's `kind` after its items, in the last lines: a text whose
/// last `"kind"` says "List" is guessed to be one, which saves looking through the root first
/// (probe_list skips over every item: 5% of a dump's load). confirms_list checks the guess.
bool ends_like_list(std::string_view text) {
  const std::string_view tail = text.substr(text.size() > 512 ? text.size() - 512 : 0);
  const std::size_t at = tail.rfind("\"kind\"");
  if (at == std::string_view::npos) return false;
  std::size_t i = at + 6;
  const auto skip_space = [&] {
    while (i < tail.size() && (tail[i] == ' ' || tail[i] == '\n' || tail[i] == '\r' || tail[i] == '\t')) ++i;
  };
  skip_space();
  if (i >= tail.size() || tail[i] != ':') return false;
  ++i;
  skip_space();
  return tail.substr(i).starts_with("\"List\"");
}

/// Whether the root just read (with one array of items streamed) is what probe_list accepts with
/// kind "List": `kind` the string "List", `apiVersion` a string or null or absent, one `items`.
bool confirms_list(const Document& doc, int streamed) {
  if (streamed != 1 || doc.empty() || doc.kind(doc.root()) != NodeKind::mapping) return false;
  int kinds = 0;
  int api_versions = 0;
  int items = 0;
  const auto kids = doc.children(doc.root());
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    const std::string_view key = doc.text(kids[i]);
    const DocNode& value = doc.node(kids[i + 1]);
    if (key == "kind") {
      ++kinds;
      if (value.kind != NodeKind::scalar || !value.quoted || value.text() != "List") return false;
    } else if (key == "apiVersion") {
      ++api_versions;
      if (value.kind != NodeKind::null && !(value.kind == NodeKind::scalar && value.quoted)) return false;
    } else if (key == "items") {
      ++items;
    }
  }
  return kinds == 1 && api_versions <= 1 && items == 1;
}

/// Reads the root of one JSON document into `doc`: a container through the walker, a scalar
/// directly (the decoder then says "not a mapping"); a `null` root leaves `doc` empty.
template <class Json>
simdjson::error_code read_root(Json& json, Document& doc, JsonWalker& walker) {
  od::json_type type{};
  if (const auto e = json.type().get(type)) return e;
  std::string_view token;
  const std::uint32_t offset = json.raw_json_token().get(token) == simdjson::SUCCESS ? walker.offset_of(token.data()) : 0;
  switch (type) {
    case od::json_type::object:
    case od::json_type::array: {
      od::value root;
      if (const auto e = json.get_value().get(root)) return e;
      return walker.walk(root, 0);
    }
    case od::json_type::string: {
      std::string_view s;
      if (const auto e = json.get_string().get(s)) return e;
      doc.add_scalar(s, true, offset, 0);
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      if (!is_json_number(JsonWalker::trimmed_token(token))) return simdjson::NUMBER_ERROR;
      const auto consumed = json.get_number();  // moves past the value; its range does not matter
      (void)consumed.error();
      doc.add_scalar("<number>", false, offset, 0);
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (const auto e = json.get_bool().get(b)) return e;
      doc.add_scalar(b ? "true" : "false", false, offset, 0);
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (const auto e = json.is_null().get(is_null)) return e;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
  }
  return simdjson::TAPE_ERROR;
}

}  // namespace

void RBACQ_JSON_READER(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink, ListItems* items) {
  const std::string& bytes = source.bytes;
  simdjson::padded_string_view view(bytes.data(), bytes.size(), bytes.capacity());
  simdjson::padded_string copy;
  if (bytes.capacity() - bytes.size() < simdjson::SIMDJSON_PADDING) {
    copy = simdjson::padded_string(bytes.data(), bytes.size());
    view = copy;
  }
  const char* base = view.data();  // every offset is relative to the buffer simdjson reads
  LineCursor cursor(std::string_view(base, view.length()));
  Document doc(source.path, &cursor, source.first_line, source.first_column);
  JsonWalker walker(doc, base, limits);
  od::parser parser(bytes.size() + simdjson::SIMDJSON_PADDING);
  const auto report = [&](std::size_t offset, std::string message, const char* id) {
    const auto [line, column] = cursor.locate(offset);
    diags.add(id, Severity::error,
              SourceLocation{source.path, line + source.first_line - 1, column + (line == 1 ? source.first_column - 1 : 0)},
              std::move(message));
  };
  const auto report_error = [&](simdjson::error_code error, std::size_t offset) {
    if (walker.depth_exceeded()) {
      report(walker.error_offset(), fmt::format("nesting deeper than {} levels", limits.max_depth), "input-depth");
    } else {
      report(offset, std::string(describe(error)), "input-json");
    }
  };

  od::document json;
  if (const auto e = parser.iterate(view).get(json)) {
    report(0, std::string(describe(e)), "input-json");
    return;
  }
  // A List (a kubectl dump) streams its items when the caller takes them.
  bool streaming = false;
  bool guessed = false;
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  const bool may_stream = items != nullptr && first != std::string::npos && bytes[first] == '{';
  if (may_stream && ends_like_list(bytes)) {
    streaming = guessed = true;
    walker.stream_items(items);
    items->begin("List", "", doc);
  } else if (may_stream) {
    const ListProbe probe = probe_list(json);
    if (probe.clean) {
      json.rewind();
    } else if (const auto e = parser.iterate(view).get(json)) {
      report(0, std::string(describe(e)), "input-json");
      return;
    }
    if (probe.is_list) {
      streaming = true;
      walker.stream_items(items);
      items->begin(probe.kind, probe.kind == "List" ? std::string() : probe.api_version, doc);
    }
  }
  if (!streaming) doc.reserve_for(bytes.size());  // one tree of the whole text (a streamed List's root is small)
  const auto abandon = [&] {
    if (streaming) items->abandon();
    streaming = false;
    walker.stream_items(nullptr);
  };
  const auto where = [&]() -> std::size_t {
    const char* p = nullptr;
    if (json.current_location().get(p) != simdjson::SUCCESS || p == nullptr) return bytes.size();
    return static_cast<std::size_t>(p - base);
  };
  if (const auto e = read_root(json, doc, walker)) {
    abandon();
    report_error(e, where());
    return;
  }
  const char* rest = nullptr;
  if (json.current_location().get(rest) != simdjson::SUCCESS || rest == nullptr) {  // at the end: one value
    if (guessed && !confirms_list(doc, walker.streamed())) {
      // Not the List the last lines suggested: forget the items, read the text again, whole.
      abandon();
      json.rewind();
      doc.clear();
      doc.reserve_for(bytes.size());
      if (const auto e = read_root(json, doc, walker)) {
        report_error(e, where());
        return;
      }
      if (!doc.empty()) sink(doc);
      return;
    }
    if (streaming) {
      items->end(doc);
    } else if (!doc.empty()) {
      sink(doc);
    }
    return;
  }
  abandon();  // more than one value: read again below, the ordinary way

  // Several values one after another (a JSON stream, as `jq -c` writes and kubectl reads): read
  // them in one pass with simdjson's document stream.
  doc.clear();
  od::document_stream stream;
  if (const auto e = parser.iterate_many(base, bytes.size(), bytes.size() + simdjson::SIMDJSON_PADDING).get(stream)) {
    report(0, std::string(describe(e)), "input-json");
    return;
  }
  for (auto it = stream.begin(); it != stream.end(); ++it) {
    const std::size_t at = it.current_index();
    od::document_reference value;
    simdjson::error_code e = (*it).get(value);
    if (!e) e = read_root(value, doc, walker);
    if (e) {
      report_error(e, at);
      return;
    }
    if (!doc.empty()) sink(doc);
    doc.clear();
  }
  if (stream.truncated_bytes() != 0) {
    std::size_t at = bytes.size() - stream.truncated_bytes();
    while (at < bytes.size() && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '\t')) ++at;
    report(at, "unexpected content after the JSON value, or a value that is not complete", "input-json");
  }
}

}  // namespace rbacq::analyzer
