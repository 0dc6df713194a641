// SPDX-License-Identifier: Apache-2.0
#include "analyzer/workloads.hpp"

#include <algorithm>

#include "analyzer/service_accounts.hpp"

namespace rbacq::analyzer {

bool is_mirror_pod(const Workload& workload) {
  return workload.meta.kind == "Pod" && std::any_of(workload.meta.annotations.begin(), workload.meta.annotations.end(),
                                                    [](const auto& kv) { return kv.first == kMirrorPodAnnotation; });
}

const std::string* service_account_of(const Workload& workload) {
  static const std::string default_account(kDefaultServiceAccount);
  if (is_mirror_pod(workload)) return nullptr;
  return workload.pod.service_account_name.empty() ? &default_account : &workload.pod.service_account_name;
}

}  // namespace rbacq::analyzer
