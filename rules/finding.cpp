// SPDX-License-Identifier: Apache-2.0
#include "rules/finding.hpp"

namespace rbacq::rules {

std::string to_string(const ObjectRef& object) {
  if (object.kind.empty()) return {};
  return object.namespace_.empty() ? object.kind + "/" + object.name : object.kind + "/" + object.namespace_ + "/" + object.name;
}

}  // namespace rbacq::rules
