// SPDX-License-Identifier: Apache-2.0
// Builds the authorizer attributes of a question as the API server would build them for the
// real request (RequestInfo, k8s-rbac-semantics §1), from what a user types: kubectl's
// `VERB TYPE[/NAME]` or `VERB /URL`, `--subresource`, `-n`/`-A` and `--api-group`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/rbac/request.hpp"
#include "support/result.hpp"

namespace rbacq::analyzer::rbac {

struct RequestSpec {
  std::string verb;
  std::string target;  // TYPE, TYPE/NAME or /URL
  std::string subresource;
  std::optional<std::string> namespace_;  // -n; nullopt: the default namespace
  bool all_namespaces = false;            // -A
  std::optional<std::string> api_group;   // --api-group: take TYPE verbatim
  std::string default_namespace = "default";
  /// Word notes and errors for the query language (`in NS`, `named NAME`, `pods/exec`) rather
  /// than for kubectl's flags (`-n`, TYPE/NAME, `--subresource`, `--api-group`).
  bool query_words = false;
};

struct BuiltRequest {
  RequestAttributes attributes;
  const catalogue::ApiResource* resource = nullptr;  // nullptr for URLs and --api-group
  /// What a user should know about how the question was read ("pods/exec is a pod named
  /// exec", "nodes is cluster-scoped: -n ignored").
  std::vector<std::string> notes;
};

/// The request, or an error (unknown resource with candidates, ambiguous name, a URL with a
/// subresource, …). Errors have no location: they are about the command line.
[[nodiscard]] Result<BuiltRequest> build_request(const RequestSpec& spec, const catalogue::ApiCatalogue& catalogue);

}  // namespace rbacq::analyzer::rbac
