// SPDX-License-Identifier: Apache-2.0
#include "query/evaluator.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "analyzer/rbac/subject_match.hpp"
#include "query/answer_tables.hpp"
#include "query/answers.hpp"
#include "query/checker.hpp"
#include "query/parser.hpp"
#include "query/printer.hpp"
#include "query/relations/all.hpp"
#include "support/parallel.hpp"

namespace rbacq::query {
namespace {

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
      if (const auto* s = std::get_if<StringValue>(&v.data())) return !s->view().empty();
      if (const auto* l = std::get_if<ListValue>(&v.data())) return !l->items().empty();
      if (const auto* m = std::get_if<MapValue>(&v.data())) return !m->pairs().empty();
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
      std::function<bool(const Value&)> contains;
      if (const auto* m = std::get_if<MapValue>(&v.data())) {
        contains = [m](const Value& w) { return m->find(w.as_string()) != nullptr; };  // a map has its keys
      } else {
        contains = [&items = v.as_list()](const Value& w) { return std::find(items.begin(), items.end(), w.as_string()) != items.end(); };
      }
      if (b.has_mode == HasMode::all) return std::all_of(b.values.begin(), b.values.end(), contains);
      return std::any_of(b.values.begin(), b.values.end(), contains);
    }
    case Expr::Kind::items: {
      const Value v = operand_value(b, row);
      if (v.is_null()) return false;
      const auto& items = v.as_list();
      const auto item_matches = [&](const std::string& item) { return b.regex->search(item) == (b.op == CompareOp::match); };
      if (b.has_mode == HasMode::all) return std::all_of(items.begin(), items.end(), item_matches);
      return std::any_of(items.begin(), items.end(), item_matches);
    }
  }
  return false;
}

/// A row of an answer's table, as the rows of a relation are read.
class TableRow final : public Row {
 public:
  explicit TableRow(const ResultRow& row) : row_(row) {}
  [[nodiscard]] Value value(std::size_t column) const override { return row_.values.at(column); }
  [[nodiscard]] std::vector<Evidence> evidence() const override { return row_.evidence; }
  [[nodiscard]] const RowObjects& objects() const override { return row_.objects; }

 private:
  const ResultRow& row_;
};

/// Appends `from`'s objects to `to`'s (a group or a distinct row stands for several).
void merge_objects(RowObjects& to, const RowObjects& from) {
  to.bindings.insert(to.bindings.end(), from.bindings.begin(), from.bindings.end());
  to.roles.insert(to.roles.end(), from.roles.begin(), from.roles.end());
  to.rules.insert(to.rules.end(), from.rules.begin(), from.rules.end());
  to.subjects.insert(to.subjects.end(), from.subjects.begin(), from.subjects.end());
}

/// The relation a plan selects from, or nullptr for an answer (can, who can, what can).
const Relation* relation_of(const StatementPlan& plan) {
  const auto* relation = std::get_if<const Relation*>(&plan.source);
  return relation != nullptr ? *relation : nullptr;
}

/// Whether a plan keeps the rows as they are, in scan order, so that its limit stops the scan.
bool stops_early(const StatementPlan& plan) { return plan.limit && !plan.order_column && !plan.count && !plan.distinct; }

/// An empty table with every column of the relation.
ResultTable relation_table(const Relation& relation) {
  ResultTable table;
  for (const auto& c : relation.columns()) table.columns.push_back({c.name, c.type, c.hidden});
  return table;
}

/// The source columns the plan's result is made of (shape() reads no others): those counted by,
/// those selected, or all of them. Only these are read of the rows it keeps — some columns are
/// computed (subject.system, unmatchable) and most statements select a few.
std::vector<std::size_t> used_columns(const StatementPlan& plan, std::size_t source_columns) {
  if (plan.count) return plan.group_by;
  if (!plan.columns.empty()) return plan.columns;
  std::vector<std::size_t> all(source_columns);
  for (std::size_t i = 0; i < source_columns; ++i) all[i] = i;
  return all;
}

/// Adds `row` to `table` when the plan's condition keeps it, with the `used` source columns (the
/// others null).
void keep_row(const StatementPlan& plan, const std::vector<std::size_t>& used, const Row& row, ResultTable& table) {
  if (plan.where && !matches(*plan.where, row)) return;
  ResultRow out;
  out.values.resize(table.columns.size());
  for (const std::size_t i : used) out.values[i] = row.value(i);
  if (!plan.count) {
    out.evidence = row.evidence();
    out.objects = row.objects();
  }
  table.rows.push_back(std::move(out));
}

/// The rows of the plan's source that its condition keeps, with every source column.
ResultTable source_rows(const StatementPlan& plan, const analyzer::AnalysisContext& context) {
  if (const Relation* relation = relation_of(plan)) {
    ResultTable table = relation_table(*relation);
    const bool early_stop = stops_early(plan);
    const std::vector<std::size_t> used = used_columns(plan, table.columns.size());
    relation->scan(context, [&](const Row& row) {
      if (early_stop && table.rows.size() >= *plan.limit) return false;
      keep_row(plan, used, row, table);
      return true;
    });
    return table;
  }
  ResultTable table = std::visit(
      [&](const auto& p) -> ResultTable {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, const Relation*>) {
          return {};
        } else {
          return tabulate(answer(p, context));
        }
      },
      plan.source);
  if (plan.where) {
    std::erase_if(table.rows, [&](const ResultRow& row) { return !matches(*plan.where, TableRow(row)); });
  }
  return table;
}

