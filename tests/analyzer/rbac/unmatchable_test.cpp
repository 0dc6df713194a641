// SPDX-License-Identifier: Apache-2.0
// The parts of a rule no request can match (lint rule rule-never-matches), judged against the
// API resources of a minor: k8s-rbac-semantics §2 and §11.
#include "analyzer/rbac/unmatchable.hpp"

#include <doctest/doctest.h>

#include "rbac_fixture.hpp"

namespace rbacq::test {
namespace {

using analyzer::catalogue::ApiCatalogue;

/// rbac_fixture's rule(verbs, groups, resources), read in the order rules are written.
analyzer::PolicyRule resource_rule(Strings groups, Strings resources, Strings verbs) {
  return rule(std::move(verbs), std::move(groups), std::move(resources));
}

std::vector<std::string> parts(const analyzer::PolicyRule& r, int minor = 35) {
  static const std::vector<analyzer::CustomResourceDefinition> none;
  const ApiCatalogue catalogue(minor, none);
  return analyzer::rbac::unmatchable_parts(r, catalogue);
}

}  // namespace

TEST_CASE("unmatchable: rules that match what the API serves have no unmatchable part") {
  CHECK(parts(resource_rule({"", "apps"}, {"pods", "pods/exec", "deployments", "deployments/scale", "*/scale"}, {"get", "create", "proxy"})).empty());
  CHECK(parts(resource_rule({"*"}, {"*"}, {"*"})).empty());
  CHECK(parts(resource_rule({"rbac.authorization.k8s.io"}, {"roles", "clusterroles"}, {"bind", "escalate"})).empty());
  CHECK(parts(resource_rule({""}, {"users", "groups", "serviceaccounts"}, {"impersonate"})).empty());
  CHECK(parts(resource_rule({"certificates.k8s.io"}, {"signers"}, {"approve"})).empty());
  // Groups Kubernetes does not serve itself are not judged: CRDs, aggregated APIs.
  CHECK(parts(resource_rule({"metrics.k8s.io"}, {"pods"}, {"get"})).empty());
  CHECK(parts(resource_rule({"example.com"}, {"widgets", "widgets/status"}, {"frobnicate"})).empty());
  CHECK(parts(url_rule({"get"}, {"/metrics"})).empty());
}

TEST_CASE("unmatchable: the wrong group, singular or misspelt resources, pods/*, upper case, empty lists") {
  CHECK(parts(resource_rule({""}, {"deployments"}, {"get"})) ==
        std::vector<std::string>{"resource deployments is not in apiGroups [\"\"]: it is served in apps"});
  CHECK(parts(resource_rule({""}, {"pod"}, {"get"})) ==
        std::vector<std::string>{"resource pod is not a plural resource name: rules name pods (group \"\")"});
  CHECK(parts(resource_rule({""}, {"pods/*"}, {"get"})).size() == 1);
  CHECK(parts(resource_rule({""}, {"Pods"}, {"get"})).size() == 1);
  CHECK(parts(resource_rule({""}, {"pods"}, {"GET"})) ==
        std::vector<std::string>{"verb GET has upper-case letters: verbs are compared case-sensitively (get)"});
  CHECK(parts(resource_rule({}, {"pods"}, {"get"})) == std::vector<std::string>{"apiGroups is empty"});
  CHECK(parts(resource_rule({""}, {}, {"get"})) == std::vector<std::string>{"resources is empty"});
  CHECK(parts(resource_rule({""}, {"pods"}, {})) == std::vector<std::string>{"verbs is empty"});
  CHECK(parts(resource_rule({""}, {"pods/exce"}, {"create"})).size() == 1);
  CHECK(parts(resource_rule({"apps"}, {"*/scle"}, {"get"})).size() == 1);
}

TEST_CASE("unmatchable: a verb nothing asks of the rule's resources") {
  // bind is checked on roles and clusterroles, never on bindings (peers get this wrong).
  CHECK(parts(resource_rule({"rbac.authorization.k8s.io"}, {"rolebindings"}, {"bind"})) ==
        std::vector<std::string>{"verb bind is asked of none of resources [rolebindings]"});
  CHECK(parts(resource_rule({""}, {"pods"}, {"exec"})).size() == 1);
  // With a resource that has it, the verb is fine for the whole rule.
  CHECK(parts(resource_rule({"rbac.authorization.k8s.io"}, {"rolebindings", "roles"}, {"bind"})).empty());
  // A resource the rule's groups do not know leaves verbs unjudged.
  CHECK(parts(resource_rule({""}, {"widgets"}, {"frobnicate"})).size() == 1);
}

TEST_CASE("unmatchable: resources removed from Kubernetes, by minor") {
  CHECK(parts(resource_rule({"policy"}, {"podsecuritypolicies"}, {"use"}), 35).size() == 1);
  CHECK(parts(resource_rule({"policy"}, {"poddisruptionbudgets"}, {"get"}), 27).empty());
}

}  // namespace rbacq::test

namespace rbacq::test {

TEST_CASE("unmatchable: subresources only authorization checks ask about are matched") {
  // OwnerReferencesPermissionEnforcement asks update on R/finalizers of the owner.
  CHECK(parts(resource_rule({"apps"}, {"deployments/finalizers"}, {"update"})).empty());
  CHECK(parts(resource_rule({"", "discovery.k8s.io"}, {"endpoints/restricted", "endpointslices/restricted"}, {"create"})).empty());
  CHECK(parts(resource_rule({"certificates.k8s.io"}, {"certificatesigningrequests/nodeclient"}, {"create"})).empty());
  CHECK(parts(resource_rule({"authentication.k8s.io"}, {"userextras/scopes.authorization.openshift.io"}, {"impersonate"})).empty());
  // rollback was a subresource of extensions/v1beta1 Deployments only.
  CHECK(parts(resource_rule({"apps"}, {"deployments/rollback"}, {"create"})).size() == 1);
}

}  // namespace rbacq::test
