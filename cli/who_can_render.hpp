// SPDX-License-Identifier: Apache-2.0
// How who-can shows its answer: a table of subjects with the binding, role and rule that allow
// (system:masters first), who may do it only for named objects, and who is in each group; as
// text and JSON. The answer comes from query/; nothing here decides anything.
#pragma once

#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/answers.hpp"

namespace rbacq::cli {

/// "who can REQUEST:" and the tables, then one line per group whose members Kubernetes decides.
[[nodiscard]] std::string who_can_text(const query::WhoCanAnswers& answers);

/// {"schema","statement","request","subjects","onlyForNames","errors","notes","diagnostics"}.
[[nodiscard]] std::string who_can_json(const analyzer::AnalysisContext& context, const std::string& statement,
                                       const query::WhoCanAnswers& answers, const std::vector<analyzer::rbac::QuestionNote>& notes);

}  // namespace rbacq::cli
