// SPDX-License-Identifier: Apache-2.0
// Facts about ServiceAccounts that exist in a cluster without being in its manifests.
#pragma once

#include <string_view>

#include "analyzer/model.hpp"

namespace rbacq::analyzer {

/// The account every namespace has, and that pods run as when they name none.
inline constexpr std::string_view kDefaultServiceAccount = "default";

/// Whether ServiceAccount NS/NAME exists without being in the input, created by Kubernetes
/// itself: kube-controller-manager's serviceaccount controller creates a "default" account in
/// every namespace, and with --use-service-account-credentials it creates the kube-system
/// accounts its controllers run as, which the default policy's bindings name (--with-defaults).
/// `binding` is the binding that names the account, if any. Nobody can squat these names: a
/// binding to one does not wait for a stranger to create it.
[[nodiscard]] bool created_by_kubernetes(std::string_view ns, std::string_view name, const Binding* binding);

}  // namespace rbacq::analyzer
