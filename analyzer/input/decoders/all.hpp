// SPDX-License-Identifier: Apache-2.0
// The per-kind decoders, one file each, all with DecodeFn's signature; the table in
// analyzer/input/decoders.cpp says which kinds each reads.
#pragma once

#include <string>
#include <utility>

#include "analyzer/input/document.hpp"
#include "analyzer/input/object_reader.hpp"
#include "analyzer/input/object_store.hpp"
#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

void decode_role(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);             // Role, ClusterRole
void decode_binding(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);          // RoleBinding, ClusterRoleBinding
void decode_service_account(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);
void decode_namespace(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);
void decode_secret(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);
void decode_workload(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);         // Pod and pod templates
void decode_crd(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);
void decode_kubeconfig(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);       // Config
void decode_aws_auth(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out);         // ConfigMap

// Shared by the decoders.

/// What API validation (pkg/apis/rbac/validation) would refuse never exists in a cluster. It is
/// kept, with a warning [input-invalid], so that the analysis shows what the manifest says.
inline void report_invalid(ObjectReader& r, const SourceLocation& loc, std::string message) {
  r.diagnostics().add(Diagnostic{"input-invalid", Severity::warning, loc, "the API server rejects this: " + std::move(message), {}});
}

}  // namespace rbacq::analyzer
