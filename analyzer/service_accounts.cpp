// SPDX-License-Identifier: Apache-2.0
#include "analyzer/service_accounts.hpp"

#include "analyzer/catalogue/default_policy.hpp"

namespace rbacq::analyzer {

bool created_by_kubernetes(std::string_view ns, std::string_view name, const Binding* binding) {
  if (name == kDefaultServiceAccount) return true;
  return binding != nullptr && ns == "kube-system" && binding->meta.loc.file.str().starts_with(catalogue::kBuiltinPrefix);
}

}  // namespace rbacq::analyzer
