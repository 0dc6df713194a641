// SPDX-License-Identifier: Apache-2.0
#include "cli/inventory_command.hpp"

#include <cstdio>
#include <numeric>

#include <fmt/format.h>

#include "cli/render_diagnostics.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {
namespace {

/// Kinds that rbacq reads into its model; other kinds are only counted.
bool is_analysed(std::string_view kind) {
  static constexpr std::string_view kinds[] = {
      "ClusterRole", "ClusterRoleBinding", "Config", "CronJob", "CustomResourceDefinition", "DaemonSet",
      "Deployment", "Job", "Namespace", "Pod", "ReplicaSet", "ReplicationController", "Role", "RoleBinding",
      "Secret", "ServiceAccount", "StatefulSet"};
  for (const std::string_view k : kinds) {
    if (k == kind) return true;
  }
  return false;
}

std::size_t total_objects(const analyzer::Model& m) {
  return std::accumulate(m.counts.begin(), m.counts.end(), std::size_t{0},
                         [](std::size_t n, const auto& kv) { return n + kv.second; });
}

/// "client certificate sha256:…, client key" — what a kubeconfig user authenticates with,
/// never the material itself.
std::string describe_credentials(const analyzer::KubeconfigUser& u) {
  std::vector<std::string> parts;
  if (!u.client_certificate_data.empty()) parts.push_back(fmt::format("embedded client certificate {}", u.client_certificate_data.fingerprint()));
  if (!u.client_certificate_file.empty()) parts.push_back(fmt::format("client certificate file {}", u.client_certificate_file));
  if (u.has_client_key) parts.emplace_back("client key");
  if (!u.token.empty()) parts.push_back(fmt::format("embedded token {}", u.token.fingerprint()));
  if (!u.token_file.empty()) parts.push_back(fmt::format("token file {}", u.token_file));
  if (u.has_basic_auth) parts.emplace_back("basic auth");
  if (!u.exec_command.empty()) parts.push_back(fmt::format("exec plugin {}", u.exec_command));
  if (!u.auth_provider.empty()) parts.push_back(fmt::format("auth provider {}", u.auth_provider));
  if (parts.empty()) return "no credentials";
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

int exit_code_for(const Diagnostics& diagnostics, bool strict) {
  if (diagnostics.has_errors()) return kExitError;
  if (strict && diagnostics.count(Severity::warning) != 0) return kExitFindings;
  return kExitOk;
}

std::string inventory_text(const analyzer::LoadResult& result) {
  const analyzer::Model& m = result.model;
  std::string out = fmt::format("{} object{} in {} file{}\n", total_objects(m), total_objects(m) == 1 ? "" : "s",
                                m.files.size(), m.files.size() == 1 ? "" : "s");
  if (!m.counts.empty()) {
    out += "\n";
    for (const auto& [kind, n] : m.counts) {
      out += fmt::format("  {:<32} {:>7}{}\n", kind, n, is_analysed(kind) ? "" : "  (not analysed)");
    }
  }
  if (!m.namespaces_seen.empty()) {
    out += fmt::format("\nnamespaces ({}): {}\n", m.namespaces_seen.size(), fmt::join(m.namespaces_seen, ", "));
  }
  std::size_t users = 0;
  for (const auto& k : m.kubeconfigs) users += k.users.size();
  if (users != 0) {
    out += fmt::format("\nkubeconfig users ({}):\n", users);
    for (const auto& k : m.kubeconfigs) {
      for (const auto& u : k.users) {
        out += fmt::format("  {}: {}: {}\n", to_string(u.loc), u.name, describe_credentials(u));
      }
    }
  }
  return out;
}

std::string inventory_json(const analyzer::LoadResult& result) {
  const analyzer::Model& m = result.model;
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.value("rbacq/v1");
  w.key("files");
  w.value(static_cast<std::uint64_t>(m.files.size()));
  w.key("objects");
  w.value(static_cast<std::uint64_t>(total_objects(m)));
  w.key("counts");
  w.begin_object();
  for (const auto& [kind, n] : m.counts) {
    w.key(kind);
    w.value(static_cast<std::uint64_t>(n));
  }
  w.end_object();
  w.key("namespaces");
  w.begin_array();
  for (const auto& ns : m.namespaces_seen) w.value(ns);
  w.end_array();
  w.key("diagnostics");
  write_json(w, result.diagnostics.sorted());
  w.end_object();
  return w.str();
}

int run_inventory(const InventoryOptions& options, const OutputOptions& output) {
  const analyzer::LoadResult result = analyzer::load(options.paths, options.limits);
  if (output.format == Format::json) {
    std::fputs(inventory_json(result).c_str(), stdout);
  } else {
    std::fputs(inventory_text(result).c_str(), stdout);
    std::fputs(render_text(result.diagnostics.sorted(), output.color).c_str(), stderr);
    std::fprintf(stdout, "\n%s\n", summary_line(result.diagnostics).c_str());
  }
  return exit_code_for(result.diagnostics, options.strict);
}

}  // namespace rbacq::cli
