// SPDX-License-Identifier: Apache-2.0
// The parse tree of a successful match → the syntax tree of ast.hpp, one builder per construct.
// Children are found by the grammar rule that made them (child<Rule>), never by position, so a
// change to the grammar's shape cannot silently take one part for another. Private to
// query/parser.cpp.
#pragma once

#include <charconv>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "query/ast.hpp"
#include "query/grammar.hpp"

namespace rbacq::query::grammar {

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
  template <class... Rules>
  static bool is(const Node& n) {
    return (n.is_type<Rules>() || ...);
  }

  /// The first child made by one of `Rules`, or nullptr.
  template <class... Rules>
  static const Node* find(const Node& n) {
    for (const auto& c : n.children) {
      if (is<Rules...>(*c)) return c.get();
    }
    return nullptr;
  }

  /// The child made by one of `Rules`, which the grammar guarantees.
  template <class... Rules>
  static const Node& child(const Node& n) {
    const Node* c = find<Rules...>(n);
    if (c == nullptr) throw std::logic_error("query parse tree: a node lacks a child the grammar guarantees");
    return *c;
  }

  /// Every child made by one of `Rules`, in order.
  template <class... Rules>
  static std::vector<const Node*> all(const Node& n) {
    std::vector<const Node*> out;
    for (const auto& c : n.children) {
      if (is<Rules...>(*c)) out.push_back(c.get());
    }
    return out;
  }

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
    if (is<dquoted, squoted>(n)) return unquote(n.string_view());
    return std::string(n.string_view());
  }

  /// The name-like children of a node: quoted strings, bare names and segments.
  static std::vector<const Node*> names(const Node& n) { return all<dquoted, squoted, bare_name, bare_segment>(n); }

  static SubjectRef subject(const Node& n) {
    SubjectRef s;
    s.span = span(n);
    const std::vector<const Node*> parts = names(n);
    if (is<user_subject>(n)) {
      s.kind = SubjectRef::Kind::user;
      s.name = text(*parts.at(0));
    } else if (is<group_subject>(n)) {
      s.kind = SubjectRef::Kind::group;
      s.name = text(*parts.at(0));
    } else {
      s.kind = SubjectRef::Kind::service_account;
      s.namespace_ = text(*parts.at(0));
      s.name = text(*parts.at(1));
    }
    return s;
  }

  static bool is_subject(const Node& n) { return is<user_subject, group_subject, sa_subject, sa_long_subject>(n); }

  static std::optional<GroupsClause> groups(const Node& statement) {
    const Node* clause = find<groups_clause>(statement);
    if (clause == nullptr) return std::nullopt;
    GroupsClause g;
    g.span = span(*clause);
    g.exact = find<only_groups>(*clause) != nullptr;
    for (const Node* name : names(*clause)) g.groups.push_back(text(*name));
    return g;
  }

  static Verbs verbs(const Node& n) {
    Verbs v;
    v.span = span(n);
    if (is<verb_set>(n)) {
      v.braced = true;
      for (const auto& c : n.children) v.items.emplace_back(c->string_view());
    } else {
      v.items.emplace_back(n.string_view());
    }
    return v;
  }

  static Target target(const Node& n) {
    if (is<url_target>(n)) {
      Target t;
      t.url = true;
      const Node& path = child<url_path>(n);
      t.resource = path.children.empty() ? std::string(path.string_view()) : text(*path.children.front());
      t.span = span(path);
      return t;
    }
    // resource_target: the resource, then `of group G`, `named NAME` and the scope when written.
    const Node& r = child<resource>(n);
    Target out = target_of(r.string_view(), span(r));
    if (const Node* g = find<group_qualifier>(n)) out.api_group = text(*names(*g).at(0));
    if (const Node* nm = find<named>(n)) {
      const Node& name = *names(*nm).at(0);
      out.name = text(name);
      out.name_span = span(name);
    }
    return out;
  }

  static Scope scope_of(const Node& target_node) {
    Scope s;
    if (const Node* c = find<scope_cluster>(target_node)) {
      s = {Scope::Kind::cluster_wide, {}, span(*c)};
    } else if (const Node* any = find<scope_any>(target_node)) {
      s = {Scope::Kind::any_namespace, {}, span(*any)};
    } else if (const Node* ns = find<scope_namespace>(target_node)) {
      s = {Scope::Kind::namespace_, text(*names(*ns).at(0)), span(*ns)};
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
    } else if (is<dquoted, squoted>(n)) {
      l.kind = Literal::Kind::string;
      l.text = text(n);
    } else if (is<number>(n)) {
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
    if (is<column>(n)) {
      o.name = std::string(n.string_view());
      return o;
    }
    o.call = true;
    const std::string_view all_text = n.string_view();
    std::string_view name = all_text.substr(0, all_text.find('('));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
    o.name = std::string(name);
    for (const Node* a : all<argument>(n)) {
      Argument arg;
      arg.span = span(*a);
      if (const Node* set = find<verb_set>(*a)) {
        arg.verbs = verbs(*set);
        arg.any = find<any_verbs>(*a) != nullptr;
        arg.text = std::string(set->string_view());
      } else if (const Node* quoted = find<dquoted, squoted>(*a)) {
        arg.quoted = true;
        arg.text = text(*quoted);
        arg.verbs.items = {arg.text};
        arg.verbs.span = arg.span;
      } else {
        const Node& word_node = child<argument_word>(*a);
        arg.text = std::string(word_node.string_view());
        arg.verbs.items = {arg.text};
        arg.verbs.span = span(word_node);
        if (const Node* nm = find<argument_named>(*a)) arg.name = text(*names(*nm).at(0));
      }
      o.arguments.push_back(std::move(arg));
    }
    return o;
  }

  static ExprPtr predicate_expr(const Node& n) {
    auto e = std::make_unique<Expr>();
    e->span = span(n);
    e->operand = operand(child<call, column>(n));
    if (const Node* mode = find<items_any, items_all>(n)) {
      // LIST any|all =~|!~ RE: the mode, the operator, then the expression.
      const Node& op = child<op_match, op_not_match>(n);
      e->kind = Expr::Kind::items;
      e->has_mode = is<items_any>(*mode) ? HasMode::any : HasMode::all;
      e->op = is<op_match>(op) ? CompareOp::match : CompareOp::not_match;
      e->values.push_back(literal(value_after(n, op)));
      return e;
    }
    const Node* tail =
        find<in_tail, not_in_tail, has_one, has_any, has_all, has_key, op_match, op_not_match, op_ne, op_le, op_ge, op_eq, op_lt, op_gt>(n);
    if (tail == nullptr) {
      e->kind = Expr::Kind::test;
      return e;
    }
    if (is<in_tail, not_in_tail>(*tail)) {
      e->kind = Expr::Kind::in;
      e->negated = is<not_in_tail>(*tail);
      e->values = literals(child<value_list>(*tail));
    } else if (is<has_one, has_key>(*tail)) {
      e->kind = Expr::Kind::has;
      e->has_mode = HasMode::one;
      e->key = is<has_key>(*tail);
      e->values.push_back(literal(*tail->children.front()));
    } else if (is<has_any, has_all>(*tail)) {
      e->kind = Expr::Kind::has;
      e->has_mode = is<has_any>(*tail) ? HasMode::any : HasMode::all;
      e->values = literals(child<value_list>(*tail));
    } else {
      // COLUMN OP VALUE: the operator, then the value after it.
      e->kind = Expr::Kind::compare;
      e->op = is<op_match>(*tail)       ? CompareOp::match
              : is<op_not_match>(*tail) ? CompareOp::not_match
              : is<op_ne>(*tail)        ? CompareOp::ne
              : is<op_le>(*tail)        ? CompareOp::le
              : is<op_ge>(*tail)        ? CompareOp::ge
              : is<op_lt>(*tail)        ? CompareOp::lt
              : is<op_gt>(*tail)        ? CompareOp::gt
                                        : CompareOp::eq;
      e->values.push_back(literal(value_after(n, *tail)));
    }
    return e;
  }

  /// The node after `before` among `n`'s children (a compare's value follows its operator).
  static const Node& value_after(const Node& n, const Node& before) {
    for (std::size_t i = 0; i + 1 < n.children.size(); ++i) {
      if (n.children[i].get() == &before) return *n.children[i + 1];
    }
    throw std::logic_error("query parse tree: a comparison lacks its value");
  }

  static ExprPtr expr(const Node& n) {
    if (is<or_expr, and_expr>(n) && n.children.size() == 1) return expr(*n.children.front());
    auto e = std::make_unique<Expr>();
    e->span = span(n);
    if (is<or_expr, and_expr>(n)) {
      e->kind = is<or_expr>(n) ? Expr::Kind::or_ : Expr::Kind::and_;
      for (const auto& c : n.children) e->children.push_back(expr(*c));
    } else if (is<negation>(n)) {
      e->kind = Expr::Kind::not_;
      e->children.push_back(expr(*n.children.front()));
    } else if (is<paren_expr>(n)) {
      ExprPtr inner = expr(*n.children.front());
      inner->parenthesized = true;
      inner->span = span(n);
      return inner;
    } else if (is<exists_expr>(n)) {
      e->kind = Expr::Kind::exists;
      const Node* col = find<column>(n);
      e->has_operand = col != nullptr;
      if (col != nullptr) e->operand = operand(*col);
    } else {
      return predicate_expr(n);
    }
    return e;
  }

  static std::vector<ColumnRef> columns(const Node& list) {
    std::vector<ColumnRef> out;
    for (const Node* c : all<column>(list)) out.push_back({std::string(c->string_view()), span(*c)});
    return out;
  }

  static Source source(const Node& n) {
    if (const Node* can = find<can_statement>(n)) {
      CanQuery q;
      q.subject = subject(child<user_subject, group_subject, sa_subject, sa_long_subject>(*can));
      q.groups = groups(*can);
      q.verbs = verbs(child<verb_set, verb>(*can));
      const Node& t = child<url_target, resource_target>(*can);
      q.target = target(t);
      q.scope = scope_of(t);
      return q;
    }
    if (const Node* who = find<who_statement>(n)) {
      WhoCanQuery q;
      q.verbs = verbs(child<verb_set, verb>(*who));
      const Node& t = child<url_target, resource_target>(*who);
      q.target = target(t);
      q.scope = scope_of(t);
      return q;
    }
    if (const Node* what = find<what_statement>(n)) {
      WhatCanQuery q;
      q.subject = subject(child<user_subject, group_subject, sa_subject, sa_long_subject>(*what));
      q.groups = groups(*what);
      if (const Node* ns = find<what_namespace>(*what)) {
        const Node& name = *names(*ns).at(0);
        q.namespace_ = text(name);
        q.namespace_span = span(name);
      }
      return q;
    }
    const Node& relation = child<relation_name>(n);
    return RelationRef{std::string(relation.string_view()), span(relation)};
  }

  static Statement statement(const Node& n) {
    Statement s(source(n));
    s.count = find<count_word>(n) != nullptr;
    if (const Node* p = find<projection>(n)) {
      s.select = true;
      s.distinct = find<distinct_word>(*p) != nullptr;
      s.columns = columns(*p);
    }
    if (const Node* where = find<where_clause>(n)) s.where = expr(*where->children.front());
    if (const Node* by = find<group_clause>(n)) s.group_by = columns(*by);
    if (const Node* order = find<order_clause>(n)) {
      const Node& col = child<column, count_column>(*order);
      s.order = OrderBy{std::string(col.string_view()), find<descending>(*order) != nullptr, span(col)};
    }
    if (const Node* limit = find<limit_count>(n)) {
      s.limit_span = span(*limit);
      const std::string_view digits = limit->string_view();
      std::int64_t value = 0;
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      s.limit = ec == std::errc() ? value : -1;  // -1: too large, reported by the checker
    }
    return s;
  }
};

}  // namespace rbacq::query::grammar
