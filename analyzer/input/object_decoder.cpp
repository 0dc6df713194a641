// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/object_decoder.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rbacq::analyzer {
namespace {

/// kind and apiVersion. An item of a typed List (RoleList) may omit them: it has the List's.
ObjectMeta read_type(ObjectReader& r, NodeId node, const std::string& inherited_kind, const std::string& inherited_api_version) {
  ObjectMeta meta;
  meta.loc = r.loc(node);
  meta.kind = r.string(node, "kind");
  meta.api_version = r.string(node, "apiVersion");
  if (meta.kind.empty()) meta.kind = inherited_kind;
  if (meta.api_version.empty()) meta.api_version = inherited_api_version;
  return meta;
}

/// kind: List, or a typed list such as RoleList whose items may omit their kind.
bool is_list(const Document& doc, NodeId node, const ObjectMeta& meta) {
  return meta.kind == "List" || (meta.kind.ends_with("List") && doc.find(node, "items"));
}

/// Annotations worth keeping. `last-applied-configuration` holds a whole copy of the object as
/// applied, `data` of a Secret included: it is never kept.
Labels kept_annotations(Labels annotations) {
  std::erase_if(annotations, [](const auto& kv) { return kv.first == "kubectl.kubernetes.io/last-applied-configuration"; });
  return annotations;
}

/// Where the value of annotation rbacq.io/ignore is written, for lint's warnings about it; none
/// when the object has no such annotation.
SourceLocation ignore_annotation_loc(const Document& doc, NodeId metadata) {
  const auto annotations = doc.find(metadata, "annotations");
  if (!annotations || doc.kind(*annotations) != NodeKind::mapping) return {};
  const auto value = doc.find(*annotations, kIgnoreAnnotation);
  return value ? doc.location(*value) : SourceLocation{};
}

}  // namespace

void ObjectDecoder::report_duplicate_keys(const Document& doc, NodeId from, NodeId to) {
  const auto& duplicates = doc.duplicate_keys();
  if (reported_.size() != duplicates.size()) reported_.assign(duplicates.size(), false);
  for (std::size_t i = 0; i < duplicates.size(); ++i) {
    const auto [earlier, later] = duplicates[i];
    if (reported_[i] || later < from || later >= to) continue;
    reported_[i] = true;
    diags_.add(Diagnostic{"input-duplicate-key", Severity::warning, doc.location(later),
                          fmt::format("'{}' is given more than once in this mapping; the last one is used (kubectl "
                                      "--validate=strict refuses this)",
                                      doc.text(later)),
                          {Note{doc.location(earlier), "earlier occurrence is here"}}});
  }
}

void ObjectDecoder::report_all_duplicate_keys(const Document& doc) {
  reported_.clear();
  report_duplicate_keys(doc, 0, static_cast<NodeId>(doc.node_count()));
}

namespace {

/// A document whose root is a List with a sequence of items: its repeated keys are reported
/// item by item, as each item is decoded, and the List's own last — the order in which a List
/// read item by item (begin_list …) finds them, so that both ways show the same ones when a file
/// has more problems than are shown.
bool is_root_list(const Document& doc) {
  const NodeId root = doc.root();
  if (doc.kind(root) != NodeKind::mapping) return false;
  const auto kind = doc.find(root, "kind");
  const auto items = doc.find(root, "items");
  return kind && doc.kind(*kind) == NodeKind::scalar && doc.text(*kind).ends_with("List") && items &&
         doc.kind(*items) == NodeKind::sequence;
}

/// One past the last node of `node`'s subtree (nodes are numbered in document order).
NodeId subtree_end(const Document& doc, NodeId node) {
  NodeId end = node + 1;
  for (const NodeId child : doc.children(node)) {
    if (child > node) end = std::max(end, subtree_end(doc, child));  // (an alias points back: not its own)
  }
  return end;
}

}  // namespace

void ObjectDecoder::decode(const Document& doc) {
  if (doc.empty()) return;
  reported_.assign(doc.duplicate_keys().size(), false);
  per_item_duplicates_ = is_root_list(doc);
  if (!per_item_duplicates_) report_duplicate_keys(doc, 0, static_cast<NodeId>(doc.node_count()));
  ObjectReader probe(doc, diags_);
  if (!probe.is_null(doc.root())) {  // else an empty document between `---` lines
    ++file_documents_;
    decode_value(doc, doc.root(), 0);
  }
  report_duplicate_keys(doc, 0, static_cast<NodeId>(doc.node_count()));  // the List's own
  per_item_duplicates_ = false;
}

