// SPDX-License-Identifier: Apache-2.0
// Shorthands for the authorization tests: rules, requests, users, and a policy loaded from YAML.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "test_support.hpp"

namespace rbacq::test {

using Strings = std::vector<std::string>;

inline analyzer::PolicyRule rule(Strings verbs, Strings groups, Strings resources, Strings names = {}) {
  analyzer::PolicyRule r;
  r.verbs = std::move(verbs);
  r.api_groups = std::move(groups);
  r.resources = std::move(resources);
  r.resource_names = std::move(names);
  return r;
}

inline analyzer::PolicyRule url_rule(Strings verbs, Strings urls) {
  analyzer::PolicyRule r;
  r.verbs = std::move(verbs);
  r.non_resource_urls = std::move(urls);
  return r;
}

/// A resource request; `resource` may be "pods/log" for a subresource.
inline analyzer::rbac::RequestAttributes request(std::string verb, std::string group, std::string resource, std::string ns = "",
                                                 std::string name = "") {
  analyzer::rbac::RequestAttributes a;
  a.verb = std::move(verb);
  a.api_group = std::move(group);
  if (const auto slash = resource.find('/'); slash != std::string::npos) {
    a.subresource = resource.substr(slash + 1);
    resource.resize(slash);
  }
  a.resource = std::move(resource);
  a.namespace_ = std::move(ns);
  a.name = std::move(name);
  return a;
}

inline analyzer::rbac::RequestAttributes url_request(std::string verb, std::string path) {
  analyzer::rbac::RequestAttributes a;
  a.resource_request = false;
  a.verb = std::move(verb);
  a.path = std::move(path);
  return a;
}

inline analyzer::rbac::UserInfo user(std::string name, Strings groups = {}) { return {std::move(name), std::move(groups)}; }

/// Manifests loaded and resolved as rbacq does (aggregation, optional default policy); the
/// namespace default is off, so that objects keep the namespace they were written with.
class Policy {
 public:
  explicit Policy(std::string_view yaml, bool with_defaults = false) {
    analyzer::AnalysisOptions options;
    options.with_defaults = with_defaults;
    options.default_namespace.clear();
    context_ = std::make_unique<analyzer::AnalysisContext>(load(yaml), options);
  }
  [[nodiscard]] const analyzer::AnalysisContext& context() const { return *context_; }
  [[nodiscard]] const analyzer::rbac::Authorizer& authorizer() const { return context_->authorizer(); }
  [[nodiscard]] analyzer::rbac::Decision decide(const analyzer::rbac::UserInfo& u, const analyzer::rbac::RequestAttributes& r) const {
    return authorizer().authorize(u, r);
  }
  [[nodiscard]] bool allows(const analyzer::rbac::UserInfo& u, const analyzer::rbac::RequestAttributes& r) const {
    return decide(u, r).allowed();
  }
  /// who-can as "Kind name" / "ServiceAccount ns/name" strings, in the order returned.
  [[nodiscard]] Strings who_can(const analyzer::rbac::RequestAttributes& r) const {
    Strings out;
    for (const auto& s : authorizer().who_can(r).subjects) {
      out.push_back(s.subject.kind + " " + (s.subject.namespace_.empty() ? "" : s.subject.namespace_ + "/") + s.subject.name);
    }
    return out;
  }

 private:
  std::unique_ptr<analyzer::AnalysisContext> context_;
};

/// YAML for a ClusterRole with one rule given as flow sequences, e.g. cluster_role("r", "[get]", "['']", "[pods]").
/// More rules can be appended as "- {verbs: …}" lines.
inline std::string cluster_role(std::string_view name, std::string_view verbs, std::string_view groups, std::string_view resources,
                                std::string_view names = {}) {
  std::string extra = names.empty() ? std::string() : ", resourceNames: " + std::string(names);
  return std::string("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: '") + std::string(name) +
         "'}\nrules:\n- {verbs: " + std::string(verbs) + ", apiGroups: " + std::string(groups) + ", resources: " + std::string(resources) +
         extra + "}\n";
}

inline std::string role(std::string_view ns, std::string_view name, std::string_view verbs, std::string_view groups,
                        std::string_view resources) {
  return std::string("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: '") + std::string(name) +
         "', namespace: '" + std::string(ns) + "'}\nrules:\n- {verbs: " + std::string(verbs) + ", apiGroups: " + std::string(groups) +
         ", resources: " + std::string(resources) + "}\n";
}

/// A ClusterRoleBinding; `subjects` is a flow sequence such as "[{kind: User, name: alice}]".
inline std::string cluster_binding(std::string_view name, std::string_view role_kind, std::string_view role_name,
                                   std::string_view subjects) {
  return std::string("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: '") +
         std::string(name) + "'}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: " + std::string(role_kind) + ", name: '" +
         std::string(role_name) + "'}\nsubjects: " + std::string(subjects) + "\n";
}

inline std::string binding(std::string_view ns, std::string_view name, std::string_view role_kind, std::string_view role_name,
                           std::string_view subjects) {
  return std::string("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: '") + std::string(name) +
         "', namespace: '" + std::string(ns) + "'}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: " + std::string(role_kind) +
         ", name: '" + std::string(role_name) + "'}\nsubjects: " + std::string(subjects) + "\n";
}

}  // namespace rbacq::test
