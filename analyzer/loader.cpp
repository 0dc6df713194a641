// SPDX-License-Identifier: Apache-2.0
#include "analyzer/loader.hpp"

#include <algorithm>
#include <new>

#include "analyzer/input_files.hpp"
#include "analyzer/json_reader.hpp"
#include "analyzer/object_decoder.hpp"
#include "analyzer/yaml_reader.hpp"

namespace rbacq::analyzer {
namespace {

bool has_json_extension(std::string_view path) { return path.ends_with(".json"); }

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
  const DocumentSink sink = [&](const Document& doc) { decoder.decode(doc); };
  if (json_extension || starts_like_json) {
    Diagnostics json_diags;
    read_json(source, limits, json_diags, sink);
    // A YAML file may start with a flow collection: read it as YAML when it is not JSON.
    if (json_extension || !json_diags.has_errors()) {
      const bool ok = !json_diags.has_errors();
      diags.append(std::move(json_diags));
      return ok;
    }
  }
  Diagnostics yaml_diags;
  read_yaml(source, limits, yaml_diags, sink);
  const bool ok = std::none_of(yaml_diags.items().begin(), yaml_diags.items().end(), [](const Diagnostic& d) {
    return d.id == "input-yaml" || d.id == "input-depth" || d.id == "input-alias";
  });
  const bool template_like = bytes.find("{{") != std::string::npos && bytes.find("}}") != std::string::npos;
  const auto& items = yaml_diags.items();
  const auto yaml_error = std::find_if(items.begin(), items.end(), [](const Diagnostic& d) { return d.id == "input-yaml"; });
  if (template_like && yaml_error != items.end()) {
    diags.add("input-template", Severity::warning, yaml_error->loc,
              "not valid YAML, and it looks like a template ('{{ }}'): render it first (helm template, "
              "kustomize build) and analyse the output; the documents before this point were loaded");
    return false;
  }
  diags.append(std::move(yaml_diags));
  return ok;
}

}  // namespace

LoadResult load(const std::vector<std::string>& paths, const LoadLimits& limits) {
  LoadResult result;
  ObjectDecoder decoder(result.model, result.diagnostics, limits);
  for (const InputFile& file : expand_inputs(paths, result.diagnostics)) {
    auto source = read_source(file, limits);
    if (!source) {
      result.diagnostics.add(std::move(source.error()));
      continue;
    }
    result.model.files.push_back(source->path);
    bool whole = false;
    try {
      whole = read_any(*source, limits, result.diagnostics, decoder);
    } catch (const std::bad_alloc&) {
      // The file boundary is where failures stop: the other files still load.
      result.diagnostics.add("input-limit", Severity::error, SourceLocation{source->path, 0, 0},
                             "out of memory while reading this file; the objects read before were kept");
    }
    decoder.finish_file(source->path, file.explicit_input, !whole);
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
  model.files.push_back(source.path);
  const bool whole = read_any(source, limits, diags, decoder);
  decoder.finish_file(source.path, true, !whole);
}

}  // namespace rbacq::analyzer
