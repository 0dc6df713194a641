// SPDX-License-Identifier: Apache-2.0
// Namespace: only its metadata.
#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {

void decode_namespace(ObjectReader& /*r*/, NodeId /*node*/, ObjectMeta meta, ObjectStore& out) {
  out.saw_namespace(meta.name);
  out.add(Namespace{std::move(meta)});
}

}  // namespace rbacq::analyzer
