// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/yaml_reader.hpp"

#include <algorithm>
#include <istream>
#include <limits>
#include <streambuf>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace rbacq::analyzer {
namespace {

/// A read-only streambuf over memory: yaml-cpp wants an istream, and copying the file is waste.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(const char* begin, const char* end) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): streambuf's get area is non-const but never written
    char* b = const_cast<char*>(begin);
    setg(b, b, b + (end - begin));
  }
};

/// Thrown from inside the event handler to stop a document; caught by read_yaml.
struct StopDocument {
  Diagnostic diagnostic;
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  /// Keys one lookup in a mapping with merge keys may scan (see check_merge_cost).
  static constexpr std::uint64_t kMaxMergeScan = 10'000;

  /// `stream`: the bytes the parser reads (from where this parser started).
  TreeBuilder(Document& doc, const SourceText& source, std::string_view stream, std::uint32_t line_base, const LoadLimits& limits,
              const DocumentSink& sink)
      : doc_(doc), source_(source), stream_(stream), line_base_(line_base), limits_(limits), sink_(sink) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    // yaml-cpp 0.7 reports an empty document without consuming a stray ',' or ']' at the top
    // level, and would report it forever (yaml-cpp #1040): a document that starts where the
    // previous one started is that loop.
    if (started_ && mark.pos == last_start_) stop(mark, "input-yaml", "unexpected character at the start of a document");
    started_ = true;
    last_start_ = mark.pos;
    document_line_ = mark.is_null() ? 0 : static_cast<std::size_t>(mark.line);
    doc_.clear();
    sizes_.clear();
    merge_cost_.clear();
    anchors_.clear();
    expanded_ = 0;  // the alias budget is per document
  }

  void OnDocumentEnd() override {
    if (!doc_.empty()) sink_(doc_);
    doc_.clear();
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto [line, column] = position(mark);
    finish_leaf(doc_.add_null(line, column), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      stop(mark, "input-yaml", "alias to an unknown anchor");
    }
    // The target is shared, not copied; what it would cost expanded is counted instead.
    expanded_ = saturating_add(expanded_, sizes_[it->second]);
    if (expanded_ > limits_.max_expanded_nodes) {
      stop(mark, "input-alias",
           fmt::format("aliases expand this document past {} nodes (a \"billion laughs\" alias bomb?)",
                       limits_.max_expanded_nodes));
    }
    doc_.add_existing(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    // yaml-cpp tags plain scalars "?" and quoted ones "!": only plain ones can be true/null/42.
    if (tag != "?") check_closed(mark);
    const auto [line, column] = position(mark);
    finish_leaf(doc_.add_scalar_copy(value, tag != "?", line, column), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(NodeKind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(NodeKind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

  /// 0-based line, relative to where this parser started, of the document being read.
  [[nodiscard]] std::size_t document_line() const { return document_line_; }

  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> position(const YAML::Mark& mark) const {
    if (mark.is_null()) return {0, 0};
    const auto line = line_base_ + static_cast<std::uint32_t>(mark.line) + source_.first_line;
    const auto column = static_cast<std::uint32_t>(mark.column) + 1 + (mark.line == 0 && line_base_ == 0 ? source_.first_column - 1 : 0);
    return {line, column};
  }

 private:
  static std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
  }

  /// yaml-cpp accepts a quoted scalar that the input ends inside (`token: "abc` at the end of a
  /// file) as if it were closed: a truncated file or a missing quote would load silently.
  void check_closed(const YAML::Mark& mark) {
    if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= stream_.size()) return;
    auto open = static_cast<std::size_t>(mark.pos);
    // The mark is at the node's properties when it has any (`!!str "x"`, `&a "x"`): skip them.
    while (open < stream_.size() && (stream_[open] == '!' || stream_[open] == '&')) {
      while (open < stream_.size() && stream_[open] != ' ' && stream_[open] != '\t' && stream_[open] != '\n') ++open;
      while (open < stream_.size() && (stream_[open] == ' ' || stream_[open] == '\t')) ++open;
    }
    if (open >= stream_.size()) return;
    const char quote = stream_[open];
    if (quote != '"' && quote != '\'') return;
    for (std::size_t i = open + 1; i < stream_.size(); ++i) {
      if (quote == '"' && stream_[i] == '\\') {
        ++i;  // an escape: the next character is not the end
      } else if (stream_[i] == quote) {
        if (quote == '\'' && i + 1 < stream_.size() && stream_[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted scalar
        } else {
          return;
        }
      }
    }
    stop(mark, "input-yaml", fmt::format("this quoted scalar is not closed: the input ends before its closing {}", quote));
  }

  [[noreturn]] void stop(const YAML::Mark& mark, const char* id, std::string message) {
    const auto [line, column] = position(mark);
    throw StopDocument{Diagnostic{id, Severity::error, SourceLocation{source_.path, line, column}, std::move(message), {}}};
  }

  void record_size(NodeId id, std::uint64_t size) {
    if (sizes_.size() <= id) sizes_.resize(id + 1, 1);
    sizes_[id] = size;
  }

  void finish_leaf(NodeId id, YAML::anchor_t anchor) {
    record_size(id, 1);
    ++expanded_;
    if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
  }

  void open(NodeKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (doc_.open_containers() >= limits_.max_depth) {
      stop(mark, "input-depth", fmt::format("nesting deeper than {} levels", limits_.max_depth));
    }
    const auto [line, column] = position(mark);
    open_.emplace_back(doc_.begin_container(kind, line, column), anchor);
    ++expanded_;
  }

  void close() {
    const auto [id, anchor] = open_.back();
    open_.pop_back();
    doc_.end_container();
    std::uint64_t size = 1;
    for (const NodeId child : doc_.children(id)) size = saturating_add(size, child < sizes_.size() ? sizes_[child] : 1);
    record_size(id, size);
    if (doc_.kind(id) == NodeKind::mapping) check_merge_cost(id);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
  }

  /// A lookup in a mapping with merge keys (`<<: [*a, *b]`) also scans the merged mappings, and
  /// theirs: aliases make that exponential in the nesting. The keys one lookup may scan are
  /// bounded, as the expansion of aliases is.
  void check_merge_cost(NodeId map) {
    const auto kids = doc_.children(map);
    std::uint64_t cost = kids.size() / 2;  // a lookup scans the mapping's own keys: linear, fine
    bool merges = false;
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const DocNode& key = doc_.node(kids[i]);
      if (key.kind != NodeKind::scalar || key.quoted || key.text() != "<<") continue;
      merges = true;
      const NodeId merged = kids[i + 1];
      if (doc_.kind(merged) == NodeKind::mapping) {
        cost = saturating_add(cost, merge_cost_of(merged));
      } else if (doc_.kind(merged) == NodeKind::sequence) {
        for (const NodeId m : doc_.children(merged)) cost = saturating_add(cost, merge_cost_of(m));
      }
    }
    if (merge_cost_.size() <= map) merge_cost_.resize(map + 1, 0);
    merge_cost_[map] = cost;
    if (merges && cost > kMaxMergeScan) {
      const DocNode& n = doc_.node(map);
      throw StopDocument{Diagnostic{"input-alias", Severity::error, SourceLocation{source_.path, n.a, n.b},
                                    fmt::format("merge keys ('<<') nest so deep that one lookup would scan more than {} keys",
                                                kMaxMergeScan),
                                    {}}};
    }
  }

  [[nodiscard]] std::uint64_t merge_cost_of(NodeId id) const {
    if (doc_.kind(id) != NodeKind::mapping) return 0;
    return id < merge_cost_.size() && merge_cost_[id] != 0 ? merge_cost_[id] : doc_.children(id).size() / 2;
  }

  Document& doc_;
  const SourceText& source_;
  std::string_view stream_;
  std::uint32_t line_base_;
  const LoadLimits& limits_;
  const DocumentSink& sink_;
  std::vector<std::uint64_t> sizes_;  // expanded size of each finished node
  std::vector<std::uint64_t> merge_cost_;  // keys a lookup in each finished mapping may scan
  std::unordered_map<YAML::anchor_t, NodeId> anchors_;
  std::vector<std::pair<NodeId, YAML::anchor_t>> open_;
  std::uint64_t expanded_ = 0;
  bool started_ = false;
  int last_start_ = -1;
  std::size_t document_line_ = 0;
};

/// Offset of the first document marker line ("---" alone or followed by a blank) at or after
/// line `line` (0-based) of `text`, other than the one at offset 0, or npos. The error that
/// stopped a document may be reported on the next document's marker: reading resumes there.
std::size_t next_document_start(std::string_view text, std::size_t line) {
  std::size_t pos = 0;
  for (std::size_t l = 0; l < std::max<std::size_t>(line, 1) && pos != std::string_view::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  while (pos != std::string_view::npos && pos < text.size()) {
    if (text.compare(pos, 3, "---") == 0 &&
        (pos + 3 == text.size() || text[pos + 3] == '\n' || text[pos + 3] == ' ' || text[pos + 3] == '\t' ||
         text[pos + 3] == '\r')) {
      return pos;
    }
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  return std::string_view::npos;
}

}  // namespace

void read_yaml(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink) {
  const std::string_view text = source.bytes;
  Document doc(source.path, nullptr);
  std::size_t start = 0;
  std::uint32_t line_base = 0;  // 0-based line of text[start]
  while (start < text.size()) {
    MemoryBuffer buffer(text.data() + start, text.data() + text.size());
    std::istream stream(&buffer);
    TreeBuilder builder(doc, source, text.substr(start), line_base, limits, sink);
    std::size_t error_line = 0;  // 0-based, relative to start
    try {
      YAML::Parser parser(stream);
      while (parser.HandleNextDocument(builder)) {
      }
      return;
    } catch (const StopDocument& stop) {
      diags.add(stop.diagnostic);
      error_line = stop.diagnostic.loc.line >= source.first_line + line_base
                       ? stop.diagnostic.loc.line - source.first_line - line_base
                       : 0;
    } catch (const YAML::Exception& e) {
      const auto [line, column] = builder.position(e.mark);
      // Some yaml-cpp messages end with the offending input ("bad YAML version: <text>"): it may be
      // a credential, so only the part before ": " is kept.
      diags.add("input-yaml", Severity::error, SourceLocation{source.path, line, column}, e.msg.substr(0, e.msg.find(": ")));
      error_line = e.mark.is_null() ? 0 : static_cast<std::size_t>(e.mark.line);
    }
    doc.clear();
    const std::string_view rest = text.substr(start);
    // Resume at the next document marker at or after the error line, but never at the failing
    // document's own marker: that would read it twice.
    const std::size_t next = next_document_start(rest, std::max(error_line, builder.document_line() + 1));
    if (next == std::string_view::npos) return;
    line_base += static_cast<std::uint32_t>(std::count(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(next), '\n'));
    start += next;
  }
}

}  // namespace rbacq::analyzer
