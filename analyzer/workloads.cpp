// SPDX-License-Identifier: Apache-2.0
#include "analyzer/workloads.hpp"

#include "analyzer/service_accounts.hpp"

namespace rbacq::analyzer {

const std::string& service_account_of(const Workload& workload) {
  static const std::string default_account(kDefaultServiceAccount);
  return workload.pod.service_account_name.empty() ? default_account : workload.pod.service_account_name;
}

}  // namespace rbacq::analyzer
