// SPDX-License-Identifier: Apache-2.0
// The API resource catalogue and how a typed request becomes authorizer attributes.
#include "analyzer/catalogue/api_resources.hpp"

#include <doctest/doctest.h>

#include "analyzer/rbac/request_builder.hpp"
#include "rbac_fixture.hpp"

namespace rbacq::test {

using analyzer::catalogue::ApiCatalogue;
using analyzer::catalogue::parse_version;
using analyzer::rbac::build_request;
using analyzer::rbac::RequestSpec;

namespace {

std::string resolved(const ApiCatalogue& c, std::string_view type) {
  const auto found = c.resolve(type);
  if (found.matches.size() != 1) return "?" + std::to_string(found.matches.size());
  return found.matches[0]->qualified_name();
}

ApiCatalogue with_crd(int minor = 35) {
  static const auto loaded = load(R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: certificates.cert-manager.io}
spec:
  group: cert-manager.io
  scope: Namespaced
  names: {plural: certificates, singular: certificate, kind: Certificate, shortNames: [cert, certs]}
  versions: [{name: v1, served: true, storage: true, subresources: {status: {}}}]
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: groups.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {plural: groups, singular: group, kind: Group}
  versions: [{name: v1, served: true, storage: true}]
)");
  REQUIRE(loaded.diagnostics.empty());
  return ApiCatalogue(minor, loaded.model.crds);
}

/// "verb group resource/sub name@namespace" or the error message.
std::string built(const RequestSpec& spec, const ApiCatalogue& c = with_crd()) {
  const auto r = build_request(spec, c);
  if (!r) return "error: " + r.error().message;
  const auto& a = r->attributes;
  if (!a.resource_request) return a.verb + " " + a.path;
  return a.verb + " " + (a.api_group.empty() ? "core" : a.api_group) + " " + a.combined_resource() + " " + a.name + "@" + a.namespace_;
}

RequestSpec spec(std::string verb, std::string target) {
  RequestSpec s;
  s.verb = std::move(verb);
  s.target = std::move(target);
  return s;
}

}  // namespace

TEST_CASE("catalogue: versions 1.27 to 1.35") {
  CHECK(parse_version("1.27") == 27);
  CHECK(parse_version("v1.35.2") == 35);
  CHECK_FALSE(parse_version("1.26"));
  CHECK_FALSE(parse_version("1.36"));
  CHECK_FALSE(parse_version("2.1"));
  CHECK_FALSE(parse_version("1.3x"));
  for (int minor = 27; minor <= 35; ++minor) {
    const ApiCatalogue c(minor, {});
    CHECK(c.find("apps", "deployments") != nullptr);
    CHECK(c.find("", "pods")->subresource("exec") != nullptr);
    CHECK(c.find("rbac.authorization.k8s.io", "clusterroles") != nullptr);
  }
  CHECK(ApiCatalogue(27, {}).find("", "pods")->subresource("resize") == nullptr);
  CHECK(ApiCatalogue(33, {}).find("", "pods")->subresource("resize") != nullptr);
  CHECK(ApiCatalogue(28, {}).find("networking.k8s.io", "servicecidrs") == nullptr);
  CHECK(ApiCatalogue(29, {}).find("networking.k8s.io", "servicecidrs") != nullptr);
}

TEST_CASE("catalogue: TYPE resolves as kubectl resolves it") {
  const ApiCatalogue c = with_crd();
  CHECK(resolved(c, "pods") == "pods");
  CHECK(resolved(c, "po") == "pods");
  CHECK(resolved(c, "pod") == "pods");
  CHECK(resolved(c, "Pod") == "pods");
  CHECK(resolved(c, "PODS") == "pods");
  CHECK(resolved(c, "deployments") == "deployments.apps");
  CHECK(resolved(c, "deploy") == "deployments.apps");
  CHECK(resolved(c, "deployments.apps") == "deployments.apps");
  CHECK(resolved(c, "deployments.v1.apps") == "deployments.apps");
  CHECK(resolved(c, "events") == "events");  // the core group wins over events.k8s.io
  CHECK(resolved(c, "events.events.k8s.io") == "events.events.k8s.io");
  CHECK(resolved(c, "certificates") == "certificates.cert-manager.io");
  CHECK(resolved(c, "cert") == "certificates.cert-manager.io");
  CHECK(resolved(c, "certificates.cert-manager.io") == "certificates.cert-manager.io");
  CHECK(resolved(c, "csr") == "certificatesigningrequests.certificates.k8s.io");
  // Built-in names win over CRDs: 'groups' is what impersonation checks (kubernetes#140961).
  CHECK(resolved(c, "groups") == "groups");
  CHECK(resolved(c, "groups.example.com") == "groups.example.com");
  CHECK(resolved(c, "users") == "users");
  CHECK(resolved(c, "serviceaccounts") == "serviceaccounts");
  CHECK(resolved(c, "sa") == "serviceaccounts");
  CHECK(resolved(c, "signers") == "signers.certificates.k8s.io");
  CHECK(resolved(c, "nodes") == "nodes");
  CHECK(c.find("", "nodes")->namespaced == false);
  CHECK(c.find("cert-manager.io", "certificates")->crd.has_value());
}

