// SPDX-License-Identifier: Apache-2.0
// What the parser keeps of a match and how it becomes the syntax tree of ast.hpp: the parse-tree
// selector (which rules make nodes), the nesting guard, and one builder per construct. Private
// to query/parser.cpp.
#pragma once

#include <charconv>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "query/ast.hpp"
#include "query/grammar.hpp"
#include "query/request_plan.hpp"

namespace rbacq::query::grammar {

/// Parentheses and `not` may nest this deep: more is certainly not a question a person asked,
/// and each level costs stack.
inline constexpr std::size_t kMaxNesting = 64;

/// The rules that become nodes; everything else only shapes the match.
template <typename Rule>
using selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<can_statement, who_statement, what_statement, selection, user_subject, group_subject, sa_subject,
                                         sa_long_subject, dquoted, squoted, bare_name, bare_segment, verb_set, verb, resource,
                                         url_target, url_path, named, scope_cluster, scope_any, scope_namespace, what_namespace, column,
                                         number, word, value_list, call, argument, op_match, op_not_match, op_ne, op_le, op_ge, op_eq,
                                         op_lt, op_gt, in_tail, not_in_tail, has_any, has_all, has_one, predicate, paren_expr,
                                         exists_expr, negation, and_expr, or_expr, count_word, relation_name, where_clause,
                                         order_clause, descending, limit_count, resource_target>>;

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

using Node = pegtl::parse_tree::node;

/// Builds the syntax tree from the parse tree of a successful match.
class Builder {
 public:
  [[nodiscard]] static Query query(const Node& root) {
    Query q;
    for (const auto& child : root.children) q.statements.push_back(statement(*child));
    return q;
  }

 private:
  static Span span(const Node& n) {
    return {static_cast<std::uint32_t>(n.begin().byte), static_cast<std::uint32_t>(n.end().byte)};
  }

  static std::string unquote(std::string_view quoted) {
    std::string out;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
      char c = quoted[i];
      if (c == '\\' && i + 2 < quoted.size()) {
        c = quoted[++i];
        if (c == 'n') c = '\n';
        if (c == 't') c = '\t';
      }
      out += c;
    }
    return out;
  }

  /// The text of a name, segment, or quoted string node.
  static std::string text(const Node& n) {
    if (n.is_type<dquoted>() || n.is_type<squoted>()) return unquote(n.string_view());
    return std::string(n.string_view());
  }

  static SubjectRef subject(const Node& n) {
    SubjectRef s;
    s.span = span(n);
    if (n.is_type<user_subject>()) {
      s.kind = SubjectRef::Kind::user;
      s.name = text(*n.children.at(0));
    } else if (n.is_type<group_subject>()) {
      s.kind = SubjectRef::Kind::group;
      s.name = text(*n.children.at(0));
    } else {
      s.kind = SubjectRef::Kind::service_account;
      s.namespace_ = text(*n.children.at(0));
      s.name = text(*n.children.at(1));
    }
    return s;
  }

  static bool is_subject(const Node& n) {
    return n.is_type<user_subject>() || n.is_type<group_subject>() || n.is_type<sa_subject>() || n.is_type<sa_long_subject>();
  }

  static Verbs verbs(const Node& n) {
    Verbs v;
    v.span = span(n);
    if (n.is_type<verb_set>()) {
      v.braced = true;
      for (const auto& c : n.children) v.items.emplace_back(c->string_view());
    } else {
      v.items.emplace_back(n.string_view());
    }
    return v;
  }

  static Target target(const Node& n) {
    if (n.is_type<url_target>()) {
      Target t;
      t.url = true;
      const Node& path = *n.children.at(0);
      t.resource = path.children.empty() ? std::string(path.string_view()) : text(*path.children.at(0));
      t.span = span(path);
      return t;
    }
    // resource_target: the resource, then `named NAME` and the scope when written.
    const Node& r = *n.children.at(0);
    Target out = target_of(r.string_view(), span(r));
    for (const auto& c : n.children) {
      if (c->is_type<named>()) {
        out.name = text(*c->children.at(0));
        out.name_span = span(*c->children.at(0));
      }
    }
    return out;
  }

  static Scope scope_of(const Node& target_node) {
    Scope s;
    for (const auto& c : target_node.children) {
      if (c->is_type<scope_cluster>()) {
        s = {Scope::Kind::cluster_wide, {}, span(*c), false};
      } else if (c->is_type<scope_any>()) {
        s = {Scope::Kind::any_namespace, {}, span(*c), false};
      } else if (c->is_type<scope_namespace>()) {
        s = {Scope::Kind::namespace_, text(*c->children.at(0)), span(*c), false};
      }
    }
    return s;
  }

  static Literal literal(const Node& n) {
    Literal l;
    l.span = span(n);
    if (is_subject(n)) {
      l.kind = Literal::Kind::subject;
      l.subject = subject(n);
      l.text = std::string(n.string_view());
    } else if (n.is_type<dquoted>() || n.is_type<squoted>()) {
      l.kind = Literal::Kind::string;
      l.text = text(n);
    } else if (n.is_type<number>()) {
      l.kind = Literal::Kind::number;
      l.text = std::string(n.string_view());
    } else {
      l.kind = Literal::Kind::word;
      l.text = std::string(n.string_view());
    }
    return l;
  }

  static std::vector<Literal> literals(const Node& list) {
    std::vector<Literal> out;
    for (const auto& c : list.children) out.push_back(literal(*c));
    return out;
  }

