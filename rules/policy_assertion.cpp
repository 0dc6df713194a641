// SPDX-License-Identifier: Apache-2.0
#include "rules/policy_assertion.hpp"

#include <algorithm>
#include <variant>

#include <fmt/format.h>

#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "rules/engine.hpp"
#include "rules/message_template.hpp"

namespace rbacq::rules {
namespace {

/// Rows shown as notes per violated statement: the first ones prove it, the rest are counted.
constexpr std::size_t kRowsShown = 10;
/// Columns a row's note shows.
constexpr std::size_t kCells = 4;

/// The rows that violate the statement: a `can` question has a row whether or not it is
/// allowed, and `count` without `by` has one even for nothing.
std::vector<const query::ResultRow*> violations(const query::StatementPlan& plan, const query::ResultTable& table) {
  std::optional<std::size_t> allowed;
  if (std::holds_alternative<query::CanPlan>(plan.source)) {
    for (std::size_t i = 0; i < plan.output.size(); ++i) {
      if (plan.output[i].name == "allowed" && plan.output[i].type == query::Type::boolean) allowed = i;
    }
  }
  const bool total = plan.count && plan.group_by.empty();
  std::vector<const query::ResultRow*> out;
  for (const query::ResultRow& row : table.rows) {
    if (allowed && !(row.values[*allowed].is_null() || row.values[*allowed].as_bool())) continue;
    if (total && !row.values.empty() && row.values.back().as_integer() == 0) continue;
    out.push_back(&row);
  }
  return out;
}

/// "subject=user:oncall verb=escalate via=rbac": a row by its first few columns with a value,
/// which relations order key first; the evidence that follows says the rest.
std::string describe_row(const query::StatementPlan& plan, const query::ResultRow& row) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < plan.output.size() && i < row.values.size() && cells.size() < kCells; ++i) {
    const query::Value& v = row.values[i];
    if (plan.output[i].hidden || v.is_null() || plan.output[i].type == query::Type::map) continue;
    cells.push_back(fmt::format("{}={}", plan.output[i].name, query::to_text(v)));
  }
  return fmt::format("{}", fmt::join(cells, " "));
}

}  // namespace

std::vector<Finding> run_assertions(const LintConfig& config, const analyzer::AnalysisContext& context,
                                    const std::function<bool(std::string_view)>& reported) {
  std::vector<Finding> out;
  for (const DenyAssertion& deny : config.deny) {
    const RuleCase& c = deny.statement;
    if (c.parsed.statements.empty()) continue;
    const query::QuerySource source{c.query, "query", 1};
    const auto plan = query::check(c.parsed.statements.front(), context, source);
    if (!plan) continue;
    const query::ResultTable table = query::evaluate(*plan, context);
    std::vector<const query::ResultRow*> rows = violations(*plan, table);
    if (rows.empty()) continue;
    if (reported) {
      std::stable_partition(rows.begin(), rows.end(), [&](const query::ResultRow* r) {
        return !r->objects.at.file.empty() && reported(r->objects.at.file.str());
      });
    }
    const query::ResultRow& first = *rows.front();
    Finding f;
    f.rule = std::string(kPolicyAssertionRule);
    f.severity = c.severity;
    if (!c.message.empty()) {
      const auto message = MessageTemplate::parse(c.message).and_then([&](const MessageTemplate& t) { return t.bind(plan->output); });
      if (message) f.message = message->render(first);
    }
    if (f.message.empty()) {
      f.message = fmt::format("policy assertion violated: {}", table.statement);
      if (rows.size() > 1) f.message += fmt::format(" ({} rows)", rows.size());
    }
    if (const analyzer::ObjectMeta* meta = first.objects.primary) {
      f.object = {meta->kind, meta->name, meta->namespace_};
      f.ignore_annotation = ignore_annotation_of(*meta);
    }
    f.location = first.objects.at.file.empty() ? deny.loc : first.objects.at;
    const bool question = std::holds_alternative<query::CanPlan>(plan->source);
    for (std::size_t i = 0; i < rows.size() && i < kRowsShown; ++i) {
      // A `can` question's row is the question itself: its evidence says the rest.
      if (!question) f.notes.push_back({rows[i]->objects.at, fmt::format("row {}: {}", i + 1, describe_row(*plan, *rows[i]))});
      f.notes.insert(f.notes.end(), rows[i]->evidence.begin(), rows[i]->evidence.end());
    }
    if (rows.size() > kRowsShown) f.notes.push_back({deny.loc, fmt::format("and {} more rows (rbacq query shows them all)", rows.size() - kRowsShown)});
    f.notes.push_back({deny.loc, "the assertion is here"});
    f.fingerprint = fingerprint(f.rule, f.object, {query::Value(table.statement)});
    out.push_back(std::move(f));
  }
  return out;
}

Rule assertion_rule(const LintConfig& config) {
  Rule rule;
  rule.id = std::string(kPolicyAssertionRule);
  rule.title = "A statement the repository's .rbacq.yaml denies is true";
  rule.description =
      "The lint configuration lists under deny: statements of rbacq's query language that must never have rows "
      "(for can, never be allowed). One of them has rows in these manifests; the finding's notes are its proof.";
  rule.remediation = "Change the manifests so that the statement has no rows again, or, if the policy itself changed, its deny: entry.";
  for (const DenyAssertion& deny : config.deny) {
    // What a report shows of a case; the parsed statement stays with the config (it is not copyable).
    RuleCase c;
    c.severity = deny.statement.severity;
    c.certainty = deny.statement.certainty;
    c.query = deny.statement.query;
    c.positions = deny.statement.positions;
    c.message = deny.statement.message;
    c.message_at = deny.statement.message_at;
    rule.cases.push_back(std::move(c));
  }
  rule.loc = config.deny.empty() ? SourceLocation{} : config.deny.front().loc;
  return rule;
}

}  // namespace rbacq::rules
