// SPDX-License-Identifier: Apache-2.0
#include "rules/engine.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "query/functions.hpp"
#include "rules/message_template.hpp"
#include "rules/rule_file.hpp"
#include "support/parallel.hpp"

namespace rbacq::rules {

std::string_view to_string(Certainty c) { return c == Certainty::sure ? "sure" : "inconclusive"; }

std::string ignore_annotation_of(const analyzer::ObjectMeta& meta) {
  for (const auto& [key, value] : meta.annotations) {
    if (key == analyzer::kIgnoreAnnotation) return value;
  }
  return {};
}

std::string fingerprint(std::string_view rule, const ObjectRef& object, const std::vector<query::Value>& values) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a offset basis
  const auto mix = [&](std::string_view text) {
    for (const char c : text) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0xffU;  // separator: "a" + "bc" differs from "ab" + "c"
    h *= 1099511628211ULL;
  };
  mix(rule);
  mix(object.kind);
  mix(object.namespace_);
  mix(object.name);
  for (const auto& v : values) mix(query::to_text(v));
  return fmt::format("{:016x}", h);
}

namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // kind, namespace, name

Key key_of(const analyzer::ObjectMeta& meta) { return {meta.kind, meta.namespace_, meta.name}; }

/// Where the input defines an object more than once: the earlier definitions a later one
/// replaced, and the one that wins.
struct Definitions {
  std::map<Key, std::vector<const analyzer::ObjectMeta*>> earlier;
  std::map<Key, const analyzer::ObjectMeta*> winner;

  explicit Definitions(const analyzer::Model& model) {
    for (const auto& r : model.superseded_roles) earlier[key_of(r.meta)].push_back(&r.meta);
    for (const auto& b : model.superseded_bindings) earlier[key_of(b.meta)].push_back(&b.meta);
    if (earlier.empty()) return;
    for (const auto& r : model.roles) {
      if (earlier.contains(key_of(r.meta))) winner[key_of(r.meta)] = &r.meta;
    }
    for (const auto& b : model.bindings) {
      if (earlier.contains(key_of(b.meta))) winner[key_of(b.meta)] = &b.meta;
    }
  }

  /// Says which definition a finding is about when there are several: the one the cluster keeps
  /// (the last applied), or an earlier one it replaces.
  void explain(Finding& f) const {
    if (f.object_meta == nullptr || earlier.empty()) return;
    const auto it = earlier.find(key_of(*f.object_meta));
    const auto won = winner.find(key_of(*f.object_meta));
    if (it == earlier.end() || won == winner.end()) return;
    if (won->second == f.object_meta) {
      for (const auto* e : it->second) {
        f.notes.push_back({e->loc, fmt::format("{} is also defined here, earlier: the definition above replaces it in the cluster", e->kind)});
      }
    } else {
      f.notes.push_back({won->second->loc, fmt::format("a later definition of {} {} replaces this one in the cluster: it is here", won->second->kind,
                                                       won->second->name)});
    }
  }
};

}  // namespace

std::vector<Finding> run_rules(const std::vector<Rule>& rules, const analyzer::AnalysisContext& context, Diagnostics& problems) {
  const Definitions definitions(context.model());
  // Every case checked first, then all evaluated at once: the cases over one relation (most are
  // over grants) share its scan.
  struct Prepared {
    const Rule* rule;
    const RuleCase* rule_case;
    query::StatementPlan plan;
    MessageTemplate message;  // bound to the plan's columns
  };
  std::vector<Prepared> prepared;
  query::SharedCalls shared;  // cases asking the same can() share its answers
  for (const Rule& rule : rules) {
    if (!check_rule(rule, context, problems)) continue;
    const std::vector<query::QueryOption> options = rule.query_options();
    for (const RuleCase& c : rule.cases) {
      query::QuerySource source{c.query, "query", 1};
      source.options = options;
      source.shared_calls = &shared;
      auto plan = query::check(c.parsed.statements.front(), context, source);
      if (!plan) continue;  // reported by check_rule
      auto message = MessageTemplate::parse(c.message).and_then([&](const MessageTemplate& t) { return t.bind(plan->output); });
      if (!message) continue;
      prepared.push_back({&rule, &c, std::move(*plan), std::move(*message)});
    }
  }
  std::vector<const query::StatementPlan*> plans;
  plans.reserve(prepared.size());
  for (const Prepared& p : prepared) plans.push_back(&p.plan);
  std::vector<query::ResultTable> tables = query::evaluate(plans, context);

  // Each case's findings on its own (in parallel; a table is freed by the job that read it),
  // then all of them in the cases' order.
  std::vector<std::vector<Finding>> per_case(prepared.size());
  in_parallel(prepared.size(), available_workers(), [&](std::size_t i) {
    const Rule& rule = *prepared[i].rule;
    const RuleCase& c = *prepared[i].rule_case;
    query::ResultTable table = std::move(tables[i]);
    std::vector<Finding>& out = per_case[i];
    out.reserve(table.rows.size());
    for (query::ResultRow& row : table.rows) {
      Finding f;
      f.rule = rule.id;
      f.severity = c.severity;
      f.certainty = c.certainty;
      f.message = prepared[i].message.render(row);
      f.object_meta = row.objects.primary;
      if (const analyzer::ObjectMeta* meta = row.objects.primary) {
        f.object = {meta->kind, meta->name, meta->namespace_};
        f.ignore_annotation = ignore_annotation_of(*meta);
      }
      f.location = row.objects.at;
      if (c.at == FindingAt::role_ref && !row.objects.bindings.empty() && row.objects.bindings.front()->role_ref.loc.has_position()) {
        f.location = row.objects.bindings.front()->role_ref.loc;
      }
      f.notes = std::move(row.evidence);
      f.fingerprint = fingerprint(rule.id, f.object, row.values);
      definitions.explain(f);
      out.push_back(std::move(f));
    }
  });
  std::size_t total = 0;
  for (const auto& found : per_case) total += found.size();
  std::vector<Finding> out;
  out.reserve(total);
  for (auto& found : per_case) std::move(found.begin(), found.end(), std::back_inserter(out));
  std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location, a.rule, a.message) < std::tie(b.location, b.rule, b.message);
  });
  return out;
}

}  // namespace rbacq::rules
