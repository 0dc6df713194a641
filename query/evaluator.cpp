// SPDX-License-Identifier: Apache-2.0
#include "query/evaluator.hpp"

#include <algorithm>

#include "analyzer/rbac/subject_match.hpp"
#include "query/answers.hpp"
#include "query/checker.hpp"
#include "query/parser.hpp"
#include "query/printer.hpp"
#include "query/relations/all.hpp"

namespace rbacq::query {
namespace {

using analyzer::rbac::Grant;
using analyzer::rbac::Via;

Value operand_value(const BoundExpr& b, const Row& row) { return b.function ? b.function->call(row) : row.value(b.column); }

bool matches(const BoundExpr& b, const Row& row) {
  switch (b.kind) {
    case Expr::Kind::and_:
      return std::all_of(b.children.begin(), b.children.end(), [&](const BoundExpr& c) { return matches(c, row); });
    case Expr::Kind::or_:
      return std::any_of(b.children.begin(), b.children.end(), [&](const BoundExpr& c) { return matches(c, row); });
    case Expr::Kind::not_: return !matches(b.children.at(0), row);
    case Expr::Kind::test: {
      const Value v = operand_value(b, row);
      return !v.is_null() && v.as_bool();
    }
    case Expr::Kind::exists: {
      const Value v = operand_value(b, row);
      if (v.is_null()) return false;
      if (const auto* s = std::get_if<std::string>(&v.data())) return !s->empty();
      if (const auto* l = std::get_if<ListValue>(&v.data())) return !l->items().empty();
      return true;
    }
    case Expr::Kind::compare: {
      const Value v = operand_value(b, row);
      if (b.regex) {
        if (v.is_null()) return b.op == CompareOp::not_match;
        return b.regex->search(v.as_string()) == (b.op == CompareOp::match);
      }
      if (v.is_null()) return b.op == CompareOp::ne;
      const Value& w = b.values.at(0);
      switch (b.op) {
        case CompareOp::eq: return v == w;
        case CompareOp::ne: return !(v == w);
        case CompareOp::lt: return v < w;
        case CompareOp::le: return v <= w;
        case CompareOp::gt: return v > w;
        case CompareOp::ge: return v >= w;
        default: return false;
      }
    }
    case Expr::Kind::in: {
      const Value v = operand_value(b, row);
      const bool found = !v.is_null() && std::find(b.values.begin(), b.values.end(), v) != b.values.end();
      return found != b.negated;
    }
    case Expr::Kind::has: {
      const Value v = operand_value(b, row);
      if (v.is_null()) return false;
      const auto& items = v.as_list();
      const auto contains = [&](const Value& w) { return std::find(items.begin(), items.end(), w.as_string()) != items.end(); };
      if (b.has_mode == HasMode::all) return std::all_of(b.values.begin(), b.values.end(), contains);
      return std::any_of(b.values.begin(), b.values.end(), contains);
    }
  }
  return false;
}

ResultTable select(const SelectionPlan& plan, const analyzer::AnalysisContext& context) {
  ResultTable table;
  const Relation& relation = *plan.relation;
  for (const auto& c : relation.columns()) table.columns.push_back({c.name, c.type});
  std::size_t matched = 0;
  // Without order by, a limit stops the scan early.
  const bool early_stop = plan.limit && !plan.order_column && !plan.count;  // count counts every match
  relation.scan(context, [&](const Row& row) {
    if (early_stop && table.rows.size() >= *plan.limit) return false;
    if (plan.where && !matches(*plan.where, row)) return true;
    ++matched;
    if (plan.count) return true;
    ResultRow out;
    out.values.reserve(relation.columns().size());
    for (std::size_t i = 0; i < relation.columns().size(); ++i) out.values.push_back(row.value(i));
    out.evidence = row.evidence();
    out.objects = row.objects();
    table.rows.push_back(std::move(out));
    return true;
  });
  if (plan.count) {
    table.columns = {{"count", Type::integer}};
    ResultRow row;
    row.values = {Value::count(matched)};
    table.rows.push_back(std::move(row));
    return table;
  }
  if (plan.order_column) {
    const std::size_t c = *plan.order_column;
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const ResultRow& a, const ResultRow& b) {
      return plan.descending ? b.values[c] < a.values[c] : a.values[c] < b.values[c];
    });
  }
  if (plan.limit && table.rows.size() > *plan.limit) table.rows.resize(*plan.limit);
  return table;
}

Value via_value(Via via) {
  switch (via) {
    case Via::rbac: return "rbac";
    case Via::privileged_group: return "privileged-group";
    case Via::none: break;
  }
  return {};
}

void add_errors(ResultTable& table, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors) {
  for (const auto* e : errors) {
    if (std::find(table.errors.begin(), table.errors.end(), e) == table.errors.end()) table.errors.push_back(e);
  }
}

/// The binding, rule and subject of each grant, and the bindings whose role is missing.
RowObjects objects_of(const std::vector<Grant>& grants, const std::vector<const analyzer::rbac::ResolvedBinding*>& errors = {}) {
  RowObjects out;
  for (const Grant& g : grants) {
    out.bindings.push_back(&g.binding());
    out.rules.emplace_back(&g.role(), g.rule);
    out.subjects.push_back(analyzer::rbac::subject_key(g.binding(), g.subject));
  }
  for (const auto* e : errors) out.bindings.push_back(e->binding);
  return out;
}

std::vector<Evidence> grants_evidence(const std::vector<Grant>& grants) {
  std::vector<Evidence> out;
  for (const Grant& g : grants) {
    for (auto& n : grant_notes(g)) out.push_back(std::move(n));
  }
  return out;
}

