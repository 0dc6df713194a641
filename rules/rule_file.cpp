// SPDX-License-Identifier: Apache-2.0
#include "rules/rule_file.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analyzer/input/yaml_reader.hpp"
#include "query/checker.hpp"
#include "query/parser.hpp"
#include "rules/message_template.hpp"
#include "rules/scalar_positions.hpp"
#include "support/edit_distance.hpp"

namespace rbacq::rules {
namespace {

using analyzer::Document;
using analyzer::NodeId;
using analyzer::NodeKind;

constexpr std::array<std::string_view, 12> kKeys{"id",      "title",      "severity",    "certainty",  "query",   "message",
                                                 "cases",   "description", "remediation", "references", "options", "location"};
constexpr std::array<std::string_view, 5> kCaseKeys{"severity", "query", "message", "certainty", "location"};

Diagnostic invalid(SourceLocation loc, std::string message, std::vector<std::string> notes = {}) {
  Diagnostic d{"rule-invalid", Severity::error, loc, std::move(message), {}};
  for (auto& n : notes) d.notes.push_back({loc, std::move(n)});
  return d;
}

/// A query's error (at line:col of the query's text) moved to the same character of the file.
void add_in_file(Diagnostic d, const QueryPositions& positions, Diagnostics& diagnostics) {
  d.loc = positions.at(d.loc.line, d.loc.column);
  for (Note& n : d.notes) n.loc = d.loc;
  diagnostics.add(std::move(d));
}

/// Reads the mappings of one rule document.
class RuleReader {
 public:
  RuleReader(const Document& doc, const analyzer::SourceText& source, Diagnostics& diagnostics)
      : doc_(doc), source_(source), diagnostics_(diagnostics) {}

  std::optional<Rule> read(bool builtin) {
    const NodeId root = doc_.root();
    if (doc_.kind(root) != NodeKind::mapping) {
      diagnostics_.add(invalid(doc_.location(root), fmt::format("a rule file is a mapping (id, title, severity, query, message…), not {}",
                                                                doc_.describe(root))));
      return std::nullopt;
    }
    check_keys(root, {kKeys.begin(), kKeys.end()});
    Rule rule;
    rule.loc = doc_.location(root);
    rule.builtin = builtin;
    rule.id = required_string(root, "id");
    rule.title = required_string(root, "title");
    rule.description = optional_string(root, "description");
    rule.remediation = optional_string(root, "remediation");
    if (const auto refs = doc_.find(root, "references")) {
      if (doc_.kind(*refs) == NodeKind::sequence) {
        for (const NodeId r : doc_.children(*refs)) rule.references.emplace_back(doc_.text(r));
      } else {
        error(*refs, "'references' is a list, as in [CIS 5.1.2, MITRE T1078]");
      }
    }
    if (!rule.id.empty()) check_id(rule, root, builtin);
    if (const auto options = doc_.find(root, "options")) read_options(*options, rule);
    const std::string shared_message = optional_string(root, "message");
    const auto message_node = doc_.find(root, "message");
    const FindingAt shared_at = read_location(root, FindingAt::row);
    if (const auto cases = doc_.find(root, "cases")) {
      for (const char* single : {"severity", "query", "certainty"}) {
        if (const auto n = doc_.find(root, single)) error(*n, fmt::format("'{}' belongs in each case when a rule has cases", single));
      }
      if (doc_.kind(*cases) != NodeKind::sequence || doc_.children(*cases).empty()) {
        error(*cases, "'cases' is a list of {severity, query, message, certainty}");
      } else {
        for (const NodeId c : doc_.children(*cases)) {
          if (doc_.kind(c) != NodeKind::mapping) {
            error(c, "a case is a mapping: {severity, query, [message], [certainty]}");
            continue;
          }
          check_keys(c, {kCaseKeys.begin(), kCaseKeys.end()});
          read_case(c, shared_message, message_node, rule);
          rule.cases.back().at = read_location(c, shared_at);
        }
      }
    } else {
      read_case(root, shared_message, message_node, rule);
      rule.cases.back().at = shared_at;
    }
    if (!ok_) return std::nullopt;
    return rule;
  }

 private:
  void error(NodeId node, std::string message, std::vector<std::string> notes = {}) {
    diagnostics_.add(invalid(doc_.location(node), std::move(message), std::move(notes)));
    ok_ = false;
  }

