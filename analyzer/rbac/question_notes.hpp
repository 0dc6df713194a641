// SPDX-License-Identifier: Apache-2.0
// How a question was read, as data: what the request builder and the answers know that a user
// should be told ("pods/exec is a pod named exec", "nodes is cluster-scoped"). No words here:
// each front end words them in its own terms (query/phrases.hpp: the language's; cli/: kubectl's
// flags), so that one fact reads right wherever it is shown. Notes compare by value, so a list
// of them can skip repeats.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace rbacq::analyzer::rbac {

/// A verb the resource (or subresource) does not serve. RBAC still matches the string.
struct VerbNotServed {
  std::string verb;
  std::string resource;  // qualified, with the subresource: "pods/exec", "deployments.apps"
  std::vector<std::string> verbs;
  friend bool operator==(const VerbNotServed&, const VerbNotServed&) = default;
};

/// A subresource the resource does not have in this Kubernetes minor.
struct UnknownSubresource {
  std::string resource;  // qualified: "pods"
  std::string subresource;
  std::vector<std::string> subresources;  // what it has (may be empty)
  std::string suggestion;                 // the closest one, or empty
  int minor = 0;
  friend bool operator==(const UnknownSubresource&, const UnknownSubresource&) = default;
};

/// A name that is also a subresource of the resource (`pods` named `exec`): the question is
/// about the object of that name, which is probably not what was meant.
struct NameIsSubresource {
  std::string written;   // the resource as the user wrote it ("po")
  std::string resource;  // its plural name ("pods")
  std::string kind;      // its singular, for "the pod named 'exec'"
  std::string name;
  std::string verb;
  friend bool operator==(const NameIsSubresource&, const NameIsSubresource&) = default;
};

/// A create or deletecollection goes to the collection: the URL has no name.
struct CollectionHasNoName {
  std::string verb;
  std::string name;
  friend bool operator==(const CollectionHasNoName&, const CollectionHasNoName&) = default;
};

/// A namespace given for a cluster-scoped resource: the API server's request has none.
struct NamespaceIgnored {
  std::string resource;  // qualified
  friend bool operator==(const NamespaceIgnored&, const NamespaceIgnored&) = default;
};

/// `bind` on ClusterRoles asked in a namespace: how the API server authorizes a RoleBinding in
/// that namespace that refers to a ClusterRole (BindingAuthorized puts the binding's namespace on
/// the request), so that namespace's RoleBindings count.
struct BindInNamespace {
  std::string namespace_;
  friend bool operator==(const BindInNamespace&, const BindInNamespace&) = default;
};

/// A cluster-scoped request denied without its namespace that a SubjectAccessReview with the
/// namespace (what kubectl auth can-i sends) would allow through a RoleBinding there.
struct ReviewWouldAllow {
  std::string resource;
  std::string namespace_;
  std::string binding;  // the RoleBinding that would allow the review
  friend bool operator==(const ReviewWouldAllow&, const ReviewWouldAllow&) = default;
};

/// A namespace given for the Namespace object NAME, whose request is inside NAME itself.
struct NamespaceInItself {
  std::string name;
  friend bool operator==(const NamespaceInItself&, const NamespaceInItself&) = default;
};

/// `*` as a resource is asked in the core group, as kubectl does.
struct WildcardInCoreGroup {
  friend bool operator==(const WildcardInCoreGroup&, const WildcardInCoreGroup&) = default;
};

/// A resource taken literally in a group (not resolved) that is not a resource name there.
struct LiteralResourceUnknown {
  std::string resource;
  std::string suggestion;  // the resource's plural name
  friend bool operator==(const LiteralResourceUnknown&, const LiteralResourceUnknown&) = default;
};

/// `in any namespace` for a cluster-scoped resource: asked with no namespace.
struct ClusterScopedAnyNamespace {
  std::string resource;  // qualified
  friend bool operator==(const ClusterScopedAnyNamespace&, const ClusterScopedAnyNamespace&) = default;
};

/// A question asked with no namespace (ClusterRoleBindings only) that RoleBindings would also
/// allow inside these namespaces.
struct RoleBindingsAlsoAllow {
  std::vector<std::string> namespaces;  // sorted
  friend bool operator==(const RoleBindingsAlsoAllow&, const RoleBindingsAlsoAllow&) = default;
};

/// A user name that starts like a service account's but is not one (`system:serviceaccount:dev`):
/// it is asked as a plain user, without service-account groups.
struct NotAServiceAccountName {
  std::string name;
  friend bool operator==(const NotAServiceAccountName&, const NotAServiceAccountName&) = default;
};

/// A condition compares a column with a value it never has (`kind = serviceaccount`).
struct ValueNeverMatches {
  std::string column;
  std::string value;
  std::vector<std::string> values;  // what the column holds
  std::string suggestion;           // the closest one, or empty
  friend bool operator==(const ValueNeverMatches&, const ValueNeverMatches&) = default;
};

/// A namespace that nothing in the input mentions (and that is not one every cluster has): a
/// typo (`kube-sytem`) would otherwise silently drop every RoleBinding grant.
struct UnknownNamespace {
  std::string namespace_;
  std::vector<std::string> suggestions;  // close names of namespaces the input has
  friend bool operator==(const UnknownNamespace&, const UnknownNamespace&) = default;
};

/// A namespace given for a non-resource URL: such a request has none.
struct UrlHasNoNamespace {
  friend bool operator==(const UrlHasNoNamespace&, const UrlHasNoNamespace&) = default;
};

/// The answer counts Kubernetes 1.`minor`'s default policy (--with-defaults): which minor's,
/// as the default roles differ from one minor to the next.
struct DefaultPolicyVersion {
  int minor = 0;
  friend bool operator==(const DefaultPolicyVersion&, const DefaultPolicyVersion&) = default;
};

using QuestionNote =
    std::variant<VerbNotServed, UnknownSubresource, NameIsSubresource, CollectionHasNoName, NamespaceIgnored, NamespaceInItself,
                 WildcardInCoreGroup, LiteralResourceUnknown, ClusterScopedAnyNamespace, RoleBindingsAlsoAllow, NotAServiceAccountName,
                 UrlHasNoNamespace, ValueNeverMatches, BindInNamespace, ReviewWouldAllow, DefaultPolicyVersion,
                 UnknownNamespace>;

/// Why a request could not be built.
struct UnknownResource {
  std::string resource;  // as written
  int minor = 0;
  std::vector<std::string> candidates;
  friend bool operator==(const UnknownResource&, const UnknownResource&) = default;
};
struct AmbiguousResource {
  std::string resource;
  std::vector<std::string> matches;  // qualified names
  friend bool operator==(const AmbiguousResource&, const AmbiguousResource&) = default;
};
using RequestError = std::variant<UnknownResource, AmbiguousResource>;

}  // namespace rbacq::analyzer::rbac
