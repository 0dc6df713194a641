// SPDX-License-Identifier: Apache-2.0
// How grants, resolution errors, requests and notes are written: the proof behind every answer
// of can-i, who-can and query, as text (file:line:col: note: …) and as JSON objects.
#pragma once

#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/authorizer.hpp"
#include "analyzer/rbac/request.hpp"
#include "cli/output.hpp"
#include "support/diagnostic.hpp"
#include "query/evidence.hpp"
#include "query/phrases.hpp"
#include "support/json_writer.hpp"

namespace rbacq::cli {

/// A resolution error as a warning diagnostic [rbac-missing-role] at the binding's roleRef,
/// with a hint to use --with-defaults when the role is one of the default policy of the minor
/// assumed (--k8s-version) and the defaults are not loaded.
[[nodiscard]] Diagnostic resolution_diagnostic(const analyzer::rbac::ResolvedBinding& binding, const analyzer::AnalysisOptions& options);

/// The note that says whose default policy --with-defaults added, first in `notes`; nothing
/// without --with-defaults.
void add_default_policy_note(std::vector<analyzer::rbac::QuestionNote>& notes, const analyzer::AnalysisContext& context);

/// How the question was read, on stderr: `rbacq: note: …` lines, in `words`.
void print_notes(const std::vector<analyzer::rbac::QuestionNote>& notes, const query::Phrasebook& words);
/// JSON: "notes": […] in `words`.
void write_notes(JsonWriter& w, const std::vector<analyzer::rbac::QuestionNote>& notes, const query::Phrasebook& words);

/// The input's problems and the resolution errors in scope, on stderr, GNU style.
/// As `output.listing` says (--quiet, --max-warnings).
void print_problems(const analyzer::AnalysisContext& context, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors,
                    const OutputOptions& output);

/// JSON: {"subject":{…},"binding":{…},"role":{…},"rule":{…},"scope":NS|null}.
void write_grant(JsonWriter& w, const analyzer::rbac::Grant& grant);
/// JSON: {"binding":{…},"roleRef":{…},"message":…}.
void write_resolution_error(JsonWriter& w, const analyzer::rbac::ResolvedBinding& binding);
/// JSON: "errors": [ … one per binding whose role is missing … ].
void write_resolution_errors(JsonWriter& w, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors);
/// JSON: {"verb",…} as the authorizer sees it.
void write_request(JsonWriter& w, const analyzer::rbac::RequestAttributes& request);
/// JSON: the rule's lists, number (1-based) and location.
void write_rule(JsonWriter& w, const analyzer::PolicyRule& rule, std::size_t number);
/// JSON: {"description","serviceAccounts":[…]}, who is in a group.
void write_members(JsonWriter& w, const analyzer::rbac::GroupMembers& members);
/// JSON: [{"message","file","line","column"}] for evidence lines.
void write_evidence(JsonWriter& w, const std::vector<query::Evidence>& evidence);

}  // namespace rbacq::cli
