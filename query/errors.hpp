// SPDX-License-Identifier: Apache-2.0
// What a syntax error says: one message per commitment point of grammar.hpp. Private to
// query/parser.cpp. The parser adds the position, what was found there and a caret line.
#pragma once

#include "query/grammar.hpp"

namespace rbacq::query::grammar {

/// PEGTL's must_if<errors>: a rule with a message raises a parse error when it fails.
struct errors {
  template <typename Rule>
  static constexpr const char* message = nullptr;  // NOLINT(readability-identifier-naming): PEGTL's name
};

// NOLINTBEGIN(readability-identifier-naming)
template <> inline constexpr const char* errors::message<expect_escape> = "unknown escape: inside quotes write \\\\, \\\", \\', \\n or \\t";
template <> inline constexpr const char* errors::message<expect_dquote_end> = "unterminated string: expected a closing '\"' on the same line";
template <> inline constexpr const char* errors::message<expect_squote_end> = "unterminated string: expected a closing \"'\" on the same line";
template <> inline constexpr const char* errors::message<error<expect_name>> = "expected a name (letters, digits, '-', '_', '.', ':', '@', or a quoted string)";
template <> inline constexpr const char* errors::message<error<expect_segment>> = "expected a namespace or name (letters, digits, '-', '_', '.', or a quoted string)";
template <> inline constexpr const char* errors::message<expect_slash> = "expected '/' between the namespace and the name, as in sa:NAMESPACE/NAME";
template <> inline constexpr const char* errors::message<expect_colon> = "expected ':' between the namespace and the name, as in system:serviceaccount:NAMESPACE:NAME";
template <> inline constexpr const char* errors::message<error<expect_subject>> =
    "expected a subject: user:NAME, group:NAME, sa:NAMESPACE/NAME or system:serviceaccount:NAMESPACE:NAME";
template <> inline constexpr const char* errors::message<error<expect_groups_word>> = "expected 'groups' (with groups (...) or with only groups (...))";
template <> inline constexpr const char* errors::message<error<expect_group_list>> = "expected a parenthesized list of group names, as in (dev, \"system:masters\")";
template <> inline constexpr const char* errors::message<error<expect_group_word>> = "expected 'group' after 'of' (of group GROUP; \"\" is the core group)";
template <> inline constexpr const char* errors::message<error<expect_verb>> = "expected a verb such as get, list, create or *";
template <> inline constexpr const char* errors::message<expect_brace_end> = "expected ',' and another verb, or '}' to close the verb set";
template <> inline constexpr const char* errors::message<error<expect_verbs>> = "expected a verb (get, list, create, *) or a set of verbs such as {get,list,watch}";
template <> inline constexpr const char* errors::message<error<expect_subresource>> = "expected a subresource after '/', as in pods/exec or deployments.apps/scale";
template <> inline constexpr const char* errors::message<error<expect_url_path>> = "expected a URL path starting with '/', as in url /healthz";
template <> inline constexpr const char* errors::message<error<expect_namespace_word>> = "expected 'namespace' after 'in any' (in any namespace)";
template <> inline constexpr const char* errors::message<error<expect_scope_after_in>> = "expected a namespace name or 'any namespace' after 'in'";
template <> inline constexpr const char* errors::message<error<expect_target>> =
    "expected a resource (pods, deployments.apps, pods/exec, *) or url PATH";
template <> inline constexpr const char* errors::message<error<expect_column>> = "expected a column name, such as name or subject.kind";
template <> inline constexpr const char* errors::message<error<expect_value>> =
    "expected a value: a word, a \"quoted string\", a number or a subject (user:NAME, group:NAME, sa:NS/NAME)";
template <> inline constexpr const char* errors::message<expect_paren_end> = "expected ')'";
template <> inline constexpr const char* errors::message<error<expect_value_list>> = "expected a parenthesized list of values, as in (get, list)";
template <> inline constexpr const char* errors::message<error<expect_argument>> = "expected an argument: a verb or {verbs}, a resource, a name or a \"quoted string\"";
template <> inline constexpr const char* errors::message<error<expect_has_operand>> = "expected a value, or 'any (...)' or 'all (...)', after 'has'";
template <> inline constexpr const char* errors::message<error<expect_primary>> =
    "expected a condition: COLUMN OP VALUE, COLUMN has VALUE, COLUMN in (...), a boolean column, a function call, exists, not or '('";
template <> inline constexpr const char* errors::message<error<expect_not_operand>> = "expected a condition after 'not'";
template <> inline constexpr const char* errors::message<error<expect_expression>> = "expected a condition";
template <> inline constexpr const char* errors::message<error<expect_can>> = "expected 'can' (who can …, what can …)";
template <> inline constexpr const char* errors::message<error<expect_relation>> =
    "expected a statement: can …, who can …, what can …, count …, select … from …, or a relation such as subjects, bindings, roles, rules or "
    "grants";
template <> inline constexpr const char* errors::message<error<expect_by>> = "expected 'by' after 'order'";
template <> inline constexpr const char* errors::message<error<expect_limit_count>> = "expected a whole number after 'limit'";
template <> inline constexpr const char* errors::message<error<expect_request_end>> =
    "expected 'of group GROUP', 'named NAME', a scope (in NAMESPACE, in any namespace, cluster-wide), where, by, order by, limit, ';' or the "
    "end of the query";
template <> inline constexpr const char* errors::message<error<expect_what_end>> =
    "expected 'with groups (...)', 'in NAMESPACE', where, by, order by, limit, ';' or the end of the query";
template <> inline constexpr const char* errors::message<error<expect_selection_end>> =
    "expected 'and', 'or', 'where', 'by', 'order by', 'limit', ';' or the end of the query";
template <> inline constexpr const char* errors::message<error<expect_from>> = "expected ',' and another column, or 'from' (select COLUMNS from RELATION)";
template <> inline constexpr const char* errors::message<error<expect_regex>> =
    "expected a regular expression in quotes, as in name =~ \"^system:\" (RE2 syntax)";
template <> inline constexpr const char* errors::message<expect_query_end> =
    "expected ';' or the end of the query (after a relation: where, order by or limit)";
// NOLINTEND(readability-identifier-naming)

}  // namespace rbacq::query::grammar
