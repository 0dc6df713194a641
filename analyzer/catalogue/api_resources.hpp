// SPDX-License-Identifier: Apache-2.0
// The API resources a Kubernetes release serves: name, group, kind, scope, verbs and
// subresources. Compiled in per minor version, extended with the CRDs of the input. It turns
// what a user types (`deploy`, `deployments.apps`, `Pod`) into the group and resource the API
// server authorizes, and says whether a resource is namespaced.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model.hpp"
#include "support/source_location.hpp"

namespace rbacq::analyzer::catalogue {

/// Kubernetes minor versions with a compiled-in catalogue (1.MIN .. 1.MAX).
inline constexpr int kOldestMinor = 27;
inline constexpr int kNewestMinor = 35;

struct Subresource {
  std::string name;
  std::vector<std::string> verbs;
};

struct ApiResource {
  std::string name;  // plural, as RBAC rules name it: "deployments"
  std::string group;  // "" for the core group
  std::string kind;
  std::string singular;
  std::vector<std::string> short_names;
  bool namespaced = true;
  /// Verbs the API server serves, plus the verbs only authorization checks use on it (bind,
  /// escalate, impersonate, approve, sign, attest).
  std::vector<std::string> verbs;
  std::vector<Subresource> subresources;
  /// True for names that exist only in RBAC (users, groups, signers, …): nothing is served.
  bool authorization_only = false;
  /// The CRD that defines it, for resources from the input.
  std::optional<SourceLocation> crd;

  /// "deployments.apps", or "pods" for the core group.
  [[nodiscard]] std::string qualified_name() const { return group.empty() ? name : name + "." + group; }
  [[nodiscard]] const Subresource* subresource(std::string_view sub) const;
};

/// A version like "1.31" → 31; nullopt when it is not 1.27 … 1.35.
[[nodiscard]] std::optional<int> parse_version(std::string_view text);

class ApiCatalogue {
 public:
  /// The built-in resources of Kubernetes 1.`minor`, plus the CRDs (later CRDs of a name win).
  ApiCatalogue(int minor, const std::vector<CustomResourceDefinition>& crds);

  [[nodiscard]] int minor() const { return minor_; }
  [[nodiscard]] const std::vector<ApiResource>& resources() const { return resources_; }

  /// The resource exactly as RBAC names it: plural name and group.
  [[nodiscard]] const ApiResource* find(std::string_view group, std::string_view name) const;

  /// Whether Kubernetes itself serves resources in `group` in this minor (not only a CRD).
  [[nodiscard]] bool is_builtin_group(std::string_view group) const { return builtin_groups_.contains(group); }

  struct Lookup {
    std::vector<const ApiResource*> matches;  // one: resolved; several: ambiguous; none: unknown
    std::vector<std::string> candidates;      // close names when nothing matched
  };
  /// Resolves TYPE as kubectl does: plural, singular, short name or kind, case-insensitively,
  /// optionally qualified by group (`deployments.apps`) or version and group
  /// (`deployments.v1.apps`). The core group wins a tie with other groups (`events`), as in
  /// kubectl; built-in resources win over CRDs.
  [[nodiscard]] Lookup resolve(std::string_view type) const;

 private:
  [[nodiscard]] Lookup lookup(std::string_view type) const;

  int minor_;
  std::vector<ApiResource> resources_;
  /// resources_ in (group, name) order, for find(): lint asks it for every rule.
  std::vector<std::size_t> by_name_;
  std::set<std::string, std::less<>> builtin_groups_;
  /// resolve() scans every resource; questions repeat the same few types.
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, Lookup, std::less<>> cache_;
};

}  // namespace rbacq::analyzer::catalogue
