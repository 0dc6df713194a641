// SPDX-License-Identifier: Apache-2.0
// Several definitions of one role (two versions of an install manifest, overlays): the model keeps
// the last as the cluster's and the earlier ones in Model::superseded_roles. A binding refers to a
// role by kind, namespace and name, so it refers to every definition alike: what a binding does
// to an earlier definition is what it does to the one that replaces it (issue 11).
#pragma once

#include <map>
#include <string_view>
#include <tuple>

#include "analyzer/model.hpp"

namespace rbacq::analyzer {

class KeptDefinitions {
 public:
  explicit KeptDefinitions(const Model& model);

  /// The definition the cluster keeps in place of `role`: `role` itself when it is one of
  /// Model::roles, the role of the same kind, namespace and name otherwise (nullptr: none).
  [[nodiscard]] const Role* of(const Role& role) const;

 private:
  using Key = std::tuple<bool, std::string_view, std::string_view>;  // cluster, namespace, name
  std::map<Key, const Role*> kept_;  // only for the names that have replaced definitions
};

}  // namespace rbacq::analyzer