ResultTable tabulate(const std::vector<CanAnswer>& answers) {
  ResultTable table;
  table.columns = {{"allowed", Type::boolean}, {"verb", Type::string},   {"resource", Type::string}, {"name", Type::string},
                   {"namespace", Type::string}, {"via", Type::string},    {"reason", Type::string}};
  for (const CanAnswer& a : answers) {
    const auto& r = a.request;
    ResultRow row;
    std::string reason = a.decision.reason();
    if (reason.empty()) reason = "no RBAC rule of a binding that applies allows it";
    row.values = {a.decision.allowed(), r.verb, resource_text(r), Value::optional(r.name), Value::optional(r.namespace_),
                  via_value(a.decision.via), std::move(reason)};
    if (a.decision.via == Via::privileged_group) row.evidence.push_back(privileged_evidence());
    for (auto& e : grants_evidence(a.decision.grants)) row.evidence.push_back(std::move(e));
    for (const auto& miss : a.near_misses) row.near_misses.push_back(near_miss_evidence(miss, r));
    row.objects = objects_of(a.decision.grants, a.decision.errors);
    add_errors(table, a.decision.errors);
    table.rows.push_back(std::move(row));
  }
  return table;
}

ResultTable tabulate(const WhoCanAnswers& answers) {
  ResultTable table;
  table.columns = {{"subject", Type::subject}, {"verb", Type::string}, {"namespace", Type::string}, {"via", Type::string},
                   {"binding", Type::string},  {"role", Type::string}, {"rule", Type::integer},    {"only_names", Type::list}};
  table.notes = answers.notes;
  const auto members = [&](const analyzer::rbac::SubjectKey& s) -> std::optional<analyzer::rbac::GroupMembers> {
    if (s.kind != "Group") return std::nullopt;
    const auto it = answers.groups.find(s.name);
    return it == answers.groups.end() ? std::nullopt : std::optional(it->second);
  };
  for (const WhoCanAnswer& a : answers.answers) {
    add_errors(table, a.result.errors);
    const auto add = [&](const analyzer::rbac::WhoCanResult& result, bool named) {
      for (const auto& s : result.subjects) {
        if (s.privileged) {
          ResultRow row{{builtin::to_subject(s.subject), a.request.verb, Value(), "privileged-group", Value(), Value(), Value(), ListValue()},
                        {privileged_evidence()}, {}, members(s.subject), {{}, {}, {}, {s.subject}}};
          table.rows.push_back(std::move(row));
        }
        for (const Grant& g : s.grants) {
          ResultRow row{{builtin::to_subject(s.subject), a.request.verb, Value::optional(analyzer::rbac::binding_namespace(g.binding())), "rbac",
                         g.binding().meta.name, g.role().meta.name, Value::count(g.rule + 1),
                         named ? ListValue::borrow(g.policy_rule().resource_names) : ListValue()},
                        grant_notes(g), {}, members(s.subject), objects_of({g})};
          table.rows.push_back(std::move(row));
        }
      }
    };
    add(a.result, false);
    add(a.named, true);
  }
  return table;
}

ResultTable tabulate(const WhatCanAnswer& answer) {
  ResultTable table;
  table.columns = {{"namespace", Type::string},      {"verbs", Type::list},   {"api_groups", Type::list}, {"resources", Type::list},
                   {"resource_names", Type::list}, {"urls", Type::list},    {"via", Type::string},      {"binding", Type::string},
                   {"role", Type::string},         {"rule", Type::integer}};
  if (answer.privileged) {
    static const std::vector<std::string> everything{"*"};
    table.rows.push_back({{Value(), ListValue::borrow(everything), ListValue::borrow(everything), ListValue::borrow(everything), ListValue(), ListValue::borrow(everything),
                           "privileged-group", Value(), Value(), Value()},
                          {privileged_evidence()}, {}, {}, {}});
  }
  for (const Grant& g : answer.grants) {
    const analyzer::PolicyRule& rule = g.policy_rule();
    table.rows.push_back({{Value::optional(analyzer::rbac::binding_namespace(g.binding())), ListValue::borrow(rule.verbs),
                           ListValue::borrow(rule.api_groups), ListValue::borrow(rule.resources), ListValue::borrow(rule.resource_names),
                           // A RoleBinding never grants a URL: requests for URLs have no namespace.
                           g.binding().cluster ? ListValue::borrow(rule.non_resource_urls) : ListValue(), "rbac", g.binding().meta.name,
                           g.role().meta.name, Value::count(g.rule + 1)},
                          grant_notes(g), {}, {}, objects_of({g})});
  }
  add_errors(table, answer.errors);
  return table;
}

}  // namespace

ResultTable evaluate(const StatementPlan& plan, const analyzer::AnalysisContext& context) {
  ResultTable table = std::visit(
      [&](const auto& p) -> ResultTable {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, SelectionPlan>) {
          return select(p, context);
        } else {
          return tabulate(answer(p, context));
        }
      },
      plan.plan);
  table.statement = plan.text;
  std::vector<analyzer::rbac::QuestionNote> notes = plan.notes;
  for (auto& n : table.notes) add_note(notes, std::move(n));
  table.notes = std::move(notes);
  return table;
}

Result<std::vector<ResultTable>> run_query(const analyzer::AnalysisContext& context, const QuerySource& source) {
  auto query = parse_query(source.text, source.origin, source.first_line);
  if (!query) return fail(query.error());
  auto plans = check(*query, context, source);
  if (!plans) return fail(plans.error());
  std::vector<ResultTable> out;
  out.reserve(plans->size());
  for (const StatementPlan& p : *plans) out.push_back(evaluate(p, context));
  return out;
}

}  // namespace rbacq::query
