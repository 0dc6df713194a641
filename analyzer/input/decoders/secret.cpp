// SPDX-License-Identifier: Apache-2.0
// Secret: its type and the service account it belongs to. `data` is never read.
#include <string_view>

#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

constexpr std::string_view kServiceAccountName = "kubernetes.io/service-account.name";

/// Annotations of a Secret may hold anything, credentials included: only the service-account
/// ones (name, uid of a legacy token Secret) are kept, and rbacq's own, which lint reads to
/// suppress a finding on the Secret.
void keep_service_account_annotations(Labels& annotations) {
  std::erase_if(annotations,
                [](const auto& kv) { return !kv.first.starts_with("kubernetes.io/service-account.") && kv.first != kIgnoreAnnotation; });
}

}  // namespace

void decode_secret(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  keep_service_account_annotations(meta.annotations);
  Secret secret{std::move(meta), r.string(node, "type"), {}};
  for (const auto& [k, v] : secret.meta.annotations) {
    if (k == kServiceAccountName) secret.service_account_name = v;
  }
  if (r.ok()) out.add(std::move(secret));
}

}  // namespace rbacq::analyzer
