// SPDX-License-Identifier: Apache-2.0
// CustomResourceDefinition: the resource it adds (group, names, scope, versions, subresources),
// so that rules naming it can be checked like built-in ones.
#include <algorithm>
#include <string_view>

#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

void read_crd(ObjectReader& r, NodeId node, CustomResourceDefinition& crd) {
  const auto spec = r.mapping(node, "spec");
  if (!spec) return;
  crd.group = r.string(*spec, "group");
  if (const auto names = r.mapping(*spec, "names")) {
    crd.plural = r.string(*names, "plural");
    crd.singular = r.string(*names, "singular");
    crd.kind = r.string(*names, "kind");
    crd.short_names = r.strings(*names, "shortNames");
  }
  crd.namespaced = r.string(*spec, "scope") != "Cluster";
  const auto add_subresources = [&](NodeId holder) {
    if (const auto sub = r.mapping(holder, "subresources")) {
      for (const std::string_view s : {"status", "scale"}) {
        if (r.doc().find(*sub, s) && std::find(crd.subresources.begin(), crd.subresources.end(), s) == crd.subresources.end()) {
          crd.subresources.emplace_back(s);
        }
      }
    }
  };
  if (auto v = r.string(*spec, "version"); !v.empty()) crd.versions.push_back(std::move(v));  // v1beta1
  add_subresources(*spec);
  r.for_each_mapping(*spec, "versions", [&](NodeId v) {
    crd.versions.push_back(r.string(v, "name"));
    add_subresources(v);
  });
}

}  // namespace

void decode_crd(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  CustomResourceDefinition crd{std::move(meta), {}, {}, {}, {}, {}, true, {}, {}};
  read_crd(r, node, crd);
  if (r.ok()) out.add(std::move(crd));
}

}  // namespace rbacq::analyzer
