// SPDX-License-Identifier: Apache-2.0
// The compiled-in table of built-in API resources (see builtin_resources.cpp).
#pragma once

#include <span>
#include <string_view>

namespace rbacq::analyzer::catalogue {

/// One row of the table. Lists are space-separated; subresources are `NAME=VERB,VERB`.
struct BuiltinResource {
  std::string_view group;
  std::string_view name;
  std::string_view kind;
  std::string_view short_names;
  bool namespaced;
  std::string_view verbs;
  std::string_view subresources;
  int since_minor;  // first 1.x that serves it (alpha included: RBAC rules name it from then on)
  int until_minor;  // last 1.x that serves it; 0: still served
  bool authorization_only = false;
};

[[nodiscard]] std::span<const BuiltinResource> builtin_resources();

}  // namespace rbacq::analyzer::catalogue
