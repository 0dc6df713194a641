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

/// "verb group resource/sub name@namespace", or "error" when there is no request.
std::string built(const RequestSpec& spec, const ApiCatalogue& c = with_crd()) {
  const auto r = build_request(spec, c);
  if (!r) return "error";
  const auto& a = r->attributes;
  if (!a.resource_request) return a.verb + " " + a.path;
  return a.verb + " " + (a.api_group.empty() ? "core" : a.api_group) + " " + a.combined_resource() + " " + a.name + "@" + a.namespace_;
}

/// VERB and TYPE[/NAME] or /URL, asked in namespace "default" (as can-i asks without -n).
RequestSpec spec(std::string verb, std::string_view target) {
  RequestSpec s;
  s.verb = std::move(verb);
  s.url = target.starts_with('/');
  const std::size_t slash = s.url ? std::string_view::npos : target.find('/');
  s.resource = std::string(target.substr(0, slash));
  if (slash != std::string_view::npos) s.name = std::string(target.substr(slash + 1));
  s.namespace_ = "default";
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
  all.namespace_.reset();
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
  // With no namespace asked, the request has none, except the Namespace object's, which is in itself.
  auto node = spec("get", "nodes/n1");
  node.api_group = "";
  node.namespace_.reset();
  CHECK(built(node) == "get core nodes n1@");
  auto ns = spec("get", "namespaces/dev");
  ns.api_group = "";
  ns.namespace_.reset();
  CHECK(built(ns) == "get core namespaces dev@dev");
}

TEST_CASE("request builder: errors and notes are data (issue 9)") {
  using analyzer::rbac::QuestionNote;
  const auto typo = build_request(spec("get", "secert"), with_crd());
  REQUIRE_FALSE(typo);
  const auto* unknown = std::get_if<analyzer::rbac::UnknownResource>(&typo.error());
  REQUIRE(unknown != nullptr);
  CHECK(unknown->resource == "secert");
  CHECK(unknown->minor == 35);
  CHECK(unknown->candidates == Strings{"secrets"});

  const auto exec = build_request(spec("create", "po/exec"), with_crd());
  REQUIRE(exec);
  // The create drops the name, and po/exec is a pod named exec, not the subresource.
  REQUIRE(exec->notes.size() == 2);
  CHECK(exec->notes[0] == QuestionNote{analyzer::rbac::NameIsSubresource{"po", "pods", "pod", "exec", "create"}});
  CHECK(exec->notes[1] == QuestionNote{analyzer::rbac::CollectionHasNoName{"create", "exec"}});
  const auto cordon = build_request(spec("cordon", "nodes"), with_crd());
  REQUIRE(cordon);
  REQUIRE(cordon->notes.size() == 2);  // not a verb of nodes, and -n for a cluster-scoped type
  const auto* verb = std::get_if<analyzer::rbac::VerbNotServed>(&cordon->notes[0]);
  REQUIRE(verb != nullptr);
  CHECK(verb->verb == "cordon");
  CHECK(verb->resource == "nodes");
  CHECK(verb->verbs == Strings{"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"});
  CHECK(cordon->notes[1] == QuestionNote{analyzer::rbac::NamespaceIgnored{"nodes"}});
  auto logs = spec("get", "pods");
  logs.subresource = "logs";
  const auto sub = build_request(logs, with_crd());
  REQUIRE(sub);
  const auto* unknown_sub = std::get_if<analyzer::rbac::UnknownSubresource>(&sub->notes.at(0));
  REQUIRE(unknown_sub != nullptr);
  CHECK(unknown_sub->suggestion == "log");
  auto literal = spec("get", "deploy");
  literal.api_group = "apps";
  CHECK(build_request(literal, with_crd())->notes == std::vector<QuestionNote>{analyzer::rbac::LiteralResourceUnknown{"deploy", "deployments"}});
  auto in_other = spec("get", "namespaces/dev");
  in_other.namespace_ = "prod";
  CHECK(build_request(in_other, with_crd())->notes == std::vector<QuestionNote>{analyzer::rbac::NamespaceInItself{"dev"}});
  CHECK(build_request(spec("get", "*"), with_crd())->notes == std::vector<QuestionNote>{analyzer::rbac::WildcardInCoreGroup{}});
}

}  // namespace rbacq::test
