// SPDX-License-Identifier: Apache-2.0
// What the parser keeps of a match: the parse-tree selector (which rules make nodes) and the
// nesting guard (how deep parentheses and `not` may go). Private to query/parser.cpp.
#pragma once

#include <cstddef>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "query/grammar.hpp"

namespace rbacq::query::grammar {

/// Parentheses and `not` may nest this deep: more is certainly not a question a person asked,
/// and each level costs stack.
inline constexpr std::size_t kMaxNesting = 64;

/// The rules that become nodes; everything else only shapes the match.
template <typename Rule>
using selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<
        statement, can_statement, who_statement, what_statement, relation_name, count_word, projection, distinct_word, group_clause,
        where_clause, order_clause, descending, limit_count, user_subject, group_subject, sa_subject, sa_long_subject, dquoted,
        squoted, bare_name, bare_segment, verb_set, verb, resource, url_target, url_path, named, scope_cluster, scope_any,
        scope_namespace, what_namespace, column, number, word, value_list, call, argument, any_verbs, argument_word, argument_named,
        op_match, op_not_match, op_ne, op_le, op_ge, op_eq, op_lt, op_gt, in_tail, not_in_tail, has_any, has_all, has_one, has_key,
        items_any, items_all, predicate, paren_expr, exists_expr, negation, and_expr, or_expr, resource_target, groups_clause,
        only_groups, group_qualifier, count_column>>;

/// Counts nesting on the input (PEGTL's limit_depth, with our message and only for the rules
/// that nest).
struct nesting_guard : pegtl::maybe_nothing {
  template <typename Rule, pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    ++in.private_depth;
    struct Restore {
      std::size_t& depth;
      explicit Restore(std::size_t& d) : depth(d) {}
      Restore(const Restore&) = delete;
      Restore(Restore&&) = delete;
      Restore& operator=(const Restore&) = delete;
      Restore& operator=(Restore&&) = delete;
      ~Restore() { --depth; }
    } restore{in.private_depth};
    if (in.private_depth > kMaxNesting) {
      throw pegtl::parse_error("the expression nests parentheses and 'not' more than 64 deep", in);
    }
    return pegtl::match<Rule, A, M, Action, Control>(in, st...);
  }
};

template <typename Rule>
struct nesting : pegtl::nothing<Rule> {};
template <>
struct nesting<paren_expr> : nesting_guard {};
template <>
struct nesting<negation> : nesting_guard {};

}  // namespace rbacq::query::grammar
