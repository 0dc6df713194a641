// SPDX-License-Identifier: Apache-2.0
// The grammar of the query language, as PEGTL rules. Private to query/parser.cpp, the only
// translation unit that includes PEGTL (DESIGN §1). docs/query-language.md has the same grammar
// in EBNF: change both together.
//
// Rules named expect_* are commitment points: once a statement has begun, a failure there is a
// syntax error with the message errors.hpp gives that rule, at the position where it failed. A
// non-leaf expect_X is sor<X, error<expect_X>>: PEGTL's parse tree does not call the control's
// failure() for rules that hold stored nodes, so the raising is left to the leaf error<>.
#pragma once

#include <tao/pegtl.hpp>

namespace rbacq::query::grammar {

namespace pegtl = tao::pegtl;

/// Always fails; errors.hpp gives error<expect_X> the message, so failing here raises it.
template <class Tag>
struct error : pegtl::failure {};

// --- Lexical ------------------------------------------------------------------------------

/// `# …` to the end of the line.
struct comment : pegtl::seq<pegtl::one<'#'>, pegtl::until<pegtl::eolf>> {};
struct ws : pegtl::star<pegtl::sor<pegtl::space, comment>> {};

/// Characters that continue a bare word: Kubernetes names, group and user names, resources.
struct word_char : pegtl::sor<pegtl::alnum, pegtl::one<'-', '_', '.', ':', '@'>> {};

/// A keyword: the letters, not followed by more of a word.
template <char... C>
struct kw : pegtl::seq<pegtl::string<C...>, pegtl::not_at<pegtl::sor<word_char, pegtl::one<'/'>>>> {};

struct kw_can : kw<'c', 'a', 'n'> {};
struct kw_who : kw<'w', 'h', 'o'> {};
struct kw_what : kw<'w', 'h', 'a', 't'> {};
struct kw_in : kw<'i', 'n'> {};
struct kw_any : kw<'a', 'n', 'y'> {};
struct kw_all : kw<'a', 'l', 'l'> {};
struct kw_namespace : kw<'n', 'a', 'm', 'e', 's', 'p', 'a', 'c', 'e'> {};
struct kw_cluster_wide : kw<'c', 'l', 'u', 's', 't', 'e', 'r', '-', 'w', 'i', 'd', 'e'> {};
struct kw_named : kw<'n', 'a', 'm', 'e', 'd'> {};
struct kw_url : kw<'u', 'r', 'l'> {};
struct kw_where : kw<'w', 'h', 'e', 'r', 'e'> {};
struct kw_order : kw<'o', 'r', 'd', 'e', 'r'> {};
struct kw_by : kw<'b', 'y'> {};
struct kw_asc : kw<'a', 's', 'c'> {};
struct kw_desc : kw<'d', 'e', 's', 'c'> {};
struct kw_limit : kw<'l', 'i', 'm', 'i', 't'> {};
struct kw_count : kw<'c', 'o', 'u', 'n', 't'> {};
struct kw_and : kw<'a', 'n', 'd'> {};
struct kw_or : kw<'o', 'r'> {};
struct kw_not : kw<'n', 'o', 't'> {};
struct kw_has : kw<'h', 'a', 's'> {};
struct kw_exists : kw<'e', 'x', 'i', 's', 't', 's'> {};
struct kw_with : kw<'w', 'i', 't', 'h'> {};
struct kw_only : kw<'o', 'n', 'l', 'y'> {};
struct kw_groups : kw<'g', 'r', 'o', 'u', 'p', 's'> {};
struct kw_of : kw<'o', 'f'> {};
struct kw_group : kw<'g', 'r', 'o', 'u', 'p'> {};  // not `group:NAME`: ':' continues a word
struct kw_select : kw<'s', 'e', 'l', 'e', 'c', 't'> {};
struct kw_from : kw<'f', 'r', 'o', 'm'> {};
struct kw_distinct : kw<'d', 'i', 's', 't', 'i', 'n', 'c', 't'> {};
struct kw_key : kw<'k', 'e', 'y'> {};

/// Words that are never column names, relation names or bare values. (`namespace` is a keyword
/// only after `in any`: it is also a column. `with`, `only`, `groups`, `of` and `group` are
/// keywords only where a statement expects them, so they stay usable as values.)
struct reserved : pegtl::sor<kw_can, kw_who, kw_what, kw_in, kw_any, kw_all, kw_cluster_wide, kw_named, kw_url, kw_where, kw_order,
                             kw_by, kw_asc, kw_desc, kw_limit, kw_count, kw_and, kw_or, kw_not, kw_has, kw_exists, kw_select,
                             kw_from, kw_distinct> {};

// Quoted strings: "…" or '…', with \\ \" \' \n \t.
struct escaped : pegtl::seq<pegtl::one<'\\'>, pegtl::one<'\\', '"', '\'', 'n', 't'>> {};
struct expect_escape : pegtl::failure {};  // only its message is used: see errors.hpp
struct bad_escape : pegtl::seq<pegtl::one<'\\'>, expect_escape> {};
struct expect_dquote_end : pegtl::one<'"'> {};
struct expect_squote_end : pegtl::one<'\''> {};
struct dquoted_char : pegtl::sor<escaped, bad_escape, pegtl::not_one<'"', '\\', '\n'>> {};
struct squoted_char : pegtl::sor<escaped, bad_escape, pegtl::not_one<'\'', '\\', '\n'>> {};
struct dquoted : pegtl::seq<pegtl::one<'"'>, pegtl::star<dquoted_char>, expect_dquote_end> {};
struct squoted : pegtl::seq<pegtl::one<'\''>, pegtl::star<squoted_char>, expect_squote_end> {};
struct quoted : pegtl::sor<dquoted, squoted> {};

/// A bare name: a Kubernetes name, a user or group name (`system:masters`, `alice@corp`).
struct bare_name : pegtl::plus<word_char> {};
struct name : pegtl::sor<quoted, bare_name> {};
/// The parts of `system:serviceaccount:NS:NAME` cannot contain ':'.
struct bare_segment : pegtl::plus<pegtl::sor<pegtl::alnum, pegtl::one<'-', '_', '.', '@'>>> {};
struct segment : pegtl::sor<quoted, bare_segment> {};

struct expect_name : pegtl::sor<name, error<expect_name>> {};
struct expect_segment : pegtl::sor<segment, error<expect_segment>> {};
struct expect_slash : pegtl::one<'/'> {};
struct expect_colon : pegtl::one<':'> {};
struct expect_paren_end : pegtl::one<')'> {};

// --- Subjects -----------------------------------------------------------------------------

struct user_subject : pegtl::seq<pegtl::string<'u', 's', 'e', 'r', ':'>, expect_name> {};
struct group_subject : pegtl::seq<pegtl::string<'g', 'r', 'o', 'u', 'p', ':'>, expect_name> {};
struct sa_subject : pegtl::seq<pegtl::string<'s', 'a', ':'>, expect_segment, expect_slash, expect_name> {};
struct sa_long_subject
    : pegtl::seq<TAO_PEGTL_STRING("system:serviceaccount:"), expect_segment, expect_colon, expect_segment> {};
struct subject : pegtl::sor<sa_long_subject, sa_subject, user_subject, group_subject> {};
struct expect_subject : pegtl::sor<subject, error<expect_subject>> {};

/// `with groups (dev, ops)` or `with only groups (dev)`: the groups the subject asks with.
struct only_groups : kw_only {};
struct expect_groups_word : pegtl::sor<kw_groups, error<expect_groups_word>> {};
struct group_list : pegtl::seq<pegtl::one<'('>, ws, pegtl::opt<name, ws, pegtl::star<pegtl::one<','>, ws, expect_name, ws>>, expect_paren_end> {};
struct expect_group_list : pegtl::sor<group_list, error<expect_group_list>> {};
struct groups_clause : pegtl::seq<kw_with, ws, pegtl::opt<only_groups, ws>, expect_groups_word, ws, expect_group_list> {};

// --- Requests -----------------------------------------------------------------------------

struct verb : pegtl::sor<pegtl::one<'*'>, pegtl::seq<pegtl::alpha, pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'-', '_'>>>>> {};
struct expect_verb : pegtl::sor<verb, error<expect_verb>> {};
struct expect_brace_end : pegtl::one<'}'> {};
struct verb_set : pegtl::seq<pegtl::one<'{'>, ws, expect_verb, ws, pegtl::star<pegtl::one<','>, ws, expect_verb, ws>, expect_brace_end> {};
struct plain_verb : pegtl::seq<pegtl::not_at<reserved>, verb> {};
struct verbs : pegtl::sor<verb_set, plain_verb> {};
struct expect_verbs : pegtl::sor<verbs, error<expect_verbs>> {};

/// `pods`, `deployments.apps`, `pods/exec`, `*`, `certificates.cert-manager.io/status`.
struct resource_part : pegtl::sor<pegtl::one<'*'>, pegtl::seq<pegtl::alnum, pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'-', '.', '_'>>>>> {};
struct expect_subresource : pegtl::sor<resource_part, error<expect_subresource>> {};
struct resource : pegtl::seq<pegtl::not_at<reserved>, resource_part, pegtl::opt<pegtl::one<'/'>, expect_subresource>> {};
struct url_path : pegtl::sor<quoted, pegtl::seq<pegtl::one<'/'>, pegtl::star<pegtl::not_one<' ', '\t', '\r', '\n', ';', '#'>>>> {};
struct expect_url_path : pegtl::sor<url_path, error<expect_url_path>> {};
struct url_target : pegtl::seq<kw_url, ws, expect_url_path> {};
struct named : pegtl::seq<kw_named, ws, expect_name> {};
/// `of group G`: the resource taken literally in API group G, as `--api-group` asks it.
struct expect_group_word : pegtl::sor<kw_group, error<expect_group_word>> {};
struct group_qualifier : pegtl::seq<kw_of, ws, expect_group_word, ws, expect_name> {};
struct scope_cluster : kw_cluster_wide {};
struct expect_namespace_word : pegtl::sor<kw_namespace, error<expect_namespace_word>> {};
struct scope_any : pegtl::seq<kw_any, ws, expect_namespace_word> {};
struct scope_namespace : pegtl::seq<pegtl::not_at<reserved>, name> {};
struct expect_scope_after_in : pegtl::sor<scope_any, scope_namespace, error<expect_scope_after_in>> {};
struct scope : pegtl::sor<scope_cluster, pegtl::seq<kw_in, ws, expect_scope_after_in>> {};
struct resource_target : pegtl::seq<resource, pegtl::opt<ws, group_qualifier>, pegtl::opt<ws, named>, pegtl::opt<ws, scope>> {};
struct target : pegtl::sor<url_target, resource_target> {};
struct expect_target : pegtl::sor<target, error<expect_target>> {};

// --- Expressions --------------------------------------------------------------------------

struct identifier_start : pegtl::sor<pegtl::ranges<'a', 'z', 'A', 'Z'>, pegtl::one<'_'>> {};
struct identifier_part : pegtl::seq<identifier_start, pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'_'>>>> {};
/// A column: `kind`, `subject.kind`, `rule.verbs`. Keywords are not identifiers.
struct column : pegtl::seq<pegtl::not_at<reserved>, identifier_part, pegtl::star<pegtl::one<'.'>, identifier_part>,
                           pegtl::not_at<pegtl::sor<word_char, pegtl::one<'/'>>>> {};
struct expect_column : pegtl::sor<column, error<expect_column>> {};

struct number : pegtl::seq<pegtl::opt<pegtl::one<'-'>>, pegtl::plus<pegtl::digit>, pegtl::not_at<word_char>> {};
/// A bare value: `cluster-admin`, `ServiceAccount`, `system:masters`, `pods/exec`, `*`.
struct word : pegtl::seq<pegtl::not_at<reserved>, pegtl::plus<pegtl::sor<word_char, pegtl::one<'/', '*'>>>> {};
struct value : pegtl::sor<subject, quoted, number, word> {};
struct expect_value : pegtl::sor<value, error<expect_value>> {};
struct value_list : pegtl::seq<pegtl::one<'('>, ws, pegtl::opt<expect_value, ws, pegtl::star<pegtl::one<','>, ws, expect_value, ws>>, expect_paren_end> {};
struct expect_value_list : pegtl::sor<value_list, error<expect_value_list>> {};

/// A function argument: verbs (`{get,list}` every one, `any {get,list}` at least one), a
/// resource (optionally `named NAME`), a namespace or a column (the function says which).
struct any_verbs : kw_any {};
struct argument_word : pegtl::plus<pegtl::sor<word_char, pegtl::one<'/', '*'>>> {};
struct argument_named : pegtl::seq<kw_named, ws, expect_name> {};
struct argument : pegtl::sor<pegtl::seq<any_verbs, ws, verb_set>, verb_set, quoted, pegtl::seq<argument_word, pegtl::opt<ws, argument_named>>> {};
struct expect_argument : pegtl::sor<argument, error<expect_argument>> {};
/// `f()` has no arguments (k8s_minor()); otherwise an argument must follow the parenthesis.
struct call : pegtl::seq<identifier_part, ws, pegtl::one<'('>, ws,
                         pegtl::sor<pegtl::at<pegtl::one<')'>>, pegtl::seq<expect_argument, ws, pegtl::star<pegtl::one<','>, ws, expect_argument, ws>>>,
                         expect_paren_end> {};
struct operand : pegtl::sor<call, column> {};

struct op_match : pegtl::string<'=', '~'> {};
struct op_not_match : pegtl::string<'!', '~'> {};
struct op_ne : pegtl::string<'!', '='> {};
struct op_le : pegtl::string<'<', '='> {};
struct op_ge : pegtl::string<'>', '='> {};
struct op_eq : pegtl::sor<pegtl::string<'=', '='>, pegtl::one<'='>> {};
struct op_lt : pegtl::one<'<'> {};
struct op_gt : pegtl::one<'>'> {};
struct compare_op : pegtl::sor<op_match, op_not_match, op_ne, op_le, op_ge, op_eq, op_lt, op_gt> {};
/// A regular expression is a quoted string (or a plain word): `name =~ "^system:"`.
struct regex_op : pegtl::sor<op_match, op_not_match> {};
struct expect_regex : pegtl::sor<quoted, word, error<expect_regex>> {};
struct regex_tail : pegtl::seq<regex_op, ws, expect_regex> {};
struct compare_tail : pegtl::seq<compare_op, ws, expect_value> {};
/// `LIST any =~ RE`, `LIST all !~ RE`: a regular expression over a list's items.
struct items_any : kw_any {};
struct items_all : kw_all {};
struct items_tail : pegtl::seq<pegtl::sor<items_any, items_all>, ws, regex_op, ws, expect_regex> {};
struct in_tail : pegtl::seq<kw_in, ws, expect_value_list> {};
struct not_in_tail : pegtl::seq<kw_not, ws, kw_in, ws, expect_value_list> {};
struct has_any : pegtl::seq<kw_any, ws, expect_value_list> {};
struct has_all : pegtl::seq<kw_all, ws, expect_value_list> {};
struct has_one : value {};
/// `MAP has key K` (a map's `has K` asks for the key as well).
struct has_key : pegtl::seq<kw_key, ws, value> {};
struct expect_has_operand : pegtl::sor<has_any, has_all, has_key, has_one, error<expect_has_operand>> {};
struct has_tail : pegtl::seq<kw_has, ws, expect_has_operand> {};
struct predicate : pegtl::seq<operand, pegtl::opt<ws, pegtl::sor<regex_tail, compare_tail, in_tail, not_in_tail, has_tail, items_tail>>> {};

struct expression;
struct expect_expression;
struct paren_expr : pegtl::seq<pegtl::one<'('>, ws, expect_expression, ws, expect_paren_end> {};
struct exists_expr : pegtl::seq<kw_exists, pegtl::opt<ws, pegtl::one<'('>, ws, expect_column, ws, expect_paren_end>> {};
struct primary : pegtl::sor<paren_expr, exists_expr, predicate> {};
struct expect_primary : pegtl::sor<primary, error<expect_primary>> {};
struct not_expr;
struct expect_not_operand;
struct negation : pegtl::seq<kw_not, ws, expect_not_operand> {};
struct not_expr : pegtl::sor<negation, expect_primary> {};
struct expect_not_operand : pegtl::sor<not_expr, error<expect_not_operand>> {};
struct and_expr : pegtl::seq<not_expr, pegtl::star<ws, kw_and, ws, not_expr>> {};
struct or_expr : pegtl::seq<and_expr, pegtl::star<ws, kw_or, ws, and_expr>> {};
struct expression : pegtl::seq<or_expr> {};
struct expect_expression : pegtl::sor<expression, error<expect_expression>> {};

// --- Statements ---------------------------------------------------------------------------

/// Where a statement must end: before ';' or the end of the query.
struct statement_end : pegtl::seq<ws, pegtl::at<pegtl::sor<pegtl::one<';'>, pegtl::eof>>> {};
struct expect_request_end : pegtl::sor<statement_end, error<expect_request_end>> {};
struct expect_what_end : pegtl::sor<statement_end, error<expect_what_end>> {};
struct expect_selection_end : pegtl::sor<statement_end, error<expect_selection_end>> {};

struct can_statement : pegtl::seq<kw_can, ws, expect_subject, ws, pegtl::opt<groups_clause, ws>, expect_verbs, ws, expect_target> {};
struct expect_can : pegtl::sor<kw_can, error<expect_can>> {};
struct who_statement : pegtl::seq<kw_who, ws, expect_can, ws, expect_verbs, ws, expect_target> {};
struct what_namespace : pegtl::seq<kw_in, ws, expect_name> {};
struct what_statement : pegtl::seq<kw_what, ws, expect_can, ws, expect_subject, pegtl::opt<ws, groups_clause>, pegtl::opt<ws, what_namespace>> {};

struct relation_name : pegtl::seq<pegtl::not_at<reserved>, identifier_part, pegtl::not_at<pegtl::sor<word_char, pegtl::one<'/'>>>> {};
struct expect_relation : pegtl::sor<relation_name, error<expect_relation>> {};

/// The clauses every statement may end with, in this order.
struct where_clause : pegtl::seq<kw_where, ws, expect_expression> {};
struct expect_by : pegtl::sor<kw_by, error<expect_by>> {};
struct column_list : pegtl::seq<expect_column, pegtl::star<ws, pegtl::one<','>, ws, expect_column>> {};
struct group_clause : pegtl::seq<kw_by, ws, column_list> {};
struct descending : kw_desc {};
/// `order by count` orders the groups of a count (count is a keyword elsewhere).
struct count_column : kw_count {};
struct order_clause : pegtl::seq<kw_order, ws, expect_by, ws, pegtl::sor<count_column, expect_column>, pegtl::opt<ws, pegtl::sor<descending, kw_asc>>> {};
struct limit_count : pegtl::plus<pegtl::digit> {};
struct expect_limit_count : pegtl::sor<limit_count, error<expect_limit_count>> {};
struct limit_clause : pegtl::seq<kw_limit, ws, expect_limit_count> {};
struct tail : pegtl::seq<pegtl::opt<ws, where_clause>, pegtl::opt<ws, group_clause>, pegtl::opt<ws, order_clause>, pegtl::opt<ws, limit_clause>> {};

/// What a statement starts with: `count`, or `select [distinct] COLUMNS from`.
struct count_word : kw_count {};
struct distinct_word : kw_distinct {};
struct expect_from : pegtl::sor<kw_from, error<expect_from>> {};
struct projection : pegtl::seq<kw_select, ws, pegtl::opt<distinct_word, ws>, column_list, ws, expect_from> {};

struct request_statement : pegtl::seq<pegtl::sor<can_statement, who_statement>, tail, expect_request_end> {};
struct what_statement_end : pegtl::seq<what_statement, tail, expect_what_end> {};
struct relation_statement : pegtl::seq<expect_relation, tail, expect_selection_end> {};
struct statement : pegtl::seq<pegtl::opt<pegtl::sor<count_word, projection>, ws>, pegtl::sor<request_statement, what_statement_end, relation_statement>> {};
struct statement_start : pegtl::not_at<pegtl::sor<pegtl::one<';'>, pegtl::eof>> {};
struct optional_statement : pegtl::opt<statement_start, statement> {};
struct expect_query_end : pegtl::eof {};
/// One or more statements separated by ';' (empty statements are allowed, as in shells).
struct query : pegtl::seq<ws, optional_statement, ws, pegtl::star<pegtl::one<';'>, ws, optional_statement, ws>, expect_query_end> {};

}  // namespace rbacq::query::grammar
