// SPDX-License-Identifier: Apache-2.0
// The options every question command shares: the inputs (-f), the assumed cluster
// (--k8s-version, --with-defaults, --default-namespace) and the request (-n, -A, --subresource,
// --api-group).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analyzer/analysis_context.hpp"
#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/rbac/question_notes.hpp"
#include "support/result.hpp"
#include "cli/output.hpp"
#include "query/ast.hpp"

namespace rbacq::cli {

struct InputOptions {
  std::vector<std::string> paths;
  bool with_defaults = false;
  std::string k8s_version;
  std::string default_namespace = "default";
  std::size_t max_file_mib = 512;
};

struct RequestOptions {
  std::string verb;
  std::string target;
  std::string subresource;
  std::string namespace_;
  bool all_namespaces = false;
  std::string api_group;
};

/// Registers -f/--filename, --with-defaults, --k8s-version, --default-namespace, --max-file-size.
void add_input_options(CLI::App& command, InputOptions& options);

/// Registers --max-warnings N and, unless the command has its own -q, -q/--quiet: how many of the
/// input's problems are listed on stderr.
void add_listing_options(CLI::App& command, ProblemListing& listing, bool with_quiet);

/// Registers VERB, TYPE[/NAME], --subresource, -n, -A, --api-group.
void add_request_options(CLI::App& command, RequestOptions& options);

/// A usage error when there is nothing to analyse: no -f and no --with-defaults.
[[nodiscard]] std::optional<Diagnostic> missing_input(const InputOptions& options);

/// The analysis options, or a usage error (a --k8s-version rbacq does not know).
[[nodiscard]] Result<analyzer::AnalysisOptions> analysis_options(const InputOptions& options);

/// The request of can-i and who-can in the query language's terms.
struct FlagQuestion {
  query::Verbs verbs;
  query::Target target;
  query::Scope scope;
  /// What only the flags can cause (-n for a URL).
  std::vector<analyzer::rbac::QuestionNote> notes;
};

/// VERB, TYPE[/NAME] or /URL with --subresource and --api-group as the target; -n NS as
/// `in NS`, -A as `cluster-wide`; neither as the default namespace for what may be namespaced
/// (kubectl's context namespace) and no scope for what the catalogue knows is cluster-scoped.
/// A usage error for what the flags cannot mean together (-n with -A, --subresource for a URL).
[[nodiscard]] Result<FlagQuestion> request_question(const CLI::App& command, const RequestOptions& options, const InputOptions& input,
                                                    const analyzer::catalogue::ApiCatalogue& catalogue);
/// A [query-check] error of a statement a front end built, as a usage error of its flags.
[[nodiscard]] Diagnostic as_usage_error(const Diagnostic& error);

/// Prints a usage error (and its notes) to stderr as `rbacq: error: …`, and with -o json also
/// {"schema":"rbacq/v1","error":{"message","notes"}} on stdout; returns kExitError.
int report_usage_error(const Diagnostic& error, const OutputOptions& output);

/// A usage error with its notes.
[[nodiscard]] Diagnostic usage_error(std::string message, const std::vector<std::string>& notes = {});

/// Help text shared by can-i and who-can about how the request is read.
extern const char* const kRequestHelp;

}  // namespace rbacq::cli