/// `count [… by COLUMNS]`: one row per group (in the groups' order), with how many rows it has.
void count_rows(ResultTable& table, const StatementPlan& plan) {
  std::map<std::vector<Value>, std::pair<std::size_t, RowObjects>> groups;
  for (ResultRow& row : table.rows) {
    std::vector<Value> key;
    key.reserve(plan.group_by.size());
    for (const std::size_t c : plan.group_by) key.push_back(std::move(row.values[c]));
    auto& [n, objects] = groups[std::move(key)];
    ++n;
    merge_objects(objects, row.objects);
  }
  if (plan.group_by.empty() && groups.empty()) groups[{}] = {0, {}};  // count of nothing: 0
  table.rows.clear();
  for (auto& [key, group] : groups) {
    ResultRow row;
    row.values = key;
    row.values.push_back(Value::count(group.first));
    row.objects = std::move(group.second);
    table.rows.push_back(std::move(row));
  }
}

/// `select [distinct] COLUMNS from`: the selected columns, in order, without repeats when asked.
void project_rows(ResultTable& table, const StatementPlan& plan) {
  std::map<std::vector<Value>, std::size_t> seen;
  std::vector<ResultRow> kept;
  for (ResultRow& row : table.rows) {
    std::vector<Value> values;
    values.reserve(plan.columns.size());
    for (const std::size_t c : plan.columns) values.push_back(row.values[c]);
    if (plan.distinct) {
      const auto [it, added] = seen.try_emplace(values, kept.size());
      if (!added) {
        merge_objects(kept[it->second].objects, row.objects);
        continue;
      }
    }
    row.values = std::move(values);
    kept.push_back(std::move(row));
  }
  table.rows = std::move(kept);
}

/// The table of a plan: its source's rows, kept by the condition, counted or narrowed, ordered
/// and cut, with the result's columns.
ResultTable shape(ResultTable table, const StatementPlan& plan) {
  if (plan.count) {
    count_rows(table, plan);
  } else if (!plan.columns.empty()) {
    project_rows(table, plan);
  }
  table.columns.clear();
  for (const ColumnInfo& c : plan.output) table.columns.push_back({c.name, c.type, c.hidden});
  if (plan.order_column) {
    const std::size_t c = *plan.order_column;
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const ResultRow& a, const ResultRow& b) {
      return plan.descending ? b.values[c] < a.values[c] : a.values[c] < b.values[c];
    });
  }
  if (plan.limit && table.rows.size() > *plan.limit) table.rows.resize(*plan.limit);
  return table;
}

/// The finished table of a plan from its source's rows: shaped, with the statement and notes.
ResultTable finish(ResultTable rows, const StatementPlan& plan) {
  ResultTable table = shape(std::move(rows), plan);
  table.statement = plan.text;
  std::vector<analyzer::rbac::QuestionNote> notes = plan.notes;
  for (auto& n : table.notes) add_note(notes, std::move(n));
  table.notes = std::move(notes);
  return table;
}

}  // namespace

ResultTable evaluate(const StatementPlan& plan, const analyzer::AnalysisContext& context) {
  return finish(source_rows(plan, context), plan);
}

std::vector<ResultTable> evaluate(const std::vector<const StatementPlan*>& plans, const analyzer::AnalysisContext& context) {
  // Jobs: the plans over one relation share its scan (a row, and the objects allows() reads, are
  // built once and every plan's condition looks at it), split into one group per worker so that
  // the cores share the conditions; answers and plans whose limit stops the scan run alone.
  // Each job writes only its plans' tables: the result does not depend on the schedule.
  const unsigned workers = available_workers();
  std::map<const Relation*, std::vector<std::size_t>> by_relation;
  std::vector<std::vector<std::size_t>> jobs;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const Relation* relation = relation_of(*plans[i]);
    if (relation != nullptr && !stops_early(*plans[i])) {
      by_relation[relation].push_back(i);
    } else {
      jobs.push_back({i});
    }
  }
  for (const auto& [relation, indices] : by_relation) {
    std::vector<std::vector<std::size_t>> groups(std::min<std::size_t>(workers, indices.size()));
    for (std::size_t k = 0; k < indices.size(); ++k) groups[k % groups.size()].push_back(indices[k]);
    for (auto& g : groups) jobs.push_back(std::move(g));
  }
  std::stable_sort(jobs.begin(), jobs.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });  // big ones first

  std::vector<ResultTable> sources(plans.size());
  in_parallel(jobs.size(), workers, [&](std::size_t j) {
    const std::vector<std::size_t>& job = jobs[j];
    const Relation* relation = relation_of(*plans[job.front()]);
    if (relation == nullptr || stops_early(*plans[job.front()])) {
      sources[job.front()] = finish(source_rows(*plans[job.front()], context), *plans[job.front()]);
      return;
    }
    std::vector<std::vector<std::size_t>> used;
    used.reserve(job.size());
    for (const std::size_t i : job) {
      sources[i] = relation_table(*relation);
      used.push_back(used_columns(*plans[i], sources[i].columns.size()));
    }
    relation->scan(context, [&](const Row& row) {
      for (std::size_t k = 0; k < job.size(); ++k) keep_row(*plans[job[k]], used[k], row, sources[job[k]]);
      return true;
    });
    for (const std::size_t i : job) sources[i] = finish(std::move(sources[i]), *plans[i]);
  });
  return sources;
}

Result<std::vector<ResultTable>> run_query(const analyzer::AnalysisContext& context, const QuerySource& source) {
  auto query = parse_query(source.text, source.origin, source.first_line);
  if (!query) return fail(query.error());
  auto plans = check(*query, context, source);
  if (!plans) return fail(plans.error());
  std::vector<const StatementPlan*> all;
  all.reserve(plans->size());
  for (const StatementPlan& p : *plans) all.push_back(&p);
  return evaluate(all, context);
}

}  // namespace rbacq::query
