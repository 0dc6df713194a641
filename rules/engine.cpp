// SPDX-License-Identifier: Apache-2.0
#include "rules/engine.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "rules/message_template.hpp"
#include "rules/rule_file.hpp"

namespace rbacq::rules {

std::string_view to_string(Certainty c) { return c == Certainty::sure ? "sure" : "inconclusive"; }

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

std::vector<Finding> run_rules(const std::vector<Rule>& rules, const analyzer::AnalysisContext& context, Diagnostics& problems) {
  std::vector<Finding> out;
  for (const Rule& rule : rules) {
    if (!check_rule(rule, context, problems)) continue;
    for (const RuleCase& c : rule.cases) {
      const query::QuerySource source{c.query, "query", 1};
      auto plan = query::check(c.parsed.statements.front(), context, source);
      if (!plan) continue;  // reported by check_rule
      auto message = MessageTemplate::parse(c.message).and_then([&](const MessageTemplate& t) { return t.bind(plan->output); });
      if (!message) continue;
      const query::ResultTable table = query::evaluate(*plan, context);
      for (const query::ResultRow& row : table.rows) {
        Finding f;
        f.rule = rule.id;
        f.severity = c.severity;
        f.certainty = c.certainty;
        f.message = message->render(row);
        if (const analyzer::ObjectMeta* meta = row.objects.primary) f.object = {meta->kind, meta->name, meta->namespace_};
        f.location = row.objects.at;
        if (c.at == FindingAt::role_ref && !row.objects.bindings.empty() && row.objects.bindings.front()->role_ref.loc.has_position()) {
          f.location = row.objects.bindings.front()->role_ref.loc;
        }
        f.notes = row.evidence;
        f.fingerprint = fingerprint(rule.id, f.object, row.values);
        out.push_back(std::move(f));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location, a.rule, a.message) < std::tie(b.location, b.rule, b.message);
  });
  return out;
}

}  // namespace rbacq::rules
