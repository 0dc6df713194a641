// SPDX-License-Identifier: Apache-2.0
// A subject of a binding as who-can lists it.
#pragma once

#include <compare>
#include <string>

namespace rbacq::analyzer::rbac {

/// A subject as written in a binding, with a ServiceAccount's namespace defaulted.
struct SubjectKey {
  std::string kind;
  std::string name;
  std::string namespace_;
  friend auto operator<=>(const SubjectKey&, const SubjectKey&) = default;
};

}  // namespace rbacq::analyzer::rbac