  void check_keys(NodeId map, const std::vector<std::string_view>& known) {
    const auto kids = doc_.children(map);
    for (std::size_t i = 0; i < kids.size(); i += 2) {
      const std::string_view key = doc_.text(kids[i]);
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::vector<std::string> names(known.begin(), known.end());
      std::vector<std::string> notes;
      const auto close = close_names(key, names);
      if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
      notes.push_back(fmt::format("keys: {}", fmt::join(known, ", ")));
      error(kids[i], fmt::format("unknown key '{}'", key), std::move(notes));
    }
  }

  std::string optional_string(NodeId map, std::string_view key) {
    const auto n = doc_.find(map, key);
    if (!n || doc_.kind(*n) == NodeKind::null) return {};
    if (doc_.kind(*n) != NodeKind::scalar) {
      error(*n, fmt::format("'{}' is text, not {}", key, doc_.describe(*n)));
      return {};
    }
    return std::string(doc_.text(*n));
  }

  std::string required_string(NodeId map, std::string_view key) {
    if (!doc_.find(map, key)) {
      error(map, fmt::format("the rule has no '{}'", key));
      return {};
    }
    std::string out = optional_string(map, key);
    if (out.empty()) error(*doc_.find(map, key), fmt::format("'{}' is empty", key));
    return out;
  }

  /// `location:` of a rule or case: row or role-ref; `fallback` when it is not given.
  FindingAt read_location(NodeId map, FindingAt fallback) {
    const std::string text = optional_string(map, "location");
    if (text.empty()) return fallback;
    if (text == "row") return FindingAt::row;
    if (text == "role-ref") return FindingAt::role_ref;
    error(*doc_.find(map, "location"), fmt::format("'{}' is not a location: row (the line the row points at) or role-ref (its binding's roleRef)", text));
    return fallback;
  }

  /// `options:` — NAME: {description, default: [values]} for each option.
  void read_options(NodeId node, Rule& rule) {
    if (doc_.kind(node) != NodeKind::mapping) {
      error(node, "'options' is a mapping: NAME: {description: …, default: [values]}");
      return;
    }
    const auto kids = doc_.children(node);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      RuleOption o;
      o.name = std::string(doc_.text(kids[i]));
      o.loc = doc_.location(kids[i]);
      if (!kebab_case(o.name)) error(kids[i], fmt::format("'{}' is not an option name: names are kebab-case (lower-case letters, digits, '-')", o.name));
      const NodeId spec = kids[i + 1];
      if (doc_.kind(spec) != NodeKind::mapping) {
        error(spec, fmt::format("option {} is a mapping: {{description: …, default: [values]}}", o.name));
        continue;
      }
      check_keys(spec, {"description", "default"});
      o.description = required_string(spec, "description");
      if (const auto def = doc_.find(spec, "default"); def && doc_.kind(*def) != NodeKind::null) {
        if (doc_.kind(*def) != NodeKind::sequence) {
          error(*def, fmt::format("the default of option {} is a list of values, as in [sa:argocd/argocd-server]", o.name));
        } else {
          for (const NodeId v : doc_.children(*def)) {
            if (doc_.kind(v) == NodeKind::scalar) {
              o.defaults.emplace_back(doc_.text(v));
            } else {
              error(v, fmt::format("a value of option {} is text, not {}", o.name, doc_.describe(v)));
            }
          }
        }
      }
      o.values = o.defaults;
      rule.options.push_back(std::move(o));
    }
  }

