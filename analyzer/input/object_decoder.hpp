// SPDX-License-Identifier: Apache-2.0
// Document → typed objects of the Model, with [input-schema] diagnostics for wrong shapes.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/input/decoders.hpp"
#include "analyzer/input/document.hpp"
#include "analyzer/input/object_reader.hpp"
#include "analyzer/input/object_store.hpp"
#include "analyzer/input/source_text.hpp"
#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

/// Turns documents into objects. Kubernetes decodes strictly: an object whose fields have the
/// wrong shape (`verbs: get`, `rules: "abc"`) is rejected, so it is reported and left out, and
/// the rest of the file still loads. Kinds rbacq does not use are counted and skipped.
///
/// This class does what every object goes through (Lists, the object limit, apiVersion,
/// metadata); the body of each kind is read by its decoder, chosen in the table of decoders.cpp.
class ObjectDecoder {
 public:
  ObjectDecoder(Model& model, Diagnostics& diags, const LoadLimits& limits)
      : model_(model), diags_(diags), limits_(limits), store_(model, diags_, limits) {}

  /// Decodes one document: an object, a `List`/`*List`, a JSON array of those, or nothing.
  void decode(const Document& doc);

  /// A List decoded item by item as a reader streams it (ListItems): begin_list, each item,
  /// then end_list — the same objects and diagnostics as decode() of the whole List — or
  /// abandon_list, which forgets everything since begin_list (the text was not good JSON; a
  /// call without a List begun does nothing).
  void begin_list(std::string_view kind, std::string_view api_version);
  void decode_item(const Document& item);
  void end_list(const Document& root);
  void abandon_list();

  /// Called after the last document of a file: notes a file that held no Kubernetes object,
  /// unless reading it failed (`unreadable`), which was reported already.
  void finish_file(FilePath file, bool explicit_input, bool unreadable);

 private:
  /// [input-duplicate-key] for the repeated keys of `doc` whose later occurrence is a node in
  /// [from, to), each once per document (reported_).
  void report_duplicate_keys(const Document& doc, NodeId from, NodeId to);
  void report_all_duplicate_keys(const Document& doc);
  void decode_value(const Document& doc, NodeId node, int list_depth);
  void decode_list_item(const Document& doc, NodeId item, const std::string& item_kind, const std::string& item_api, int list_depth);
  void decode_object(const Document& doc, NodeId node, const std::string& inherited_kind,
                     const std::string& inherited_api_version, int list_depth);
  void expand_list(ObjectReader& r, NodeId node, const ObjectMeta& list, int list_depth);
  bool count_and_limit(const ObjectMeta& meta);
  const KindDecoder* check_api_version(const ObjectMeta& meta);
  bool read_metadata(ObjectReader& r, NodeId node, const KindDecoder& decoder, ObjectMeta& meta);

  Model& model_;
  CappedDiagnostics diags_;
  const LoadLimits& limits_;
  ObjectStore store_;
  std::size_t objects_ = 0;
  std::size_t file_objects_ = 0;    // objects with a kind in the current file
  std::size_t file_documents_ = 0;  // non-empty documents in the current file
  std::vector<SourceLocation> unkinded_;  // documents of the current file without `kind`

  /// The List being streamed: what its items inherit, and the state to return to if abandoned.
  struct StreamedList {
    std::string item_kind;
    std::string item_api_version;
    CappedDiagnostics::Mark diagnostics;
    std::size_t objects = 0;
    std::size_t file_objects = 0;
    std::size_t file_documents = 0;
    std::size_t unkinded = 0;
    std::map<std::string, std::size_t> counts;
  };
  std::optional<StreamedList> list_;
  std::vector<bool> reported_;        // of the document's duplicate_keys()
  bool per_item_duplicates_ = false;  // the document is a List: repeated keys item by item
};

}  // namespace rbacq::analyzer
