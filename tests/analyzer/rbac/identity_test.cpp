// SPDX-License-Identifier: Apache-2.0
// Identities and the groups the authentication layer adds: k8s-rbac-semantics §4 and the
// impersonation rules of §7.
#include "analyzer/rbac/identity.hpp"

#include <doctest/doctest.h>

#include "rbac_fixture.hpp"

namespace rbacq::test {

using analyzer::rbac::authenticated_user;
using analyzer::rbac::split_service_account_username;

TEST_CASE("identity: service-account usernames split only with four valid parts") {
  const auto sa = split_service_account_username("system:serviceaccount:kube-system:admin");
  REQUIRE(sa);
  CHECK(sa->namespace_ == "kube-system");
  CHECK(sa->name == "admin");
  CHECK(split_service_account_username("system:serviceaccount:ns:a.b-c"));
  CHECK_FALSE(split_service_account_username("system:serviceaccount:ns"));
  CHECK_FALSE(split_service_account_username("system:serviceaccount:ns:a:b"));
  CHECK_FALSE(split_service_account_username("system:serviceaccount::a"));
  CHECK_FALSE(split_service_account_username("system:serviceaccount:NS:a"));
  CHECK_FALSE(split_service_account_username("system:serviceaccount:ns:"));
  CHECK_FALSE(split_service_account_username("system:serviceaccounts:ns:a"));
  CHECK_FALSE(split_service_account_username("alice"));
}

TEST_CASE("identity: the groups an identity gets") {
  CHECK(authenticated_user("alice", {}).groups == Strings{"system:authenticated"});
  CHECK(authenticated_user("alice", {"dev"}).groups == Strings{"dev", "system:authenticated"});
  CHECK(authenticated_user("system:serviceaccount:ci:deployer", {}).groups ==
        Strings{"system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"});
  // As impersonation: explicit groups replace the service-account groups.
  CHECK(authenticated_user("system:serviceaccount:ci:deployer", {"x"}).groups == Strings{"x", "system:authenticated"});
  CHECK(authenticated_user("system:anonymous", {}).groups == Strings{"system:unauthenticated"});
  CHECK(authenticated_user("system:anonymous", {"system:unauthenticated"}).groups == Strings{"system:unauthenticated"});
  // Given explicitly, system:unauthenticated keeps system:authenticated away.
  CHECK(authenticated_user("bob", {"system:unauthenticated"}).groups == Strings{"system:unauthenticated"});
  CHECK(authenticated_user("bob", {"system:authenticated"}).groups == Strings{"system:authenticated"});
  CHECK(authenticated_user("admin", {"system:masters"}).groups == Strings{"system:masters", "system:authenticated"});
}

TEST_CASE("identity: DNS names as Kubernetes validates them") {
  CHECK(analyzer::rbac::is_dns1123_label("kube-system"));
  CHECK_FALSE(analyzer::rbac::is_dns1123_label("-a"));
  CHECK_FALSE(analyzer::rbac::is_dns1123_label("a.b"));
  CHECK_FALSE(analyzer::rbac::is_dns1123_label(std::string(64, 'a')));
  CHECK(analyzer::rbac::is_dns1123_subdomain("a.b-c.d"));
  CHECK_FALSE(analyzer::rbac::is_dns1123_subdomain("a..b"));
  CHECK_FALSE(analyzer::rbac::is_dns1123_subdomain("A"));
}

}  // namespace rbacq::test

namespace rbacq::test {

TEST_CASE("identity: Kubernetes' own components are users and groups named system:*, and the default policy's accounts") {
  using analyzer::rbac::is_system_component;
  CHECK(is_system_component("Group", "system:masters", "", 35));
  CHECK(is_system_component("Group", "system:nodes", "", 35));
  CHECK(is_system_component("User", "system:kube-scheduler", "", 35));
  CHECK(is_system_component("User", "system:node:worker-1", "", 35));
  // Everyone of a kind is not a component: a grant to them is a grant to people and workloads.
  CHECK_FALSE(is_system_component("User", "system:anonymous", "", 35));
  CHECK_FALSE(is_system_component("Group", "system:unauthenticated", "", 35));
  CHECK_FALSE(is_system_component("Group", "system:authenticated", "", 35));
  CHECK_FALSE(is_system_component("Group", "system:serviceaccounts", "", 35));
  CHECK_FALSE(is_system_component("Group", "system:serviceaccounts:kube-system", "", 35));
  CHECK_FALSE(is_system_component("Group", "platform-admins", "", 35));
  // ServiceAccounts: the ones the default policy binds (kube-controller-manager's controllers).
  CHECK(is_system_component("ServiceAccount", "namespace-controller", "kube-system", 35));
  CHECK(is_system_component("ServiceAccount", "bootstrap-signer", "kube-system", 27));
  CHECK_FALSE(is_system_component("ServiceAccount", "namespace-controller", "default", 35));
  CHECK_FALSE(is_system_component("ServiceAccount", "admin", "kube-system", 35));
  CHECK_FALSE(is_system_component("ServiceAccount", "default", "kube-system", 35));
  // A user named as a service account is judged as that account.
  CHECK(is_system_component("User", "system:serviceaccount:kube-system:job-controller", "", 35));
  CHECK_FALSE(is_system_component("User", "system:serviceaccount:ci:deployer", "", 35));
  CHECK_FALSE(is_system_component("User", "system:serviceaccount:bad", "", 35));
}

}  // namespace rbacq::test
