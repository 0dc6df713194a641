// SPDX-License-Identifier: Apache-2.0
#include "query/checker.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "query/answer_tables.hpp"
#include "query/answers.hpp"
#include "query/printer.hpp"
#include "query/request_plan.hpp"
#include "support/edit_distance.hpp"

namespace rbacq::query {
namespace {

/// "a string", "an integer".
std::string a_type(Type t) {
  const std::string_view name = type_name(t);
  return fmt::format("{} {}", name.front() == 'i' ? "an" : "a", name);
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// The columns "did you mean" and "columns of X" name.
std::vector<std::string> names_of(const std::vector<ColumnInfo>& columns) {
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (const auto& c : columns) names.push_back(c.name);
  return names;
}

/// Binds conditions, functions and column names to the columns of one schema.
class Checker {
 public:
  /// Notes about conditions that can never hold go to `notes`.
  Checker(const Schema& schema, const analyzer::AnalysisContext& context, const QuerySource& source,
          std::vector<analyzer::rbac::QuestionNote>& notes)
      : schema_(schema), context_(context), source_(source), notes_(notes) {}

  [[nodiscard]] Result<BoundExpr> expr(const Expr& e) const {
    BoundExpr b;
    b.kind = e.kind;
    b.op = e.op;
    b.negated = e.negated;
    b.has_mode = e.has_mode;
    switch (e.kind) {
      case Expr::Kind::and_:
      case Expr::Kind::or_:
      case Expr::Kind::not_:
        for (const auto& c : e.children) {
          auto child = expr(*c);
          if (!child) return child;
          b.children.push_back(std::move(*child));
        }
        return b;
      case Expr::Kind::exists: {
        if (e.has_operand) {
          auto type = operand(e.operand, b);
          if (!type) return fail(type.error());
          return b;
        }
        const auto col = schema_.column("exists");
        if (!col) {
          return fail(source_.error(e.span, fmt::format("{} has no 'exists' column: every row of it exists", schema_.name),
                                    {"exists(COLUMN) is true when COLUMN has a value (not null, not empty)"}));
        }
        b.kind = Expr::Kind::test;
        b.column = *col;
        return b;
      }
      case Expr::Kind::test: {
        auto type = operand(e.operand, b);
        if (!type) return fail(type.error());
        if (*type != Type::boolean) {
          return fail(source_.error(e.operand.span, fmt::format("'{}' is {}, not a condition: compare it, as in {} = VALUE", e.operand.name,
                                                                a_type(*type), e.operand.name)));
        }
        return b;
      }
      case Expr::Kind::compare: return compare(e, std::move(b));
      case Expr::Kind::in: return in(e, std::move(b));
      case Expr::Kind::has: return has(e, std::move(b));
      case Expr::Kind::items: return items(e, std::move(b));
    }
    return b;
  }

  /// Resolves a column or binds a call; the operand's type.
  [[nodiscard]] Result<Type> operand(const Operand& o, BoundExpr& b) const {
    if (o.call) {
      const FunctionInfo* f = find_function(o.name);
      if (f == nullptr) {
        std::vector<std::string> names;
        for (const auto& fn : functions()) names.push_back(fn.signature);
        return fail(source_.error(o.span, fmt::format("unknown function '{}'", o.name), {fmt::format("functions: {}", fmt::join(names, ", "))}));
      }
      // The same call over the same relation, bound for an earlier statement: shared.
      std::string key;
      if (f->shared && source_.shared_calls != nullptr) {
        key = fmt::format("{}\n{}", schema_.name, source_.text.substr(o.span.begin, o.span.end - o.span.begin));
        if (const SharedCalls::Entry* e = source_.shared_calls->find(key)) {
          for (const auto& n : e->notes) add_note(notes_, n);
          b.function = e->function;
          return f->result;
        }
      }
      std::vector<analyzer::rbac::QuestionNote> call_notes;
      auto bound = f->bind(o, schema_, BindContext{context_, source_, call_notes});
      if (!bound) return fail(bound.error());
      if (!key.empty()) source_.shared_calls->add(std::move(key), {*bound, call_notes});
      for (auto& n : call_notes) add_note(notes_, std::move(n));
      b.function = std::move(*bound);
      return f->result;
    }
    auto col = column(o.name, o.span);
    if (!col) return fail(col.error());
    b.column = *col;
    return schema_.columns[*col].type;
  }

  /// The index of a column, or an error with the closest names.
  [[nodiscard]] Result<std::size_t> column(const std::string& name, Span span) const {
    if (const auto col = schema_.column(name)) return *col;
    const std::vector<std::string> names = names_of(schema_.columns);
    std::vector<std::string> notes;
    auto close = close_names(name, names);
    for (const auto& n : names) {
      if (n.ends_with("." + name)) close.insert(close.begin(), n);  // `kind` for `subject.kind`
    }
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
    notes.push_back(fmt::format("columns of {}: {}", schema_.name, fmt::join(names, ", ")));
    return fail(source_.error(span, fmt::format("{} has no column '{}'", schema_.name, name), std::move(notes)));
  }

 private:
  /// A literal as a value of column `c`'s type, or why it cannot be one.
  [[nodiscard]] Result<Value> convert(const Literal& l, Type type, std::string_view column, const ColumnInfo* info) const {
    const auto mismatch = [&](std::string hint) {
      return fail(source_.error(l.span, fmt::format("'{}' is {}: {}", column, a_type(type), std::move(hint))));
    };
    switch (type) {
      case Type::boolean:
        if (l.kind == Literal::Kind::word && (l.text == "true" || l.text == "false")) return Value(l.text == "true");
        return mismatch("compare it with true or false");
      case Type::integer: {
        if (l.kind != Literal::Kind::number) return mismatch("compare it with a number");
        try {
          return Value(static_cast<std::int64_t>(std::stoll(l.text)));
        } catch (const std::exception&) {
          return mismatch("the number is too large");
        }
      }
      case Type::string:
      case Type::list:
      case Type::map: {
        if (l.kind == Literal::Kind::subject) {
          return mismatch(fmt::format("a subject literal compares only with a subject column; for the name, write \"{}\"", l.text));
        }
        if (l.kind == Literal::Kind::word && l.text == "null") {
          return fail(source_.error(l.span, fmt::format("null is not a value to compare with: to ask whether '{}' has no value, write "
                                                        "not exists({})",
                                                        column, column),
                                    {"a namespace or name that is really \"null\" is written in quotes"}));
        }
        if (info != nullptr && !info->values.empty() && std::find(info->values.begin(), info->values.end(), l.text) == info->values.end()) {
          // Not an error: a column "as written" may hold anything; but say what it usually holds.
          std::string suggestion;
          for (const auto& v : info->values) {
            if (same_ignoring_case(v, l.text)) suggestion = v;
          }
          if (suggestion.empty()) {
            const auto close = close_names(l.text, info->values);
            if (!close.empty()) suggestion = close.front();
          }
          add_note(notes_, analyzer::rbac::ValueNeverMatches{std::string(column), l.text, info->values, suggestion});
        }
        return Value(l.text);
      }
      case Type::subject:
        if (l.kind != Literal::Kind::subject) return mismatch("compare it with user:NAME, group:NAME or sa:NAMESPACE/NAME");
        return Value(subject_value(l.subject));
      case Type::level:
        if (const auto level = parse_level(l.text); level && l.kind == Literal::Kind::word) return Value(*level);
        return mismatch("compare it with info, low, medium, high or critical");
    }
    return Value();
  }

  /// The column the operand names, for hints about its values (nullptr for a call).
  [[nodiscard]] const ColumnInfo* info_of(const Operand& o, const BoundExpr& b) const {
    return o.call ? nullptr : &schema_.columns.at(b.column);
  }

  [[nodiscard]] Result<Regex> regex(const Literal& l) const {
    if (l.kind == Literal::Kind::subject) return fail(source_.error(l.span, "a regular expression is a quoted string or a word"));
    auto re = Regex::compile(l.text);
    if (!re) return fail(source_.error(l.span, fmt::format("invalid regular expression: {}", re.error())));
    return std::move(*re);
  }

  [[nodiscard]] Result<BoundExpr> compare(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    const Literal& l = e.values.at(0);
    const bool ordered = e.op == CompareOp::lt || e.op == CompareOp::le || e.op == CompareOp::gt || e.op == CompareOp::ge;
    const bool is_regex = e.op == CompareOp::match || e.op == CompareOp::not_match;
    if (*type == Type::list) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is a list: ask with has, has any (...), has all (...), or {} any =~ \"RE\"",
                                                            e.operand.name, e.operand.name)));
    }
    if (*type == Type::map) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is a map: ask with has \"KEY\", or compare one value with label(\"KEY\") = VALUE",
                                                            e.operand.name)));
    }
    if (ordered && (*type == Type::boolean || *type == Type::subject)) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is {}: it has no order; use = or !=", e.operand.name, a_type(*type))));
    }
    if (is_regex) {
      if (*type != Type::string) {
        return fail(source_.error(e.operand.span, fmt::format("'{}' is {}: =~ and !~ match strings", e.operand.name, a_type(*type))));
      }
      auto re = regex(l);
      if (!re) return fail(re.error());
      b.regex = std::move(*re);
      return b;
    }
    auto v = convert(l, *type, e.operand.name, info_of(e.operand, b));
    if (!v) return fail(v.error());
    b.values.push_back(std::move(*v));
    return b;
  }

  [[nodiscard]] Result<BoundExpr> in(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    if (*type == Type::list || *type == Type::map) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is a {}: ask with has any (...) or has all (...)", e.operand.name,
                                                            type_name(*type))));
    }
    for (const Literal& l : e.values) {
      auto v = convert(l, *type, e.operand.name, info_of(e.operand, b));
      if (!v) return fail(v.error());
      b.values.push_back(std::move(*v));
    }
    return b;
  }

  [[nodiscard]] Result<BoundExpr> has(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    if (*type != Type::list && *type != Type::map) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is {}, not a list: compare it with = or in (...)", e.operand.name,
                                                            a_type(*type))));
    }
    if (e.key && *type != Type::map) {
      return fail(source_.error(e.span, fmt::format("'{}' is a list, which has no keys: write {} has VALUE", e.operand.name, e.operand.name)));
    }
    for (const Literal& l : e.values) {
      auto v = convert(l, Type::string, e.operand.name, nullptr);
      if (!v) return fail(v.error());
      b.values.push_back(std::move(*v));
    }
    return b;
  }

  [[nodiscard]] Result<BoundExpr> items(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    if (*type != Type::list) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is {}, not a list: match it with {} =~ \"RE\"", e.operand.name,
                                                            a_type(*type), e.operand.name)));
    }
    auto re = regex(e.values.at(0));
    if (!re) return fail(re.error());
    b.regex = std::move(*re);
    return b;
  }

  const Schema& schema_;
  const analyzer::AnalysisContext& context_;
  const QuerySource& source_;
  std::vector<analyzer::rbac::QuestionNote>& notes_;
};

