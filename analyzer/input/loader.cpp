// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/loader.hpp"

#include <algorithm>
#include <new>

#include "analyzer/input/input_files.hpp"
#include "analyzer/input/json_reader.hpp"
#include "analyzer/input/list_pipeline.hpp"
#include "analyzer/input/object_decoder.hpp"
#include "analyzer/input/yaml_reader.hpp"
#include "support/parallel.hpp"

namespace rbacq::analyzer {
namespace {

bool has_json_extension(std::string_view path) { return path.ends_with(".json"); }

/// A streamed JSON List into the decoder; `delivered` counts it once it is known good.
class DecodedItems final : public ListItems {
 public:
  DecodedItems(ObjectDecoder& decoder, std::size_t& delivered) : decoder_(decoder), delivered_(delivered) {}
  void begin(std::string_view kind, std::string_view api_version, const Document& like) override {
    decoder_.begin_list(kind, api_version);
    item_ = like.empty_like();
  }
  Document& next_item() override {
    item_.clear();
    return item_;
  }
  void item(Document& item) override { decoder_.decode_item(item); }
  void end(const Document& root) override {
    decoder_.end_list(root);
    ++delivered_;
  }
  void abandon() override { decoder_.abandon_list(); }

 private:
  ObjectDecoder& decoder_;
  std::size_t& delivered_;
  Document item_;
};

/// Below this size a List is decoded on the reading thread: a thread costs more than it saves.
constexpr std::size_t kPipelineBytes = std::size_t{1} << 20U;

/// JSON when it says so or starts like JSON; YAML otherwise (a superset, but ~50x slower to read).
/// Returns false when the text could not be read whole (a syntax error, a limit).
bool read_any(SourceText& source, const LoadLimits& limits, Diagnostics& diags, ObjectDecoder& decoder) {
  std::string& bytes = source.bytes;
  if (bytes.starts_with("\xEF\xBB\xBF")) {  // UTF-8 byte order mark: drop it, keep columns true
    bytes.erase(0, 3);
    source.first_column += 3;
  }
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  const bool json_extension = has_json_extension(source.path.str());
  const bool starts_like_json = first != std::string::npos && (bytes[first] == '{' || bytes[first] == '[');
  std::size_t delivered = 0;
  const DocumentSink sink = [&](const Document& doc) {
    ++delivered;
    decoder.decode(doc);
  };
  if (json_extension || starts_like_json) {
    Diagnostics json_diags;
    DecodedItems items(decoder, delivered);
    PipelinedItems pipelined(items);
    ListItems* stream = nullptr;
    if (limits.stream_json_lists) {
      const bool pipeline = bytes.size() >= kPipelineBytes && available_workers() > 1;
      stream = pipeline ? static_cast<ListItems*>(&pipelined) : &items;
    }
    read_json(source, limits, json_diags, sink, stream);
    // A YAML file may start with a flow collection: read it as YAML when it is not JSON (and no
    // JSON value of it was decoded already, which would then be decoded twice).
    if (json_extension || !json_diags.has_errors() || delivered != 0) {
      const bool ok = !json_diags.has_errors();
      diags.append(std::move(json_diags));
      return ok;
    }
  }
  Diagnostics yaml_diags;
  read_yaml(source, limits, yaml_diags, sink);
  const bool ok = !yaml_diags.has_errors();
  diags.append(std::move(yaml_diags));
  return ok;
}

/// Reads one text into the model. The file boundary is where failures stop: the other files
/// still load after a syntax error or even after running out of memory.
void load_source(SourceText& source, bool explicit_input, const LoadLimits& limits, Model& model,
                 Diagnostics& diags, ObjectDecoder& decoder) {
  model.files.push_back(source.path);
  const std::size_t before = diags.items().size();
  bool whole = false;
  try {
    whole = read_any(source, limits, diags, decoder);
  } catch (const std::bad_alloc&) {
    decoder.abandon_list();  // a JSON List cut short counts for nothing, as a tree not built whole
    diags.add("input-limit", Severity::error, SourceLocation{source.path, 0, 0},
              "out of memory while reading this file; the objects read before were kept");
  }
  decoder.finish_file(source.path, explicit_input, !whole);
  // An unrendered Helm or Go template is not YAML, or is YAML of the wrong shape: one warning
  // that says what to do says more than a cascade of errors.
  // Only a file that does not parse is replaced by the hint: `{{ }}` also appears in valid
  // manifests (Prometheus rules, Alertmanager templates), whose real errors must stay errors.
  // (The text is searched last: most files have no error, and a dump is large.)
  const auto& items = diags.items();
  const auto from = items.begin() + static_cast<std::ptrdiff_t>(before);
  const auto syntax = std::find_if(from, items.end(), [](const Diagnostic& d) { return d.id == "input-yaml" || d.id == "input-json"; });
  const auto error = std::find_if(from, items.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (error == items.end()) return;
  const std::string_view text = source.bytes;
  if (text.find("{{") == std::string_view::npos || text.find("}}") == std::string_view::npos) return;
  if (syntax != items.end()) {
    const SourceLocation at = syntax->loc;
    diags.truncate(before);
    diags.add("input-template", Severity::warning, at,
              "this looks like an unrendered template ('{{ }}') and is not valid YAML: render it first "
              "(helm template, kustomize build) and analyse the output; its problems are not reported");
    return;
  }
  diags.add("input-template", Severity::note, error->loc,
            "this file contains '{{ }}': if it is an unrendered template, render it first (helm template, "
            "kustomize build) and analyse the output");
}

}  // namespace

LoadResult load(const std::vector<std::string>& paths, const LoadLimits& limits, const std::vector<std::string>& passed_over) {
  LoadResult result;
  ObjectDecoder decoder(result.model, result.diagnostics, limits);
  for (const InputFile& file : expand_inputs(paths, result.diagnostics, passed_over)) {
    auto source = read_source(file, limits);
    if (!source) {
      result.diagnostics.add(std::move(source.error()));
      continue;
    }
    load_source(*source, file.explicit_input, limits, result.model, result.diagnostics, decoder);
  }
  return result;
}

void load_text(std::string_view text, std::string_view name, const LoadLimits& limits, Model& model,
               Diagnostics& diags) {
  ObjectDecoder decoder(model, diags, limits);
  SourceText source;
  source.path = FilePath::intern(name);
  source.bytes.reserve(text.size() + 64);
  source.bytes.assign(text);
  load_source(source, true, limits, model, diags, decoder);
}

}  // namespace rbacq::analyzer
