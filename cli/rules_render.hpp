// SPDX-License-Identifier: Apache-2.0
// The rule catalogue for people (an aligned table; one rule's documentation) and for machines
// (JSON, rbacq/v1). Escaping for a terminal happens here: user rules are input too.
#pragma once

#include <string>
#include <vector>

#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::cli {

/// ID, SEVERITY and TITLE, one rule a line, then how to read one.
[[nodiscard]] std::string rules_text(const std::vector<rules::Rule>& rules);

/// One rule's documentation: title, severity and certainty (per case when it has several),
/// description, remediation, references, each case's query and message, and its file for a
/// user rule.
[[nodiscard]] std::string rule_text(const rules::Rule& rule);

/// {"schema":"rbacq/v1","rules":[{id,title,severity,builtin,file,description,remediation,references,
///  cases:[{severity,certainty,query,message}]}],"diagnostics":[…]}.
[[nodiscard]] std::string rules_json(const std::vector<rules::Rule>& rules, const std::vector<Diagnostic>& diagnostics);

/// {"schema":"rbacq/v1","rule":{…as in rules_json…},"diagnostics":[…]}.
[[nodiscard]] std::string rule_json(const rules::Rule& rule, const std::vector<Diagnostic>& diagnostics);

}  // namespace rbacq::cli