  static bool kebab_case(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }) &&
           s.front() != '-' && s.back() != '-';
  }

  void check_id(const Rule& rule, NodeId root, bool builtin) {
    const NodeId node = *doc_.find(root, "id");
    if (!kebab_case(rule.id)) error(node, fmt::format("'{}' is not a rule id: ids are kebab-case (lower-case letters, digits, '-')", rule.id));
    if (builtin) {
      const std::string_view path = source_.path.str();
      const std::string_view file = path.substr(path.find_last_of('/') + 1);
      if (file != rule.id + ".yaml") error(node, fmt::format("the rule {} is in {}: a built-in rule's file is named {}.yaml", rule.id, file, rule.id));
    }
  }

  void read_case(NodeId map, const std::string& shared_message, std::optional<NodeId> shared_message_node, Rule& rule) {
    RuleCase c;
    const std::string severity = required_string(map, "severity");
    if (!severity.empty()) {
      if (const auto level = query::parse_level(severity)) {
        c.severity = *level;
      } else {
        error(*doc_.find(map, "severity"), fmt::format("'{}' is not a severity: info, low, medium, high or critical", severity));
      }
    }
    const std::string certainty = optional_string(map, "certainty");
    if (certainty == "inconclusive") {
      c.certainty = Certainty::inconclusive;
    } else if (!certainty.empty() && certainty != "sure") {
      error(*doc_.find(map, "certainty"), fmt::format("'{}' is not a certainty: sure or inconclusive", certainty));
    }
    c.query = required_string(map, "query");
    std::optional<NodeId> message_node = doc_.find(map, "message");
    c.message = message_node ? optional_string(map, "message") : shared_message;
    if (!message_node) message_node = shared_message_node;
    if (c.message.empty()) {
      error(map, "the rule has no 'message' (a template such as \"{subject} may read Secrets through {binding}\")");
    } else if (message_node) {
      c.message_at = positions_of(source_.bytes, doc_.location(*message_node), 1).at(1, 1);
    }
    if (!c.query.empty()) {
      const NodeId qnode = *doc_.find(map, "query");
      c.positions = positions_of(source_.bytes, doc_.location(qnode), static_cast<std::size_t>(std::count(c.query.begin(), c.query.end(), '\n')) + 1);
      if (!parse_case_query(c, diagnostics_)) {
        ok_ = false;
      } else if (c.parsed.statements.size() != 1) {
        error(qnode, fmt::format("a rule's query is one statement, not {}", c.parsed.statements.size()));
      }
    }
    if (!c.message.empty()) {
      auto parsed = MessageTemplate::parse(c.message);
      if (!parsed) {
        Diagnostic d = parsed.error();
        d.loc = {c.message_at.file, c.message_at.line, c.message_at.column + d.loc.column - 1};
        diagnostics_.add(std::move(d));
        ok_ = false;
      }
    }
    rule.cases.push_back(std::move(c));
  }

  const Document& doc_;
  const analyzer::SourceText& source_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

}  // namespace

std::optional<Rule> read_rule(const analyzer::SourceText& source, bool builtin, Diagnostics& diagnostics) {
  std::optional<Rule> out;
  std::size_t documents = 0;
  analyzer::read_yaml(source, analyzer::LoadLimits{}, diagnostics, [&](const Document& doc) {
    if (doc.empty()) return;
    if (++documents > 1) {
      diagnostics.add(invalid(doc.location(doc.root()), "a rule file holds one rule: put each rule in its own file"));
      out.reset();
      return;
    }
    out = RuleReader(doc, source, diagnostics).read(builtin);
  });
  if (documents == 0) diagnostics.add(invalid({source.path, 0, 0}, "the rule file is empty"));
  return out;
}

bool parse_case_query(RuleCase& c, Diagnostics& diagnostics) {
  auto parsed = query::parse_query(c.query, "query", 1);
  if (!parsed) {
    add_in_file(parsed.error(), c.positions, diagnostics);
    return false;
  }
  c.parsed = std::move(*parsed);
  return true;
}

bool check_case(const RuleCase& c, const analyzer::AnalysisContext& context, Diagnostics& diagnostics,
                std::span<const query::QueryOption> options) {
  if (c.parsed.statements.empty()) return true;
  query::QuerySource source{c.query, "query", 1};
  source.options = options;
  auto plan = query::check(c.parsed.statements.front(), context, source);
  if (!plan) {
    add_in_file(plan.error(), c.positions, diagnostics);
    return false;
  }
  if (c.message.empty()) return true;  // a policy assertion's default message
  auto bound = MessageTemplate::parse(c.message).and_then([&](const MessageTemplate& t) { return t.bind(plan->output); });
  if (!bound) {
    Diagnostic d = bound.error();
    d.loc = {c.message_at.file, c.message_at.line, c.message_at.column + d.loc.column - 1};
    for (Note& n : d.notes) n.loc = d.loc;
    diagnostics.add(std::move(d));
    return false;
  }
  return true;
}

bool check_rule(const Rule& rule, const analyzer::AnalysisContext& context, Diagnostics& diagnostics) {
  bool clean = true;
  const std::vector<query::QueryOption> options = rule.query_options();
  for (const RuleCase& c : rule.cases) clean = check_case(c, context, diagnostics, options) && clean;
  return clean;
}

}  // namespace rbacq::rules
