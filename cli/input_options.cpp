// SPDX-License-Identifier: Apache-2.0
#include "cli/input_options.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "cli/json_document.hpp"
#include "cli/output.hpp"
#include "support/json_writer.hpp"
#include "support/printable.hpp"

namespace rbacq::cli {

const char* const kRequestHelp =
    "How the request is read (as the API server builds it):\n"
    "  TYPE is a resource as kubectl takes it: plural, singular, short name or kind, optionally with its group\n"
    "  (pods, po, deployments.apps, certificates.cert-manager.io). Built-in resources of --k8s-version and the\n"
    "  CustomResourceDefinitions of the input are known; anything else is an error that lists close names.\n"
    "  TYPE/NAME names one object. As in kubectl, 'pods/exec' is the pod named exec: use --subresource exec.\n"
    "  A create has no name (POST to the collection), so resourceNames never allow it.\n"
    "  Namespaced TYPEs are asked in -n NS (default: the --default-namespace, 'default'); -A asks with no\n"
    "  namespace (all namespaces: only ClusterRoleBindings count). Cluster-scoped TYPEs have no namespace,\n"
    "  except namespaces/NAME, which is inside NAME.\n"
    "  /URL (starting with '/') is a non-resource request such as /healthz; only ClusterRoleBindings grant it.\n"
    "  --api-group G takes TYPE exactly as written, in group G (\"\" is the core group), with -n as given:\n"
    "  any request the API server could receive can be asked.\n";

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("-f,--filename", options.paths, "Manifests: files, directories (recursive) or - for standard input")
      ->type_name("PATH");
  command.add_flag("--with-defaults", options.with_defaults,
                   "Add Kubernetes' default policy (cluster-admin, admin, edit, view, system:*) unless the input defines it");
  command.add_option("--k8s-version", options.k8s_version,
                     fmt::format("Kubernetes version whose API resources are assumed (1.{}-1.{}; default 1.{})",
                                 analyzer::catalogue::kOldestMinor, analyzer::catalogue::kNewestMinor,
                                 analyzer::catalogue::kNewestMinor))
      ->type_name("1.MINOR");
  command.add_option("--default-namespace", options.default_namespace,
                     "Namespace of namespaced objects written without one, and of requests without -n")
      ->capture_default_str()
      ->type_name("NS");
  command.add_option("--max-file-size", options.max_file_mib, "Refuse files larger than this many MiB (1-2047)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{2047}))
      ->capture_default_str();
}

void add_listing_options(CLI::App& command, ProblemListing& listing, bool with_quiet) {
  if (with_quiet) command.add_flag("-q,--quiet", listing.quiet, "List only the input's errors on stderr, no warnings or notes");
  command.add_option("--max-warnings", listing.max_warnings, "List at most N of the input's warnings and notes on stderr, then how many more")
      ->type_name("N");
}

void add_request_options(CLI::App& command, RequestOptions& options) {
  command.add_option("VERB", options.verb, "get, list, watch, create, update, patch, delete, deletecollection, bind, "
                                           "escalate, impersonate, use, approve, … or *")
      ->required();
  command.add_option("TYPE", options.target, "TYPE, TYPE/NAME or /URL");
  command.add_option("--subresource", options.subresource, "Subresource such as log, exec, status, scale")->type_name("SUB");
  command.add_option("-n,--namespace", options.namespace_, "Namespace of the request")->type_name("NS");
  command.add_flag("-A,--all-namespaces", options.all_namespaces, "Ask with no namespace (all namespaces)");
  command.add_option("--api-group", options.api_group, "Take TYPE verbatim, in this API group (\"\" is core)")->type_name("GROUP");
}

std::optional<Diagnostic> missing_input(const InputOptions& options) {
  if (!options.paths.empty() || options.with_defaults) return std::nullopt;
  return Diagnostic{"usage", Severity::error, {},
                    "no input: give the manifests with -f PATH (files, directories, or - for standard input), or ask about "
                    "the default policy with --with-defaults",
                    {}};
}

Result<analyzer::AnalysisOptions> analysis_options(const InputOptions& options) {
  analyzer::AnalysisOptions out;
  out.with_defaults = options.with_defaults;
  out.default_namespace = options.default_namespace;
  out.limits.max_file_bytes = options.max_file_mib << 20U;
  if (!options.k8s_version.empty()) {
    const auto minor = analyzer::catalogue::parse_version(options.k8s_version);
    if (!minor) {
      return fail(Diagnostic{"usage", Severity::error, {},
                             fmt::format("--k8s-version '{}' is not one rbacq knows: give 1.{} to 1.{}", printable(options.k8s_version),
                                         analyzer::catalogue::kOldestMinor, analyzer::catalogue::kNewestMinor),
                             {}});
    }
    out.k8s_minor = *minor;
  }
  return out;
}

namespace {

/// Whether the catalogue knows the target as a cluster-scoped resource: asked without -n, it
/// has no namespace, as the API server builds the request.
bool known_cluster_scoped(const query::Target& target, const analyzer::catalogue::ApiCatalogue& catalogue) {
  if (target.api_group) {
    const auto* known = catalogue.find(*target.api_group, target.resource);
    return known != nullptr && !known->namespaced;
  }
  const auto found = catalogue.resolve(target.resource);
  return found.matches.size() == 1 && !found.matches.front()->namespaced;
}

}  // namespace

Diagnostic usage_error(std::string message, const std::vector<std::string>& notes) {
  Diagnostic d{"usage", Severity::error, {}, std::move(message), {}};
  for (const auto& n : notes) d.notes.push_back({{}, n});
  return d;
}

Result<FlagQuestion> request_question(const CLI::App& command, const RequestOptions& options, const InputOptions& input,
                                      const analyzer::catalogue::ApiCatalogue& catalogue) {
  const bool has_namespace = command.count("--namespace") != 0;
  if (has_namespace && options.all_namespaces) return fail(usage_error("-n/--namespace and -A/--all-namespaces exclude each other"));
  if (options.verb.empty()) return fail(usage_error("the verb is empty"));
  if (options.target.empty()) return fail(usage_error("the resource type is empty"));
  FlagQuestion q;
  q.verbs.items = {options.verb};
  if (options.target.front() == '/') {
    if (!options.subresource.empty()) return fail(usage_error("--subresource does not apply to a non-resource URL"));
    if (command.count("--api-group") != 0) return fail(usage_error("--api-group does not apply to a non-resource URL"));
    q.target.url = true;
    q.target.resource = options.target;
    if (has_namespace) q.notes.emplace_back(analyzer::rbac::UrlHasNoNamespace{});
    return q;
  }
  const std::size_t slash = options.target.find('/');
  q.target.resource = options.target.substr(0, slash);
  if (slash != std::string::npos) {
    q.target.name = options.target.substr(slash + 1);
    if (q.target.name.empty()) return fail(usage_error(fmt::format("'{}' has an empty NAME after '/'", options.target)));
  }
  q.target.subresource = options.subresource;
  if (command.count("--api-group") != 0) q.target.api_group = options.api_group;
  if (has_namespace) {
    q.scope = {query::Scope::Kind::namespace_, options.namespace_, {}};
  } else if (options.all_namespaces) {
    q.scope.kind = query::Scope::Kind::cluster_wide;
  } else if (!known_cluster_scoped(q.target, catalogue)) {
    q.scope = {query::Scope::Kind::namespace_, input.default_namespace, {}};  // kubectl's context namespace
  }
  return q;
}

Diagnostic as_usage_error(const Diagnostic& error) {
  Diagnostic d{"usage", Severity::error, {}, error.message, {}};
  for (const Note& n : error.notes) d.notes.push_back({{}, n.message});
  return d;
}

int report_usage_error(const Diagnostic& error, const OutputOptions& output) {
  std::fprintf(stderr, "rbacq: error: %s\n", printable(error.message).c_str());
  for (const Note& n : error.notes) std::fprintf(stderr, "rbacq: note: %s\n", printable(n.message).c_str());
  if (output.format == Format::json) {
    JsonDocument document;
    JsonWriter& w = document.writer();
    w.key("error");
    w.begin_object();
    w.key("message");
    w.value(error.message);
    w.key("notes");
    w.begin_array();
    for (const Note& n : error.notes) w.value(n.message);
    w.end_array();
    w.end_object();
    const std::string json = document.finish();
    std::fwrite(json.data(), 1, json.size(), stdout);
  }
  return kExitError;
}

}  // namespace rbacq::cli
