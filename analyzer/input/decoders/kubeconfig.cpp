// SPDX-License-Identifier: Apache-2.0
// kubeconfig (`kind: Config`) → Kubeconfig: clusters, contexts, and how each user authenticates.
#include <fmt/format.h>

#include "analyzer/input/base64.hpp"
#include "analyzer/input/decoders/all.hpp"

namespace rbacq::analyzer {
namespace {

/// The DER bytes of the first certificate of a PEM text (what `openssl x509 -fingerprint` hashes).
std::optional<std::string> certificate_der(std::string_view pem) {
  constexpr std::string_view begin = "-----BEGIN CERTIFICATE-----";
  constexpr std::string_view end = "-----END CERTIFICATE-----";
  const auto b = pem.find(begin);
  if (b == std::string_view::npos) return std::nullopt;
  const auto e = pem.find(end, b);
  if (e == std::string_view::npos) return std::nullopt;
  return decode_base64(pem.substr(b + begin.size(), e - b - begin.size()));
}

/// Reads each mapping of sequence `key` with a reader of its own; keeps the entries without errors.
template <class T, class F>
void read_entries(ObjectReader& r, NodeId node, std::string_view key, std::vector<T>& out, F read) {
  r.for_each_mapping(node, key, [&](NodeId item) {
    ObjectReader entry(r.doc(), r.diagnostics());
    T value = read(entry, item);
    if (entry.ok()) out.push_back(std::move(value));
  });
}

KubeconfigUser read_user(ObjectReader& r, NodeId item) {
  KubeconfigUser u;
  u.loc = r.loc(item);
  u.name = r.string(item, "name");
  const auto body = r.mapping(item, "user");
  if (!body) return u;
  if (const auto data = r.field(*body, "client-certificate-data")) {
    auto pem = r.doc().kind(*data) == NodeKind::scalar ? decode_base64(r.doc().text(*data)) : std::nullopt;
    if (auto der = pem ? certificate_der(*pem) : std::nullopt) {
      u.client_certificate_data = Sensitive(std::move(*der));
    } else {
      // kubectl would refuse this user; templates with placeholders do this on purpose.
      r.warning(*data, "input-credential",
                fmt::format("'client-certificate-data' of user '{}' is not a base64 PEM certificate; ignored", u.name));
    }
  }
  u.client_certificate_file = r.string(*body, "client-certificate");
  u.has_client_key = r.field(*body, "client-key-data").has_value() || r.field(*body, "client-key").has_value();
  if (auto token = r.string(*body, "token"); !token.empty()) u.token = Sensitive(std::move(token));
  u.token_file = r.string(*body, "tokenFile");
  u.has_basic_auth = r.field(*body, "username").has_value() || r.field(*body, "password").has_value();
  if (const auto exec = r.mapping(*body, "exec")) u.exec_command = r.string(*exec, "command");
  if (const auto provider = r.mapping(*body, "auth-provider")) u.auth_provider = r.string(*provider, "name");
  u.impersonate = r.string(*body, "as");
  u.impersonate_groups = r.strings(*body, "as-groups");
  return u;
}

/// Reads a kubeconfig leniently: client-go loads partial kubeconfigs, and for finding
/// credentials a broken entry must not hide its neighbours, so each cluster, context and user
/// is kept or dropped on its own. Credential material goes into `Sensitive` values only.
void read_kubeconfig(ObjectReader& r, NodeId node, Kubeconfig& config) {
  config.current_context = r.string(node, "current-context");
  read_entries(r, node, "clusters", config.clusters, [](ObjectReader& e, NodeId item) {
    KubeconfigCluster c;
    c.loc = e.loc(item);
    c.name = e.string(item, "name");
    if (const auto body = e.mapping(item, "cluster")) {
      c.server = e.string(*body, "server");
      c.has_ca_data = e.field(*body, "certificate-authority-data").has_value();
      c.insecure_skip_tls_verify = e.boolean(*body, "insecure-skip-tls-verify").value_or(false);
    }
    return c;
  });
  read_entries(r, node, "contexts", config.contexts, [](ObjectReader& e, NodeId item) {
    KubeconfigContext c;
    c.loc = e.loc(item);
    c.name = e.string(item, "name");
    if (const auto body = e.mapping(item, "context")) {
      c.cluster = e.string(*body, "cluster");
      c.user = e.string(*body, "user");
      c.namespace_ = e.string(*body, "namespace");
    }
    return c;
  });
  read_entries(r, node, "users", config.users, read_user);
}

}  // namespace

void decode_kubeconfig(ObjectReader& r, NodeId node, ObjectMeta meta, ObjectStore& out) {
  Kubeconfig config{std::move(meta), {}, {}, {}, {}};
  read_kubeconfig(r, node, config);
  out.add(std::move(config));  // entries with errors were dropped one by one
}

}  // namespace rbacq::analyzer
