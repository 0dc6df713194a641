// SPDX-License-Identifier: Apache-2.0
#include "query/phrases.hpp"

#include <fmt/format.h>

#include "analyzer/catalogue/api_resources.hpp"

#include "support/overloaded.hpp"

namespace rbacq::query {
namespace {

using namespace analyzer::rbac;  // NOLINT(google-build-using-namespace): the note types

class LanguagePhrases final : public Phrasebook {
 public:
  [[nodiscard]] std::string namespace_option() const override { return "'in NAMESPACE'"; }
  [[nodiscard]] std::string literal_resource() const override { return "with 'of group', the resource"; }
  [[nodiscard]] std::string every_group() const override { return "write '* of group \"*\"' for every group"; }
  [[nodiscard]] std::string name_is_subresource(const NameIsSubresource& n) const override {
    return fmt::format("this asks about the {} named '{}'; for the subresource, write {}/{}", n.kind, n.name, n.resource, n.name);
  }
  [[nodiscard]] std::string ask_in_namespace() const override { return "ask with 'in NAMESPACE' to see who"; }
  [[nodiscard]] std::string literal_resource_hint(const std::string& resource) const override {
    return fmt::format("to ask about it anyway, give its group: {} of group GROUP (\"\" is the core group)", resource);
  }
};

}  // namespace

const Phrasebook& language_phrases() {
  static const LanguagePhrases words;
  return words;
}

std::string describe(const QuestionNote& note, const Phrasebook& words) {
  return std::visit(
      Overloaded{
          [](const VerbNotServed& n) {
            return fmt::format("'{}' is not a verb of {} (verbs: {}); RBAC still matches it as a string", n.verb, n.resource,
                               fmt::join(n.verbs, ", "));
          },
          [](const UnknownSubresource& n) {
            std::string out = n.subresources.empty()
                                  ? fmt::format("{} has no subresources in Kubernetes 1.{}", n.resource, n.minor)
                                  : fmt::format("{} has no subresource '{}' in Kubernetes 1.{} (it has: {})", n.resource, n.subresource,
                                                n.minor, fmt::join(n.subresources, ", "));
            if (!n.suggestion.empty()) out += fmt::format("; did you mean '{}'?", n.suggestion);
            return out;
          },
          [&](const NameIsSubresource& n) { return words.name_is_subresource(n); },
          [](const CollectionHasNoName& n) {
            return fmt::format("a {} request has no name (it goes to the collection): '{}' is ignored, and rules with "
                               "resourceNames never allow it",
                               n.verb, n.name);
          },
          [&](const NamespaceIgnored& n) {
            return fmt::format("{} is cluster-scoped: the API server's request has no namespace, so {} is ignored (only "
                               "ClusterRoleBindings can allow it)",
                               n.resource, words.namespace_option());
          },
          [&](const NamespaceInItself& n) {
            return fmt::format("the request for namespace '{}' is in namespace '{}' itself: {} is ignored", n.name, n.name,
                               words.namespace_option());
          },
          [&](const WildcardInCoreGroup&) { return fmt::format("'*' is asked in the core group, as kubectl does; {}", words.every_group()); },
          [&](const LiteralResourceUnknown& n) {
            return fmt::format("{} is taken literally: '{}' is not a resource name (did you mean '{}'?)", words.literal_resource(),
                               n.resource, n.suggestion);
          },
          [](const ClusterScopedAnyNamespace& n) {
            return fmt::format("{} is cluster-scoped: 'in any namespace' asks with no namespace (only ClusterRoleBindings count)",
                               n.resource);
          },
          [&](const RoleBindingsAlsoAllow& n) {
            constexpr std::size_t shown_at_most = 10;
            const std::size_t shown = std::min(n.namespaces.size(), shown_at_most);
            return fmt::format("RoleBindings also allow this inside {} namespace{}: {}{} ({})", n.namespaces.size(),
                               n.namespaces.size() == 1 ? "" : "s",
                               fmt::join(n.namespaces.begin(), n.namespaces.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
                               n.namespaces.size() > shown ? ", …" : "", words.ask_in_namespace());
          },
          [](const NotAServiceAccountName& n) {
            return fmt::format("'{}' is not a valid service-account name (system:serviceaccount:NAMESPACE:NAME): it is asked as a "
                               "plain user of that name, without service-account groups",
                               n.name);
          },
          [](const UnknownNamespace& n) {
            std::string out = fmt::format("namespace '{}' appears nowhere in the input: no RoleBinding there, so only ClusterRoleBindings "
                                          "can allow it",
                                          n.namespace_);
            if (!n.suggestions.empty()) out += fmt::format("; did you mean {}?", fmt::join(n.suggestions, ", "));
            return out;
          },
          [](const BindInNamespace& n) {
            return fmt::format("bind on clusterroles is asked in namespace {}, as the API server asks it for a RoleBinding in {} that "
                               "refers to a ClusterRole (BindingAuthorized): {}'s RoleBindings count as well as ClusterRoleBindings",
                               n.namespace_, n.namespace_, n.namespace_);
          },
          [](const ReviewWouldAllow& n) {
            return fmt::format("kubectl auth can-i would say yes: it sends namespace {} with the question, and RoleBinding {}/{} allows {} "
                               "there; but a real request for {} has no namespace, so only ClusterRoleBindings can allow it — the "
                               "answer here is the real request's",
                               n.namespace_, n.namespace_, n.binding, n.resource, n.resource);
          },
          [](const ValueNeverMatches& n) {
            std::string out = fmt::format("'{}' is never '{}': it is one of {}", n.column, n.value, fmt::join(n.values, ", "));
            if (!n.suggestion.empty()) out += fmt::format(" (did you mean '{}'? values are compared exactly, case included)", n.suggestion);
            return out;
          },
          [&](const UrlHasNoNamespace&) { return fmt::format("a non-resource URL has no namespace: {} is ignored", words.namespace_option()); },
          [](const DefaultPolicyVersion& n) {
            return fmt::format("--with-defaults: Kubernetes 1.{}'s default policy (--k8s-version 1.{}; default 1.{})", n.minor, n.minor,
                               analyzer::catalogue::kNewestMinor);
          },
      },
      note);
}

Sentence describe(const RequestError& error, const Phrasebook& words) {
  return std::visit(Overloaded{
                        [&](const UnknownResource& e) {
                          Sentence s{fmt::format("the resource type '{}' is not served by Kubernetes 1.{} and no loaded "
                                                 "CustomResourceDefinition defines it",
                                                 e.resource, e.minor),
                                     {}};
                          if (!e.candidates.empty()) s.notes.push_back(fmt::format("did you mean: {}?", fmt::join(e.candidates, ", ")));
                          s.notes.push_back(words.literal_resource_hint(e.resource));
                          return s;
                        },
                        [](const AmbiguousResource& e) {
                          return Sentence{fmt::format("the resource type '{}' is ambiguous: it is {}; name one with its group", e.resource,
                                                      fmt::join(e.matches, " and ")),
                                          {}};
                        },
                    },
                    error);
}

}  // namespace rbacq::query