void ObjectDecoder::decode_value(const Document& doc, NodeId node, int list_depth) {
  const NodeKind k = doc.kind(node);
  if (k == NodeKind::mapping) {
    decode_object(doc, node, {}, {}, list_depth);
  } else if (k == NodeKind::sequence && list_depth == 0) {
    // A JSON array of objects or Lists, as some dump tools write.
    for (const NodeId item : doc.children(node)) decode_value(doc, item, list_depth + 1);
  } else if (k != NodeKind::null) {
    diags_.add(Diagnostic{"input-schema", Severity::error, doc.location(node),
                          fmt::format("expected a Kubernetes object (a mapping), got {}", doc.describe(node)), {}});
  }
}

/// One object, in steps: its type; a List is expanded, anything else counted against the limit,
/// its apiVersion checked, its metadata read, and its body handed to the decoder of its kind.
void ObjectDecoder::decode_object(const Document& doc, NodeId node, const std::string& inherited_kind,
                                  const std::string& inherited_api_version, int list_depth) {
  ObjectReader r(doc, diags_);
  ObjectMeta meta = read_type(r, node, inherited_kind, inherited_api_version);
  if (!r.ok()) return;
  if (meta.kind.empty()) {
    unkinded_.push_back(meta.loc);  // reported by finish_file, which knows whether any document had a kind
    return;
  }
  if (is_list(doc, node, meta)) {
    expand_list(r, node, meta, list_depth);
    return;
  }
  if (!count_and_limit(meta)) return;
  const KindDecoder* decoder = check_api_version(meta);
  if (decoder == nullptr) return;  // counted, skipped
  if (!read_metadata(r, node, *decoder, meta)) return;
  decoder->decode(r, node, std::move(meta), store_);
}

/// Decodes the `items` of a List. A typed List (RoleList) lends its kind and apiVersion to items
/// that omit them; `kind: List` lends nothing. Lists inside Lists are allowed, three deep.
void ObjectDecoder::expand_list(ObjectReader& r, NodeId node, const ObjectMeta& list, int list_depth) {
  if (list_depth >= 3) {
    r.error(node, "Lists nested more than three deep");
    return;
  }
  const Document& doc = r.doc();
  const bool typed = list.kind != "List";
  const std::string item_kind = typed ? list.kind.substr(0, list.kind.size() - 4) : std::string();
  const std::string item_api = typed ? list.api_version : std::string();
  const auto items = r.sequence(node, "items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (list_depth == 0 && per_item_duplicates_) {
      // This item's repeated keys, just before it (as when the List is read item by item).
      report_duplicate_keys(doc, items[i], i + 1 < items.size() ? items[i + 1] : subtree_end(doc, items[i]));
    }
    decode_list_item(doc, items[i], item_kind, item_api, list_depth + 1);
  }
}

void ObjectDecoder::decode_list_item(const Document& doc, NodeId item, const std::string& item_kind, const std::string& item_api,
                                     int list_depth) {
  if (doc.kind(item) != NodeKind::mapping) {
    diags_.add(Diagnostic{"input-schema", Severity::error, doc.location(item),
                          fmt::format("expected an object in 'items', got {}", doc.describe(item)), {}});
    return;
  }
  decode_object(doc, item, item_kind, item_api, list_depth);
}

void ObjectDecoder::begin_list(std::string_view kind, std::string_view api_version) {
  // As decode() and expand_list() would take the List: one document, whose items inherit the
  // kind and apiVersion of a typed List.
  StreamedList list;
  const bool typed = kind != "List";
  if (typed) {
    list.item_kind = std::string(kind.substr(0, kind.size() - 4));
    list.item_api_version = std::string(api_version);
  }
  list.diagnostics = diags_.mark();
  list.objects = objects_;
  list.file_objects = file_objects_;
  list.file_documents = file_documents_;
  list.unkinded = unkinded_.size();
  list.counts = model_.counts;
  store_.hold();  // before list_: out of memory in either leaves no List begun
  list_ = std::move(list);
  ++file_documents_;
}

void ObjectDecoder::decode_item(const Document& item) {
  report_all_duplicate_keys(item);
  decode_list_item(item, item.root(), list_->item_kind, list_->item_api_version, 1);
}

void ObjectDecoder::end_list(const Document& root) {
  report_all_duplicate_keys(root);
  store_.commit();
  list_.reset();
}

