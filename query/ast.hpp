// SPDX-License-Identifier: Apache-2.0
// The syntax tree of a query, as the parser builds it and the printer writes it back. Every
// node keeps the span of text it came from, so that checks can point at it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rbacq::query {

/// Byte offsets [begin, end) into the query text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// `user:alice`, `group:system:masters`, `sa:ns/name` or `system:serviceaccount:ns:name`.
struct SubjectRef {
  enum class Kind { user, group, service_account };
  Kind kind = Kind::user;
  std::string name;
  std::string namespace_;  // service accounts only
  Span span;
};

/// `with groups (a, b)`: the groups a user or service account asks with, as impersonation
/// (`--as-group`) gives them — the service-account groups are replaced, system:authenticated is
/// kept; `with only groups (a, b)`: exactly these groups (`--exact-groups`).
struct GroupsClause {
  std::vector<std::string> groups;
  bool exact = false;
  Span span;
};

/// `get`, `*` or `{get,list,watch}`.
struct Verbs {
  std::vector<std::string> items;
  bool braced = false;
  Span span;
};

/// What a request is about: `deployments.apps`, `pods/exec`, `widgets of group example.com`,
/// `secrets named db` or `url /healthz`.
struct Target {
  bool url = false;
  std::string resource;  // as written before '/', or the URL path
  std::string subresource;
  std::string name;
  /// `of group G`: `resource` is taken literally in API group G ("" is the core group), not
  /// resolved with the catalogue.
  std::optional<std::string> api_group;
  Span span;
  Span name_span;
};

/// `/PATH` as a URL target, `resource[/subresource]` as a resource target (pods/exec is the
/// subresource exec of pods, as the language reads it).
[[nodiscard]] Target target_of(std::string_view text, Span span);

/// Where a request is asked. `unspecified` is `in any namespace` for namespaced resources and
/// `cluster-wide` for the others.
struct Scope {
  enum class Kind { unspecified, namespace_, any_namespace, cluster_wide };
  Kind kind = Kind::unspecified;
  std::string namespace_;
  Span span;
};

/// `can SUBJECT [GROUPS] VERBS TARGET [SCOPE]`: one row per verb (and place, in any namespace).
struct CanQuery {
  SubjectRef subject;
  std::optional<GroupsClause> groups;
  Verbs verbs;
  Target target;
  Scope scope;
};

/// `who can VERBS TARGET [SCOPE]`.
struct WhoCanQuery {
  Verbs verbs;
  Target target;
  Scope scope;
};

/// `what can SUBJECT [GROUPS] [in NS]`.
struct WhatCanQuery {
  SubjectRef subject;
  std::optional<GroupsClause> groups;
  std::optional<std::string> namespace_;
  Span namespace_span;
};

/// A value written in an expression: a bare word, a quoted string, a number or a subject.
struct Literal {
  enum class Kind { word, string, number, subject };
  Kind kind = Kind::word;
  std::string text;  // word, string contents or digits
  SubjectRef subject;
  Span span;
};

/// An argument of a function call: verbs, a resource, a namespace, a column…; the function
/// says which.
struct Argument {
  Verbs verbs;  // a single word is a one-item list
  bool any = false;  // `any {get,list}`: at least one of the verbs, not every one
  std::string text;
  bool quoted = false;
  std::optional<std::string> name;  // `RESOURCE named NAME`
  Span span;
};

/// A column (`subject.kind`) or a function call (`can(list, secrets)`).
struct Operand {
  std::string name;
  bool call = false;
  std::vector<Argument> arguments;
  Span span;
};

enum class CompareOp { eq, ne, lt, le, gt, ge, match, not_match };
enum class HasMode { one, any, all };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// A node of a `where` expression.
struct Expr {
  enum class Kind {
    and_,     // children[0] and children[1] and …
    or_,      // children…
    not_,     // children[0]
    compare,  // operand OP values[0]
    in,       // operand [not] in (values…)
    has,      // operand has [any|all|key] values…
    items,    // operand any|all =~|!~ values[0]: a regular expression over a list's items
    test,     // a boolean operand on its own
    exists,   // `exists` (the relation's own) or `exists(column)`
  };
  Kind kind = Kind::test;
  std::vector<ExprPtr> children;
  Operand operand;
  bool has_operand = true;  // false for a bare `exists`
  CompareOp op = CompareOp::eq;
  bool negated = false;  // `not in`
  HasMode has_mode = HasMode::one;  // also any/all for `items`
  bool key = false;                 // `has key K`
  std::vector<Literal> values;
  bool parenthesized = false;
  Span span;
};

/// A column named by the statement itself (`by namespace`, `select subject, role from`, `order by name`).
struct ColumnRef {
  std::string name;
  Span span;
};

struct OrderBy {
  std::string column;
  bool descending = false;
  Span span;
};

/// A relation a statement selects from: `grants`, `roles`.
struct RelationRef {
  std::string name;
  Span span;
};

/// Where a statement's rows come from: an answer (can, who can, what can) or a relation.
using Source = std::variant<CanQuery, WhoCanQuery, WhatCanQuery, RelationRef>;

/// `[count | select [distinct] COLUMNS from] SOURCE [where EXPR] [by COLUMNS] [order by COLUMN
/// [desc]] [limit N]`: the source's rows, filtered, then counted (per group with `by`) or
/// narrowed to some columns (without repeats with `distinct`), ordered and cut.
struct Statement {
  Statement() = default;
  explicit Statement(Source s) : source(std::move(s)) {}

  Source source;
  bool count = false;
  std::vector<ColumnRef> group_by;    // count … by COLUMNS
  bool select = false;                // select … from
  bool distinct = false;
  std::vector<ColumnRef> columns;     // the selected columns
  ExprPtr where;
  std::optional<OrderBy> order;
  std::optional<std::int64_t> limit;  // -1: too large to read (the checker says so)
  Span limit_span;
};

/// One or more statements separated by ';'.
struct Query {
  std::vector<Statement> statements;
};

}  // namespace rbacq::query
