// SPDX-License-Identifier: Apache-2.0
#include "cli/inventory_command.hpp"

#include <cstdio>
#include <numeric>

#include <fmt/format.h>

#include "analyzer/analysis_context.hpp"
#include "analyzer/input/kinds.hpp"
#include "cli/json_document.hpp"
#include "cli/render_diagnostics.hpp"
#include "cli/render_dot.hpp"
#include "support/printable.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {
namespace {

std::size_t total_objects(const analyzer::Model& m) {
  return std::accumulate(m.counts.begin(), m.counts.end(), std::size_t{0},
                         [](std::size_t n, const auto& kv) { return n + kv.second; });
}

/// What a kubeconfig user authenticates with, as (type, detail) pairs: fingerprints and file
/// names, never the material itself.
std::vector<std::pair<std::string, std::string>> credentials_of(const analyzer::KubeconfigUser& u) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!u.client_certificate_data.empty()) out.emplace_back("embedded client certificate", u.client_certificate_data.fingerprint());
  if (!u.client_certificate_file.empty()) out.emplace_back("client certificate file", u.client_certificate_file);
  if (u.has_client_key) out.emplace_back("client key", "");
  if (!u.token.empty()) out.emplace_back("embedded token", u.token.fingerprint());
  if (!u.token_file.empty()) out.emplace_back("token file", u.token_file);
  if (u.has_basic_auth) out.emplace_back("basic auth", "");
  if (!u.exec_command.empty()) out.emplace_back("exec plugin", u.exec_command);
  if (!u.auth_provider.empty()) out.emplace_back("auth provider", u.auth_provider);
  return out;
}

std::string describe_credentials(const analyzer::KubeconfigUser& u) {
  std::vector<std::string> parts;
  for (const auto& [type, detail] : credentials_of(u)) parts.push_back(detail.empty() ? type : fmt::format("{} {}", type, detail));
  return parts.empty() ? std::string("no credentials") : fmt::format("{}", fmt::join(parts, ", "));
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
      out += fmt::format("  {:<32} {:>7}{}\n", printable(kind), n, analyzer::is_decoded_kind(kind) ? "" : "  (not analysed)");
    }
  }
  if (!m.namespaces_seen.empty()) {
    std::vector<std::string> names;
    for (const auto& ns : m.namespaces_seen) names.push_back(printable(ns));
    out += fmt::format("\nnamespaces ({}): {}\n", names.size(), fmt::join(names, ", "));
  }
  std::size_t users = 0;
  for (const auto& k : m.kubeconfigs) users += k.users.size();
  if (users != 0) {
    out += fmt::format("\nkubeconfig users ({}):\n", users);
    for (const auto& k : m.kubeconfigs) {
      for (const auto& u : k.users) {
        out += fmt::format("  {}: {}: {}\n", printable(to_string(u.loc)), printable(u.name), printable(describe_credentials(u)));
      }
    }
  }
  return out;
}

std::string inventory_json(const analyzer::LoadResult& result) {
  const analyzer::Model& m = result.model;
  JsonDocument document;
  JsonWriter& w = document.writer();
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
  w.key("kubeconfigUsers");
  w.begin_array();
  for (const auto& k : m.kubeconfigs) {
    for (const auto& u : k.users) {
      w.begin_object();
      w.key("name");
      w.value(u.name);
      w.key("file");
      w.value(u.loc.file.str());
      w.key("line");
      w.value(static_cast<std::uint64_t>(u.loc.line));
      w.key("column");
      w.value(static_cast<std::uint64_t>(u.loc.column));
      w.key("credentials");
      w.begin_array();
      for (const auto& [type, detail] : credentials_of(u)) {
        w.begin_object();
        w.key("type");
        w.value(type);
        w.key("detail");
        w.value(detail);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
  }
  w.end_array();
  return document.finish(result.diagnostics.sorted());
}

namespace {

/// `-o dot`: the whole access graph on stdout, the problems on stderr (stdout stays pure DOT).
/// The graph needs the policy resolved (namespaces defaulted, aggregation), as questions do.
int run_inventory_dot(const InventoryOptions& options, const OutputOptions& output) {
  analyzer::AnalysisOptions analysis;
  analysis.limits = options.limits;
  const analyzer::AnalysisContext context(analyzer::load(options.paths, options.limits), analysis);
  const std::string dot = render_dot(context.graph().whole());
  std::fwrite(dot.data(), 1, dot.size(), stdout);
  std::fflush(stdout);
  const std::string problems = render_listed(context.diagnostics().sorted(), output.listing, output.color);
  std::fwrite(problems.data(), 1, problems.size(), stderr);
  return exit_code_for(context.diagnostics(), options.strict);
}

}  // namespace

int run_inventory(const InventoryOptions& options, const OutputOptions& output) {
  if (output.format == Format::dot) return run_inventory_dot(options, output);
  const analyzer::LoadResult result = analyzer::load(options.paths, options.limits);
  if (output.format == Format::json) {
    const std::string json = inventory_json(result);
    std::fwrite(json.data(), 1, json.size(), stdout);
  } else {
    const std::string text = inventory_text(result);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);  // the inventory, then the problems, then the summary, also on a terminal
    const std::string problems = render_listed(result.diagnostics.sorted(), output.listing, output.color);
    std::fwrite(problems.data(), 1, problems.size(), stderr);
    std::fprintf(stdout, "\n%s\n", summary_line(result.diagnostics).c_str());
  }
  return exit_code_for(result.diagnostics, options.strict);
}

}  // namespace rbacq::cli
