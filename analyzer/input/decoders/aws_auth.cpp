// SPDX-License-Identifier: Apache-2.0
// EKS ConfigMap kube-system/aws-auth → the IAM roles and users it maps to Kubernetes identities.
#include <fmt/format.h>

#include "analyzer/input/decoders/all.hpp"
#include "analyzer/input/yaml_reader.hpp"

namespace rbacq::analyzer {
namespace {

/// `data.mapRoles` and `data.mapUsers` hold YAML inside a string; it is read with the same YAML
/// reader. As aws-iam-authenticator does, a map with any error is ignored whole.
void read_aws_auth(ObjectReader& r, NodeId node, AwsAuth& auth, const LoadLimits& limits) {
  const auto data = r.mapping(node, "data");
  if (!data) return;
  for (const auto& entry : {std::pair{"mapRoles", true}, std::pair{"mapUsers", false}}) {
    // Not structured bindings: lambdas below capture them, which clang accepts only from 16.
    const char* const key = entry.first;
    const bool is_role = entry.second;
    const auto value = r.field(*data, key);
    if (!value || r.doc().kind(*value) != NodeKind::scalar) continue;
    SourceText text;
    text.path = r.doc().file();
    text.bytes = std::string(r.doc().text(*value));
    const SourceLocation at = r.loc(*value);
    // A block scalar's content starts on the line after its indicator; inside a quoted or JSON
    // string positions cannot be mapped back, so every entry gets the string's own position.
    // (yaml-cpp marks block scalars as non-plain, like quoted ones: a multi-line YAML value is taken for a block.)
    const bool block = !r.doc().is_json() && text.bytes.find('\n') != std::string::npos;
    text.first_line = at.line + (block ? 1 : 0);
    std::vector<AwsAuthMapping> mappings;
    Diagnostics inner_diags;
    CappedDiagnostics capped(inner_diags);
    bool ok = true;
    read_yaml(text, limits, inner_diags, [&](const Document& inner) {
      ObjectReader ir(inner, capped);
      if (inner.kind(inner.root()) != NodeKind::sequence) {
        ir.error(inner.root(), fmt::format("expected a sequence in aws-auth '{}', got {}", key, inner.describe(inner.root())));
      }
      for (const NodeId m : inner.kind(inner.root()) == NodeKind::sequence ? inner.children(inner.root()) : std::span<const NodeId>{}) {
        if (inner.kind(m) != NodeKind::mapping) {
          ir.error(m, fmt::format("expected a mapping in aws-auth '{}', got {}", key, inner.describe(m)));
          continue;
        }
        AwsAuthMapping mapping;
        mapping.is_role = is_role;
        mapping.arn = ir.string(m, is_role ? "rolearn" : "userarn");
        mapping.username = ir.string(m, "username");
        mapping.groups = ir.strings(m, "groups");
        mapping.loc = block ? ir.loc(m) : at;
        mappings.push_back(std::move(mapping));
      }
      ok = ok && ir.ok();
    });
    for (Diagnostic& d : inner_diags.sorted()) {
      if (!block) d.loc = at;
      ok = ok && d.severity != Severity::error;
      r.diagnostics().add(std::move(d));
    }
    if (ok) auth.mappings.insert(auth.mappings.end(), mappings.begin(), mappings.end());
  }
}

}  // namespace

void decode_aws_auth(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  // Other ConfigMaps are only counted: on EKS this one maps IAM identities to users and groups.
  if (meta.name != "aws-auth" || meta.namespace_ != "kube-system") return;
  AwsAuth auth{std::move(meta), {}};
  read_aws_auth(r, node, auth, out.limits());
  if (r.ok()) out.add(std::move(auth));
}

}  // namespace rbacq::analyzer