  static Operand operand(const Node& n) {
    Operand o;
    o.span = span(n);
    if (n.is_type<column>()) {
      o.name = std::string(n.string_view());
      return o;
    }
    o.call = true;
    const std::string_view all = n.string_view();
    std::string_view name = all.substr(0, all.find('('));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
    o.name = std::string(name);
    for (const auto& a : n.children) {
      Argument arg;
      arg.span = span(*a);
      if (!a->children.empty() && a->children.front()->is_type<verb_set>()) {
        arg.verbs = verbs(*a->children.front());
        arg.text = std::string(a->string_view());
      } else if (!a->children.empty()) {
        arg.quoted = true;
        arg.text = text(*a->children.front());
        arg.verbs.items = {arg.text};
        arg.verbs.span = arg.span;
      } else {
        arg.text = std::string(a->string_view());
        arg.verbs.items = {arg.text};
        arg.verbs.span = arg.span;
      }
      o.arguments.push_back(std::move(arg));
    }
    return o;
  }

  static ExprPtr predicate_expr(const Node& n) {
    auto e = std::make_unique<Expr>();
    e->span = span(n);
    e->operand = operand(*n.children.at(0));
    if (n.children.size() == 1) {
      e->kind = Expr::Kind::test;
      return e;
    }
    const Node& tail = *n.children.at(1);
    if (tail.is_type<in_tail>() || tail.is_type<not_in_tail>()) {
      e->kind = Expr::Kind::in;
      e->negated = tail.is_type<not_in_tail>();
      e->values = literals(*tail.children.at(0));
    } else if (tail.is_type<has_one>()) {
      e->kind = Expr::Kind::has;
      e->has_mode = HasMode::one;
      e->values.push_back(literal(*tail.children.at(0)));
    } else if (tail.is_type<has_any>() || tail.is_type<has_all>()) {
      e->kind = Expr::Kind::has;
      e->has_mode = tail.is_type<has_any>() ? HasMode::any : HasMode::all;
      e->values = literals(*tail.children.at(0));
    } else {
      e->kind = Expr::Kind::compare;
      e->op = tail.is_type<op_match>()       ? CompareOp::match
              : tail.is_type<op_not_match>() ? CompareOp::not_match
              : tail.is_type<op_ne>()        ? CompareOp::ne
              : tail.is_type<op_le>()        ? CompareOp::le
              : tail.is_type<op_ge>()        ? CompareOp::ge
              : tail.is_type<op_lt>()        ? CompareOp::lt
              : tail.is_type<op_gt>()        ? CompareOp::gt
                                             : CompareOp::eq;
      e->values.push_back(literal(*n.children.at(2)));
    }
    return e;
  }

  static ExprPtr expr(const Node& n) {
    if ((n.is_type<or_expr>() || n.is_type<and_expr>()) && n.children.size() == 1) return expr(*n.children.front());
    auto e = std::make_unique<Expr>();
    e->span = span(n);
    if (n.is_type<or_expr>() || n.is_type<and_expr>()) {
      e->kind = n.is_type<or_expr>() ? Expr::Kind::or_ : Expr::Kind::and_;
      for (const auto& c : n.children) e->children.push_back(expr(*c));
    } else if (n.is_type<negation>()) {
      e->kind = Expr::Kind::not_;
      e->children.push_back(expr(*n.children.at(0)));
    } else if (n.is_type<paren_expr>()) {
      ExprPtr inner = expr(*n.children.at(0));
      inner->parenthesized = true;
      inner->span = span(n);
      return inner;
    } else if (n.is_type<exists_expr>()) {
      e->kind = Expr::Kind::exists;
      e->has_operand = !n.children.empty();
      if (e->has_operand) e->operand = operand(*n.children.front());
    } else {
      return predicate_expr(n);
    }
    return e;
  }

  static Selection selection_of(const Node& n) {
    Selection s;
    for (const auto& c : n.children) {
      if (c->is_type<count_word>()) {
        s.count = true;
      } else if (c->is_type<relation_name>()) {
        s.relation = std::string(c->string_view());
        s.relation_span = span(*c);
      } else if (c->is_type<where_clause>()) {
        s.where = expr(*c->children.at(0));
      } else if (c->is_type<order_clause>()) {
        OrderBy o;
        o.column = std::string(c->children.at(0)->string_view());
        o.span = span(*c->children.at(0));
        o.descending = c->children.size() > 1;
        s.order = std::move(o);
      } else if (c->is_type<limit_count>()) {
        s.limit_span = span(*c);
        const std::string_view digits = c->string_view();
        std::int64_t value = 0;
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        s.limit = ec == std::errc() ? value : -1;  // -1: too large, reported by the checker
      }
    }
    return s;
  }

  static Statement statement(const Node& n) {
    if (n.is_type<can_statement>()) {
      CanQuery q;
      q.subject = subject(*n.children.at(0));
      q.verbs = verbs(*n.children.at(1));
      q.target = target(*n.children.at(2));
      q.scope = scope_of(*n.children.at(2));
      return q;
    }
    if (n.is_type<who_statement>()) {
      WhoCanQuery q;
      q.verbs = verbs(*n.children.at(0));
      q.target = target(*n.children.at(1));
      q.scope = scope_of(*n.children.at(1));
      return q;
    }
    if (n.is_type<what_statement>()) {
      WhatCanQuery q;
      q.subject = subject(*n.children.at(0));
      if (n.children.size() > 1) {
        q.namespace_ = text(*n.children.at(1)->children.at(0));
        q.namespace_span = span(*n.children.at(1)->children.at(0));
      }
      return q;
    }
    return selection_of(n);
  }
};

}  // namespace rbacq::query::grammar
