// SPDX-License-Identifier: Apache-2.0
// ServiceAccount: whether it mounts its token, and the token Secrets it lists.
#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {

void decode_service_account(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  ServiceAccount sa{std::move(meta), r.boolean(node, "automountServiceAccountToken"), {}};
  r.for_each_mapping(node, "secrets", [&](NodeId s) { sa.secrets.push_back(r.string(s, "name")); });
  if (r.ok()) out.add(std::move(sa));
}

}  // namespace rbacq::analyzer
