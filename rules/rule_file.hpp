// SPDX-License-Identifier: Apache-2.0
// A rule file (YAML) → a Rule, every problem a diagnostic at its line and column in the file —
// the query's own syntax errors too, at the character of the YAML scalar they point at.
//
//   id: secrets-read                  # kebab-case; a built-in rule's file is named ID.yaml
//   title: reads Secrets
//   severity: high                    # info | low | medium | high | critical
//   certainty: sure                   # sure (default) | inconclusive
//   query: |
//     grants where allows(get, secrets)
//   message: "{subject} may read Secrets through {binding}"
//   description: …
//   remediation: …
//   references: [CIS 5.1.2]
//   location: role-ref                # optional: row (default) | role-ref
//   options:                          # optional: settings .rbacq.yaml may change (rules.options)
//     trusted-subjects:               #   the query reads them: listed(trusted-subjects, subject)
//       description: …
//       default: [sa:argocd/argocd-server]
//
// Several severities: `cases:` — a list of {severity, query, [message], [certainty], [location]}
// — instead of severity and query (a case without a message or location uses the rule's).
// `location: role-ref` points each finding at the roleRef of the row's binding instead of the
// line the row points at (for bindings, the subject entry): for what is wrong with the reference.
#pragma once

#include <optional>
#include <span>

#include "analyzer/analysis_context.hpp"
#include "analyzer/input/source_text.hpp"
#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::rules {

/// Reads one rule file; nullopt (with diagnostics [rule-invalid], [query-syntax]) when it is
/// not a rule. `builtin`: the file name must be ID.yaml.
[[nodiscard]] std::optional<Rule> read_rule(const analyzer::SourceText& source, bool builtin, Diagnostics& diagnostics);

/// Checks a rule's queries and message templates against an analysis (resources, columns):
/// [query-check] and [rule-invalid] at their positions in the rule file. True when it is clean.
bool check_rule(const Rule& rule, const analyzer::AnalysisContext& context, Diagnostics& diagnostics);

/// Parses `c.query` into `c.parsed`; a [query-syntax] error at its position in the file (through
/// `c.positions`, which must be set). False on error.
bool parse_case_query(RuleCase& c, Diagnostics& diagnostics);

/// check_rule for one query and its message (none: nothing to bind), with the rule's `options`.
bool check_case(const RuleCase& c, const analyzer::AnalysisContext& context, Diagnostics& diagnostics,
                std::span<const query::QueryOption> options = {});

}  // namespace rbacq::rules
