// SPDX-License-Identifier: Apache-2.0
// k8s_minor(): the Kubernetes minor version the analysis assumes (--k8s-version), for
// conditions whose answer changed between releases — before 1.35 a WebSocket exec needed only
// `get` on pods/exec (KEP-4006, gate AuthorizePodWebsocketUpgradeCreatePermission).
#include <fmt/format.h>

#include "query/functions/all.hpp"

namespace rbacq::query::builtin {
namespace {

class MinorFunction final : public BoundFunction {
 public:
  explicit MinorFunction(int minor) : minor_(minor) {}
  [[nodiscard]] Value call(const Row& /*row*/) const override { return Value::count(static_cast<std::size_t>(minor_)); }

 private:
  int minor_;
};

}  // namespace

Bound bind_k8s_minor(const Operand& call, const Schema& /*schema*/, const BindContext& bind) {
  if (!call.arguments.empty()) {
    return fail(bind.source.error(call.span, fmt::format("k8s_minor() takes no arguments, not {}: write k8s_minor() < 35", call.arguments.size())));
  }
  return std::make_shared<const MinorFunction>(bind.analysis.options().k8s_minor);
}

}  // namespace rbacq::query::builtin