TEST_CASE("catalogue: unknown names list close candidates") {
  const ApiCatalogue c = with_crd();
  const auto typo = c.resolve("secert");
  CHECK(typo.matches.empty());
  CHECK(typo.candidates == Strings{"secrets"});
  const auto wrong_group = c.resolve("deployments.extensions");
  CHECK(wrong_group.matches.empty());
  CHECK(wrong_group.candidates == Strings{"deployments.apps"});
  CHECK(c.resolve("frobnicators").candidates.empty());
}

TEST_CASE("request builder: RequestInfo rules") {
  CHECK(built(spec("get", "pods")) == "get core pods @default");
  CHECK(built(spec("get", "pods/web")) == "get core pods web@default");
  auto in_dev = spec("list", "deployments");
  in_dev.namespace_ = "dev";
  CHECK(built(in_dev) == "list apps deployments @dev");
  auto all = spec("list", "secrets");
  all.all_namespaces = true;
  CHECK(built(all) == "list core secrets @");
  // A create has no name.
  CHECK(built(spec("create", "pods/web")) == "create core pods @default");
  // Cluster-scoped: no namespace, even with -n.
  auto nodes = spec("get", "nodes/n1");
  nodes.namespace_ = "dev";
  CHECK(built(nodes) == "get core nodes n1@");
  // The Namespace object is inside itself.
  CHECK(built(spec("get", "namespaces/dev")) == "get core namespaces dev@dev");
  CHECK(built(spec("delete", "namespaces/dev")) == "delete core namespaces dev@dev");
  CHECK(built(spec("list", "namespaces")) == "list core namespaces @");
  // Only a name in the URL path puts the request inside the namespace (review of issue 3).
  CHECK(built(spec("create", "namespaces/dev")) == "create core namespaces @");
  CHECK(built(spec("list", "namespaces/dev")) == "list core namespaces dev@");  // a field selector: no path name
  CHECK(built(spec("deletecollection", "namespaces/dev")) == "deletecollection core namespaces @");
  auto finalize = spec("update", "namespaces/dev");
  finalize.subresource = "finalize";
  CHECK(built(finalize) == "update core namespaces/finalize dev@dev");
  // A deletecollection has no name either; a list keeps it (field selector).
  CHECK(built(spec("deletecollection", "pods/p1")) == "deletecollection core pods @default");
  CHECK(built(spec("list", "pods/p1")) == "list core pods p1@default");
  auto sub = spec("create", "pods/web");
  sub.subresource = "exec";
  CHECK(built(sub) == "create core pods/exec web@default");
  CHECK(built(spec("get", "/healthz")) == "get /healthz");
  CHECK(built(spec("get", "certs")) == "get cert-manager.io certificates @default");
}

TEST_CASE("request builder: --api-group takes the request exactly as given") {
  auto s = spec("GET", "Pods/web");
  s.api_group = "";
  s.namespace_ = "*";
  CHECK(built(s) == "GET core Pods web@*");
  auto nodes = spec("get", "nodes/n1");
  nodes.api_group = "";
  nodes.namespace_ = "dev";
  CHECK(built(nodes) == "get core nodes n1@dev");
  auto create = spec("create", "widgets/w");
  create.api_group = "example.com";
  CHECK(built(create) == "create example.com widgets w@default");
  // Without -n, what the catalogue knows as cluster-scoped has no namespace, as the server builds it.
  auto node = spec("get", "nodes/n1");
  node.api_group = "";
  CHECK(built(node) == "get core nodes n1@");
  auto ns = spec("get", "namespaces/dev");
  ns.api_group = "";
  CHECK(built(ns) == "get core namespaces dev@dev");
}

TEST_CASE("request builder: errors and notes") {
  CHECK(built(spec("get", "secert")) == "error: the resource type 'secert' is not served by Kubernetes 1.35 and no loaded "
                                       "CustomResourceDefinition defines it");
  const auto typo = build_request(spec("get", "secert"), with_crd());
  REQUIRE_FALSE(typo);
  REQUIRE(typo.error().notes.size() == 2);
  CHECK(typo.error().notes[0].message == "did you mean: secrets?");
  auto url_sub = spec("get", "/healthz");
  url_sub.subresource = "x";
  CHECK(built(url_sub) == "error: --subresource does not apply to a non-resource URL");
  CHECK(built(spec("get", "pods/")) == "error: 'pods/' has an empty NAME after '/'");

  const auto exec = build_request(spec("create", "pods/exec"), with_crd());
  REQUIRE(exec);
  CHECK(exec->notes.size() == 2);  // the create drops the name, and pods/exec is a pod named exec
  CHECK(exec->notes[0] == "'pods/exec' is read as TYPE/NAME, as kubectl does: the pod named 'exec'. For the subresource, ask "
                          "'create pods --subresource exec'");
  const auto cordon = build_request(spec("cordon", "nodes"), with_crd());
  REQUIRE(cordon);
  REQUIRE(cordon->notes.size() == 1);
  CHECK(cordon->notes[0] == "'cordon' is not a verb of nodes (verbs: create, delete, deletecollection, get, list, patch, update, "
                            "watch); RBAC still matches it as a string");
}

}  // namespace rbacq::test
