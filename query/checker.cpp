// SPDX-License-Identifier: Apache-2.0
#include "query/checker.hpp"

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "query/request_plan.hpp"
#include "query/answers.hpp"
#include "query/printer.hpp"
#include "support/edit_distance.hpp"

namespace rbacq::query {
namespace {

/// "a string", "an integer".
std::string a_type(Type t) {
  const std::string_view name = type_name(t);
  return fmt::format("{} {}", name.front() == 'i' ? "an" : "a", name);
}

class Checker {
 public:
  Checker(const Relation& relation, const analyzer::AnalysisContext& context, const QuerySource& source)
      : relation_(relation), context_(context), source_(source) {}

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
        const auto col = relation_.column("exists");
        if (!col) {
          return fail(source_.error(e.span, fmt::format("{} has no 'exists' column: every row of it exists", relation_.name()),
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
      auto bound = f->bind(o, relation_, context_, source_);
      if (!bound) return fail(bound.error());
      b.function = std::move(*bound);
      return f->result;
    }
    auto col = column(o.name, o.span);
    if (!col) return fail(col.error());
    b.column = *col;
    return relation_.columns()[*col].type;
  }

  /// The index of a column of the relation, or an error with the closest names.
  [[nodiscard]] Result<std::size_t> column(const std::string& name, Span span) const {
    if (const auto col = relation_.column(name)) return *col;
    std::vector<std::string> names;
    for (const auto& c : relation_.columns()) names.push_back(c.name);
    std::vector<std::string> notes;
    const auto close = close_names(name, names);
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
    notes.push_back(fmt::format("columns of {}: {}", relation_.name(), fmt::join(names, ", ")));
    return fail(source_.error(span, fmt::format("{} has no column '{}'", relation_.name(), name), std::move(notes)));
  }

  /// A literal as a value of `type`, or why it cannot be one.
  [[nodiscard]] Result<Value> convert(const Literal& l, Type type, std::string_view column) const {
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
        if (l.kind == Literal::Kind::subject) {
          return mismatch(fmt::format("a subject literal compares only with a subject column; for the name, write \"{}\"", l.text));
        }
        return Value(l.text);
      case Type::subject:
        if (l.kind != Literal::Kind::subject) return mismatch("compare it with user:NAME, group:NAME or sa:NAMESPACE/NAME");
        return Value(subject_value(l.subject));
      case Type::level:
        if (const auto level = parse_level(l.text); level && l.kind == Literal::Kind::word) return Value(*level);
        return mismatch("compare it with info, low, medium, high or critical");
    }
    return Value();
  }

  [[nodiscard]] Result<BoundExpr> compare(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    const Literal& l = e.values.at(0);
    const bool ordered = e.op == CompareOp::lt || e.op == CompareOp::le || e.op == CompareOp::gt || e.op == CompareOp::ge;
    const bool regex = e.op == CompareOp::match || e.op == CompareOp::not_match;
    if (*type == Type::list) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is a list: ask with has, has any (...) or has all (...)", e.operand.name)));
    }
    if (ordered && (*type == Type::boolean || *type == Type::subject)) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is {}: it has no order; use = or !=", e.operand.name, a_type(*type))));
    }
    if (regex) {
      if (*type != Type::string) {
        return fail(source_.error(e.operand.span, fmt::format("'{}' is {}: =~ and !~ match strings", e.operand.name, a_type(*type))));
      }
      if (l.kind == Literal::Kind::subject) return fail(source_.error(l.span, "a regular expression is a quoted string or a word"));
      auto re = Regex::compile(l.text);
      if (!re) return fail(source_.error(l.span, fmt::format("invalid regular expression: {}", re.error())));
      b.regex = std::move(*re);
      return b;
    }
    auto v = convert(l, *type, e.operand.name);
    if (!v) return fail(v.error());
    b.values.push_back(std::move(*v));
    return b;
  }

  [[nodiscard]] Result<BoundExpr> in(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    if (*type == Type::list) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is a list: ask with has any (...) or has all (...)", e.operand.name)));
    }
    for (const Literal& l : e.values) {
      auto v = convert(l, *type, e.operand.name);
      if (!v) return fail(v.error());
      b.values.push_back(std::move(*v));
    }
    return b;
  }

  [[nodiscard]] Result<BoundExpr> has(const Expr& e, BoundExpr b) const {
    auto type = operand(e.operand, b);
    if (!type) return fail(type.error());
    if (*type != Type::list) {
      return fail(source_.error(e.operand.span, fmt::format("'{}' is {}, not a list: compare it with = or in (...)", e.operand.name,
                                                            a_type(*type))));
    }
    for (const Literal& l : e.values) {
      auto v = convert(l, Type::list, e.operand.name);
      if (!v) return fail(v.error());
      b.values.push_back(std::move(*v));
    }
    return b;
  }

 private:
  const Relation& relation_;
  const analyzer::AnalysisContext& context_;
  const QuerySource& source_;
};

Result<SelectionPlan> check_selection(const Selection& s, const analyzer::AnalysisContext& context, const QuerySource& source) {
  SelectionPlan plan;
  plan.relation = find_relation(s.relation);
  if (plan.relation == nullptr) {
    std::vector<std::string> names;
    for (const Relation* r : relations()) names.push_back(r->name());
    std::vector<std::string> notes;
    const auto close = close_names(s.relation, names);
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
    notes.push_back(fmt::format("relations: {}", fmt::join(names, ", ")));
    return fail(source.error(s.relation_span, fmt::format("unknown relation '{}'", s.relation), std::move(notes)));
  }
  const Checker checker(*plan.relation, context, source);
  if (s.where) {
    auto where = checker.expr(*s.where);
    if (!where) return fail(where.error());
    plan.where = std::move(*where);
  }
  if (s.order) {
    auto col = checker.column(s.order->column, s.order->span);
    if (!col) return fail(col.error());
    plan.order_column = *col;
    plan.descending = s.order->descending;
  }
  if (s.limit) {
    if (*s.limit < 0) return fail(source.error(s.limit_span, "the limit is too large"));
    plan.limit = static_cast<std::size_t>(*s.limit);
  }
  plan.count = s.count;
  return plan;
}

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

}  // namespace

Result<StatementPlan> check(const Statement& statement, const analyzer::AnalysisContext& context, const QuerySource& source,
                            const Phrasebook& words) {
  StatementPlan out;
  out.text = print(statement);
  if (const auto* can = std::get_if<CanQuery>(&statement)) {
    auto user = identity(can->subject, can->groups, source, out.notes);
    if (!user) return fail(user.error());
    auto requests = plan_requests(can->verbs, can->target, can->scope, context, source, words);
    if (!requests) return fail(requests.error());
    for (const auto& n : requests->notes) add_note(out.notes, n);
    out.plan = CanPlan{can->subject, std::move(*user), std::move(*requests)};
  } else if (const auto* who = std::get_if<WhoCanQuery>(&statement)) {
    auto requests = plan_requests(who->verbs, who->target, who->scope, context, source, words);
    if (!requests) return fail(requests.error());
    for (const auto& n : requests->notes) add_note(out.notes, n);
    out.plan = WhoCanPlan{std::move(*requests)};
  } else if (const auto* what = std::get_if<WhatCanQuery>(&statement)) {
    auto user = identity(what->subject, what->groups, source, out.notes);
    if (!user) return fail(user.error());
    out.plan = WhatCanPlan{what->subject, std::move(*user), what->namespace_};
  } else {
    auto plan = check_selection(std::get<Selection>(statement), context, source);
    if (!plan) return fail(plan.error());
    out.plan = std::move(*plan);
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