void ObjectDecoder::abandon_list() {
  if (!list_) return;
  diags_.rewind(list_->diagnostics);
  objects_ = list_->objects;
  file_objects_ = list_->file_objects;
  file_documents_ = list_->file_documents;
  unkinded_.resize(list_->unkinded);
  model_.counts = std::move(list_->counts);
  store_.discard();
  list_.reset();
}

/// Counts the object against LoadLimits::max_objects. False once over it: the first object over
/// the limit is reported, the rest are dropped silently.
bool ObjectDecoder::count_and_limit(const ObjectMeta& meta) {
  if (++objects_ > limits_.max_objects) {
    if (objects_ == limits_.max_objects + 1) {
      diags_.add(Diagnostic{"input-limit", Severity::error, meta.loc,
                            fmt::format("more than {} objects; the rest are not loaded", limits_.max_objects), {}});
    }
    return false;
  }
  ++file_objects_;
  return true;
}

/// Tallies the object in Model::counts and returns the decoder of its kind, or nullptr when it is
/// only counted: a kind rbacq does not read, or a kind it reads under an API that is not
/// Kubernetes' (OpenShift's legacy `v1` ClusterRole, a CRD reusing a name, a typo, or no
/// apiVersion at all, which kubectl refuses). The latter is counted as "Kind (apiVersion)".
const KindDecoder* ObjectDecoder::check_api_version(const ObjectMeta& meta) {
  const KindDecoder* decoder = find_decoder(meta.kind);
  if (decoder != nullptr && !serves(*decoder, meta.api_version)) {
    ++model_.counts[fmt::format("{} ({})", meta.kind, meta.api_version.empty() ? "no apiVersion" : meta.api_version)];
    diags_.add(Diagnostic{"input-api-version", meta.api_version.empty() ? Severity::error : Severity::note, meta.loc,
                          meta.api_version.empty()
                              ? fmt::format("{} has no 'apiVersion'; kubectl refuses it, so it is not analysed", meta.kind)
                              : fmt::format("{} with apiVersion '{}' is not the Kubernetes {}; counted, not analysed",
                                            meta.kind, meta.api_version, meta.kind),
                          {}});
    return nullptr;
  }
  ++model_.counts[meta.kind];
  return decoder;
}

/// metadata: name (or generateName), namespace, labels, annotations. Every kind needs a name but
/// a kubeconfig; a cluster-scoped object loses the namespace the API server would ignore. False
/// when the object is rejected; otherwise its namespace is recorded as seen.
bool ObjectDecoder::read_metadata(ObjectReader& r, NodeId node, const KindDecoder& decoder, ObjectMeta& meta) {
  const auto md = r.mapping(node, "metadata");
  if (md) {
    meta.name = r.string(*md, "name");
    if (meta.name.empty()) {
      meta.name = r.string(*md, "generateName");
      meta.generated_name = !meta.name.empty();
    }
    meta.namespace_ = r.string(*md, "namespace");
    meta.labels = r.string_map(*md, "labels");
    meta.annotations = kept_annotations(r.string_map(*md, "annotations"));
    meta.ignore_annotation_loc = ignore_annotation_loc(r.doc(), *md);
  }
  if (r.ok() && decoder.scope != KindScope::client && meta.name.empty()) {
    r.error(md ? *md : node, fmt::format("{} has no 'metadata.name'", meta.kind));
  }
  if (decoder.scope != KindScope::namespaced) meta.namespace_.clear();
  if (!r.ok()) return false;
  if (!meta.namespace_.empty()) store_.saw_namespace(meta.namespace_);
  return true;
}

void ObjectDecoder::finish_file(FilePath file, bool explicit_input, bool unreadable) {
  if (unreadable) {
    // The reader already said what is wrong; "empty" or "not a manifest" would only mislead.
  } else if (file_documents_ == 0) {
    diags_.add(Diagnostic{"input-empty", Severity::warning, SourceLocation{file, 0, 0}, "file holds no YAML or JSON document", {}});
  } else if (file_objects_ == 0 && unkinded_.size() == file_documents_) {
    diags_.add(Diagnostic{"input-not-manifest", explicit_input ? Severity::warning : Severity::note, SourceLocation{file, 0, 0},
                          "no Kubernetes object in this file (no document has a 'kind'); skipped", {}});
  } else {
    for (const SourceLocation& loc : unkinded_) {
      diags_.add(Diagnostic{"input-schema", Severity::warning, loc, "document has no 'kind'; skipped", {}});
    }
  }
  store_.finish_file(file);
  diags_.finish_file(file);
  file_documents_ = 0;
  file_objects_ = 0;
  unkinded_.clear();
}

}  // namespace rbacq::analyzer
