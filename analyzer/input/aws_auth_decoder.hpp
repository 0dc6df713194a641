// SPDX-License-Identifier: Apache-2.0
// EKS ConfigMap kube-system/aws-auth → the IAM roles and users it maps to Kubernetes identities.
#pragma once

#include "analyzer/input/object_reader.hpp"
#include "analyzer/input/source_text.hpp"

namespace rbacq::analyzer {

/// `data.mapRoles` and `data.mapUsers` hold YAML inside a string; it is read with the same YAML
/// reader. As aws-iam-authenticator does, a map with any error is ignored whole.
void read_aws_auth(ObjectReader& r, NodeId node, AwsAuth& auth, const LoadLimits& limits);

}  // namespace rbacq::analyzer
