// SPDX-License-Identifier: Apache-2.0
// JSON text → Documents, through simdjson's on-demand API (positions from byte offsets).
#pragma once

#include <string_view>

#include "analyzer/input/document.hpp"
#include "analyzer/input/source_text.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

/// Takes the items of a JSON List one at a time (a `kubectl get -o json` dump is one List of
/// every object): each item is a small Document decoded and dropped while its memory is still in
/// the cache, instead of one tree of the whole file (which cost a third of the load in page
/// faults). Whatever the items gave is provisional until end(): abandon() means the text turned
/// out not to be one good JSON value, and nothing of it may be used.
class ListItems {
 public:
  ListItems() = default;
  ListItems(const ListItems&) = delete;
  ListItems& operator=(const ListItems&) = delete;
  virtual ~ListItems() = default;
  /// Before the first item: the List's `kind` (a string ending in "List"), the `apiVersion` its
  /// items inherit (a typed List's, such as RoleList's; "" for `kind: List`, which lends nothing,
  /// and when absent or null), and a document whose file and positions the items share.
  virtual void begin(std::string_view kind, std::string_view api_version, const Document& like) = 0;
  /// An empty document for the reader to build the next item in, then hand to item().
  virtual Document& next_item() = 0;
  /// One element of `items`, whatever its shape (its root is the element): the document
  /// next_item() gave, filled.
  virtual void item(Document& item) = 0;
  /// The text was one good JSON value: `root` is the List with an empty `items`.
  virtual void end(const Document& root) = 0;
  /// The text was not (a syntax error, a limit, a second value after the first).
  virtual void abandon() = 0;
};

/// Calls `sink` with the document of a JSON text, or with each of a stream of JSON values.
/// Malformed JSON is reported [input-json] with the position where it was detected, and nothing
/// of the file is used. When `items` is given and the text is one object whose `kind` ends in
/// "List" with an array of `items` (and none of the three keys twice), the List goes to `items`
/// instead of `sink`. (A text whose last lines say `"kind": "List"` is streamed at once and
/// checked at its end; when it was not such a List after all, `items` is abandoned and the text
/// read again whole, for `sink`.)
void read_json(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink,
               ListItems* items = nullptr);

}  // namespace rbacq::analyzer
