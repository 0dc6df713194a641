// SPDX-License-Identifier: Apache-2.0
// The bundled incident scenario loads completely (fixtures/clusters/kubeadm, #2).
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace rbacq;

TEST_CASE("kubeadm scenario: every object of the incident is loaded without diagnostics (#2)") {
  const auto r = analyzer::load({test::source_path("fixtures/clusters/kubeadm")});
  CHECK(r.diagnostics.empty());
  CHECK(r.model.counts == std::map<std::string, std::size_t>{{"ClusterRole", 1},
                                                             {"ClusterRoleBinding", 2},
                                                             {"Config", 1},
                                                             {"Namespace", 4},
                                                             {"Secret", 1},
                                                             {"ServiceAccount", 1}});
  REQUIRE(r.model.roles.size() == 1);
  const auto& cluster_admin = r.model.roles[0];
  CHECK(cluster_admin.meta.name == "cluster-admin");
  REQUIRE(cluster_admin.rules.size() == 2);
  CHECK(cluster_admin.rules[1].non_resource_urls == std::vector<std::string>{"*"});

  REQUIRE(r.model.bindings.size() == 2);
  const auto binding = [&](std::string_view name) {
    for (const auto& b : r.model.bindings) {
      if (b.meta.name == name) return b;
    }
    FAIL("no binding ", name);
    return analyzer::Binding{};
  };
  CHECK(binding("cluster-admin").subjects[0].name == "system:masters");
  CHECK(binding("add-on-cluster-admin").subjects[0].kind == "ServiceAccount");
  CHECK(binding("add-on-cluster-admin").subjects[0].namespace_ == "kube-system");

  REQUIRE(r.model.secrets.size() == 1);
  CHECK(r.model.secrets[0].meta.name == "token-admin-xyz123");
  CHECK(r.model.secrets[0].type == "kubernetes.io/service-account-token");
  CHECK(r.model.secrets[0].service_account_name == "admin");

  REQUIRE(r.model.kubeconfigs.size() == 1);
  const auto& user = r.model.kubeconfigs[0].users.at(0);
  CHECK(user.name == "kubernetes-admin");
  CHECK(user.has_client_key);
  // The SHA-256 of the certificate's DER, as `openssl x509 -fingerprint -sha256` prints it
  // (fixtures/clusters/kubeadm/pki/README.md).
  CHECK(user.client_certificate_data.fingerprint() == "sha256:520cdef5bb4c2345");
}
