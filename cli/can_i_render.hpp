// SPDX-License-Identifier: Apache-2.0
// How can-i shows its answers: yes/no with the proof (--explain) and the effective rules
// (--list), as text and JSON. The answers come from query/; nothing here decides anything.
#pragma once

#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/answers.hpp"
#include "query/phrases.hpp"

namespace rbacq::cli {

/// --explain: the statement it was asked as, the request, the user with all their groups, every
/// grant (subject → binding → role → rule at file:line:col), or what came close for a no.
[[nodiscard]] std::string explanation_text(const std::string& statement, const analyzer::rbac::UserInfo& user,
                                           const query::CanAnswer& answer);

/// {"schema","statement","allowed","decision","via","reason","request","user","grants","nearMisses","errors","notes","diagnostics"}.
[[nodiscard]] std::string decision_json(const analyzer::AnalysisContext& context, const std::string& statement,
                                        const analyzer::rbac::UserInfo& user, const query::CanAnswer& answer,
                                        const std::vector<analyzer::rbac::QuestionNote>& notes);

/// --list: the rules as kubectl auth can-i --list shows them, one row per resource (or URL),
/// names and scope, with the verbs of every rule that grants it merged.
[[nodiscard]] std::string rules_table(const query::WhatCanAnswer& answer, bool headers);

/// {"schema","statement","user","namespace","privileged","rules","errors","notes","diagnostics"}.
[[nodiscard]] std::string rules_json(const analyzer::AnalysisContext& context, const std::string& statement,
                                     const analyzer::rbac::UserInfo& user, const std::string& namespace_, const query::WhatCanAnswer& answer,
                                     const std::vector<analyzer::rbac::QuestionNote>& notes);

}  // namespace rbacq::cli