/// The identity a subject asks as, with its groups clause; notes about how it was read.
Result<analyzer::rbac::UserInfo> identity(const SubjectRef& subject, const std::optional<GroupsClause>& groups, const QuerySource& source,
                                          std::vector<analyzer::rbac::QuestionNote>& notes) {
  if (groups && subject.kind == SubjectRef::Kind::group) {
    return fail(source.error(groups->span, "a group asks as a member of only itself: 'with groups' is for users and service accounts",
                             {"to ask as a user in several groups, write can user:NAME with groups (a, b) …"}));
  }
  if (subject.kind == SubjectRef::Kind::user && subject.name.starts_with(analyzer::rbac::kServiceAccountPrefix) &&
      !analyzer::rbac::split_service_account_username(subject.name)) {
    add_note(notes, analyzer::rbac::NotAServiceAccountName{subject.name});
  }
  return identity_of(subject, groups);
}

/// The source of a statement planned: its answer's plan or its relation, and its schema.
Result<const Schema*> check_source(const Source& source, StatementPlan& out, const analyzer::AnalysisContext& context,
                                   const QuerySource& text, const Phrasebook& words) {
  if (const auto* can = std::get_if<CanQuery>(&source)) {
    auto user = identity(can->subject, can->groups, text, out.notes);
    if (!user) return fail(user.error());
    auto requests = plan_requests(can->verbs, can->target, can->scope, context, text, words);
    if (!requests) return fail(requests.error());
    for (const auto& n : requests->notes) add_note(out.notes, n);
    out.source = CanPlan{can->subject, std::move(*user), std::move(*requests)};
    return &can_schema();
  }
  if (const auto* who = std::get_if<WhoCanQuery>(&source)) {
    auto requests = plan_requests(who->verbs, who->target, who->scope, context, text, words);
    if (!requests) return fail(requests.error());
    for (const auto& n : requests->notes) add_note(out.notes, n);
    out.source = WhoCanPlan{std::move(*requests)};
    return &who_can_schema();
  }
  if (const auto* what = std::get_if<WhatCanQuery>(&source)) {
    auto user = identity(what->subject, what->groups, text, out.notes);
    if (!user) return fail(user.error());
    if (what->namespace_) {
      if (auto note = unknown_namespace(*what->namespace_, context)) add_note(out.notes, std::move(*note));
    }
    out.source = WhatCanPlan{what->subject, std::move(*user), what->namespace_};
    return &what_can_schema();
  }
  const auto& ref = std::get<RelationRef>(source);
  const Relation* relation = find_relation(ref.name);
  for (const Relation* more : text.more_relations) {
    if (relation == nullptr && more->name() == ref.name) relation = more;
  }
  if (relation == nullptr) {
    std::vector<std::string> names;
    for (const Relation* r : relations()) names.push_back(r->name());
    for (const Relation* r : text.more_relations) names.push_back(r->name());
    std::vector<std::string> notes;
    const auto close = close_names(ref.name, names);
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
    notes.push_back(fmt::format("relations: {}", fmt::join(names, ", ")));
    return fail(text.error(ref.span, fmt::format("unknown relation '{}'", ref.name), std::move(notes)));
  }
  out.source = relation;
  return &relation->schema();
}

/// The columns of the statement's result: the groups and `count`, the selected ones, or the
/// source's.
std::vector<ColumnInfo> output_columns(const StatementPlan& plan, const Schema& schema) {
  std::vector<ColumnInfo> out;
  if (plan.count) {
    for (const std::size_t c : plan.group_by) out.push_back(schema.columns[c]);
    out.emplace_back("count", Type::integer, "how many rows");
  } else if (!plan.columns.empty()) {
    for (const std::size_t c : plan.columns) {
      out.push_back(schema.columns[c]);
      out.back().hidden = false;  // selected: shown
    }
  } else {
    out = schema.columns;
  }
  return out;
}

}  // namespace

Result<StatementPlan> check(const Statement& statement, const analyzer::AnalysisContext& context, const QuerySource& source,
                            const Phrasebook& words) {
  StatementPlan out;
  out.text = print(statement);
  auto schema = check_source(statement.source, out, context, source, words);
  if (!schema) return fail(schema.error());
  out.schema = *schema;
  const Checker checker(**schema, context, source, out.notes);
  if (statement.where) {
    auto where = checker.expr(*statement.where);
    if (!where) return fail(where.error());
    out.where = std::move(*where);
  }
  out.count = statement.count;
  if (!statement.group_by.empty() && !statement.count) {
    return fail(source.error(statement.group_by.front().span, "'by' groups rows to count them: write count … by COLUMN",
                             {fmt::format("for example: count {} by {}", print(statement.source), statement.group_by.front().name)}));
  }
  for (const ColumnRef& c : statement.group_by) {
    auto col = checker.column(c.name, c.span);
    if (!col) return fail(col.error());
    out.group_by.push_back(*col);
  }
  for (const ColumnRef& c : statement.columns) {
    auto col = checker.column(c.name, c.span);
    if (!col) return fail(col.error());
    if (std::find(out.columns.begin(), out.columns.end(), *col) != out.columns.end()) {
      return fail(source.error(c.span, fmt::format("'{}' is selected twice", c.name)));
    }
    out.columns.push_back(*col);
  }
  out.distinct = statement.distinct;
  out.output = output_columns(out, **schema);
  if (statement.order) {
    const Schema result{"the result", out.output, false};
    auto col = Checker(result, context, source, out.notes).column(statement.order->column, statement.order->span);
    if (!col) {
      Diagnostic d = col.error();
      if ((*schema)->column(statement.order->column)) {
        d.message = fmt::format("the result has no column '{}': order by a column the statement keeps", statement.order->column);
      }
      return fail(std::move(d));
    }
    out.order_column = *col;
    out.descending = statement.order->descending;
  }
  if (statement.limit) {
    if (*statement.limit < 0) return fail(source.error(statement.limit_span, "the limit is too large"));
    out.limit = static_cast<std::size_t>(*statement.limit);
  }
  return out;
}

Result<std::vector<StatementPlan>> check(const Query& query, const analyzer::AnalysisContext& context, const QuerySource& source,
                                         const Phrasebook& words) {
  std::vector<StatementPlan> out;
  for (const Statement& s : query.statements) {
    auto plan = check(s, context, source, words);
    if (!plan) return fail(plan.error());
    out.push_back(std::move(*plan));
  }
  return out;
}

}  // namespace rbacq::query
