// SPDX-License-Identifier: Apache-2.0
#include "rules/config.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "analyzer/input/kinds.hpp"
#include "analyzer/input/yaml_reader.hpp"
#include "rules/message_template.hpp"
#include "rules/rule_file.hpp"
#include "rules/scalar_positions.hpp"
#include "support/edit_distance.hpp"
#include "support/split.hpp"

namespace rbacq::rules {
namespace {

namespace fs = std::filesystem;
using analyzer::Document;
using analyzer::NodeId;
using analyzer::NodeKind;

constexpr std::array<std::string_view, 5> kKeys{"rules", "exclude", "ignore", "deny", "fail-on"};
constexpr std::array<std::string_view, 3> kRulesKeys{"disable", "severity", "options"};
constexpr std::array<std::string_view, 5> kIgnoreKeys{"rule", "path", "object", "reason", "expires"};
constexpr std::array<std::string_view, 3> kDenyKeys{"query", "severity", "message"};
/// Kinds a finding's object has, for did-you-mean on `object:`.
constexpr std::array<std::string_view, 16> kCommonKinds{
    "Role",       "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount", "Secret", "Namespace", "Pod",
    "Deployment", "StatefulSet", "DaemonSet",   "ReplicaSet",         "Job",            "CronJob", "ConfigMap", "CustomResourceDefinition"};

/// Reads the one document of a config file, each problem a [config-invalid] error at its node.
class ConfigReader {
 public:
  ConfigReader(const Document& doc, const analyzer::SourceText& source, const std::vector<std::string>& rule_ids, Diagnostics& diagnostics)
      : doc_(doc), source_(source), rule_ids_(rule_ids), diagnostics_(diagnostics) {}

  /// What the document says, as far as it could be read; ok() says whether all of it could.
  LintConfig read(LintConfig config) {
    for (const auto& [earlier, later] : doc_.duplicate_keys()) {
      error(later, fmt::format("'{}' is given twice in this mapping", doc_.text(later)), {"the first one is above: merge them"});
    }
    const NodeId root = doc_.root();
    if (doc_.kind(root) == NodeKind::null) return config;
    if (doc_.kind(root) != NodeKind::mapping) {
      error(root, fmt::format("a config file is a mapping (rules, exclude, ignore, deny, fail-on), not {}", doc_.describe(root)));
      return config;
    }
    check_keys(root, kKeys);
    if (const auto rules = doc_.find(root, "rules")) read_rules(*rules, config);
    for (const NodeId item : list(root, "exclude", "a list of path globs, as in [\"vendor/**\"]")) {
      if (auto glob = glob_at(item)) config.exclude.push_back(std::move(*glob));
    }
    for (const NodeId item : list(root, "ignore", "a list of {rule, path, object, reason, expires}")) read_ignore(item, config);
    for (const NodeId item : list(root, "deny", "a list of statements, as in [\"can sa:ci/deployer get secrets in kube-system\"]")) {
      read_deny(item, config);
    }
    if (const auto n = doc_.find(root, "fail-on")) config.fail_on = level_at(*n);
    return config;
  }

  [[nodiscard]] bool ok() const { return ok_; }

 private:
  void error(NodeId node, std::string message, std::vector<std::string> notes = {}) { error_at(doc_.location(node), std::move(message), std::move(notes)); }

  void error_at(SourceLocation loc, std::string message, std::vector<std::string> notes = {}) {
    Diagnostic d{"config-invalid", Severity::error, loc, std::move(message), {}};
    for (auto& n : notes) d.notes.push_back({loc, std::move(n)});
    diagnostics_.add(std::move(d));
    ok_ = false;
  }

  /// "did you mean" for a name that is not one of `known`, then the list.
  static std::vector<std::string> suggestions(std::string_view name, const std::vector<std::string>& known, std::string_view what) {
    std::vector<std::string> notes;
    const auto close = close_names(name, known);
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
    if (known.size() <= 12) notes.push_back(fmt::format("{}: {}", what, fmt::join(known, ", ")));
    return notes;
  }

  template <std::size_t N>
  void check_keys(NodeId map, const std::array<std::string_view, N>& known) {
    const std::vector<std::string> names(known.begin(), known.end());
    const auto kids = doc_.children(map);
    for (std::size_t i = 0; i < kids.size(); i += 2) {
      const std::string_view key = doc_.text(kids[i]);
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        error(kids[i], fmt::format("unknown key '{}'", key), suggestions(key, names, "keys"));
      }
    }
  }

  /// The items of the sequence at `key`; an error when it is something else.
  std::vector<NodeId> list(NodeId map, std::string_view key, std::string_view shape) {
    const auto n = doc_.find(map, key);
    if (!n || doc_.kind(*n) == NodeKind::null) return {};
    if (doc_.kind(*n) != NodeKind::sequence) {
      error(*n, fmt::format("'{}' is {}, not {}", key, shape, doc_.describe(*n)));
      return {};
    }
    const auto kids = doc_.children(*n);
    return {kids.begin(), kids.end()};
  }

  /// The text of a scalar; an error (naming `what`) for anything else.
  std::optional<std::string> text_at(NodeId node, std::string_view what) {
    if (doc_.kind(node) != NodeKind::scalar) {
      error(node, fmt::format("{} is text, not {}", what, doc_.describe(node)));
      return std::nullopt;
    }
    return std::string(doc_.text(node));
  }

  /// A rule id the run knows.
  std::optional<std::string> rule_at(NodeId node) {
    auto id = text_at(node, "a rule id");
    if (!id) return std::nullopt;
    if (std::find(rule_ids_.begin(), rule_ids_.end(), *id) == rule_ids_.end()) {
      std::vector<std::string> notes = suggestions(*id, rule_ids_, "rules");
      notes.emplace_back("rbacq rules lists the rule ids");
      error(node, fmt::format("there is no rule '{}'", *id), std::move(notes));
      return std::nullopt;
    }
    return id;
  }

  std::optional<query::Level> level_at(NodeId node) {
    const auto text = text_at(node, "a severity");
    if (!text) return std::nullopt;
    const auto level = query::parse_level(*text);
    if (!level) {
      const std::vector<std::string> levels{"info", "low", "medium", "high", "critical"};
      error(node, fmt::format("'{}' is not a severity", *text), suggestions(*text, levels, "severities"));
    }
    return level;
  }

  /// Where column `column` (1-based) of the one-line scalar at `node` is in the file.
  [[nodiscard]] SourceLocation char_at(NodeId node, std::uint32_t column) const {
    return positions_of(source_.bytes, doc_.location(node), 1).at(1, column);
  }

  std::optional<Glob> glob_at(NodeId node) {
    const auto text = text_at(node, "a path glob");
    if (!text) return std::nullopt;
    auto glob = Glob::parse(*text);
    if (!glob) {
      error_at(char_at(node, glob.error().loc.column), glob.error().message);
      return std::nullopt;
    }
    return std::move(*glob);
  }

  /// `options: {RULE: {OPTION: [values]}}`; whether the rule has the option is apply_options'.
  void read_options(NodeId node, LintConfig& config) {
    if (doc_.kind(node) != NodeKind::mapping) {
      error(node, fmt::format("'options' is a mapping of rule ids to their options, as in {{secrets-read: {{trusted-subjects: "
                              "[sa:argocd/argocd-server]}}}}, not {}",
                              doc_.describe(node)));
      return;
    }
    const auto rules = doc_.children(node);
    for (std::size_t i = 0; i + 1 < rules.size(); i += 2) {
      const auto id = rule_at(rules[i]);
      if (!id) continue;
      if (doc_.kind(rules[i + 1]) != NodeKind::mapping) {
        error(rules[i + 1], fmt::format("the options of {} are a mapping of option names to lists, not {}", *id, doc_.describe(rules[i + 1])));
        continue;
      }
      const auto kids = doc_.children(rules[i + 1]);
      for (std::size_t k = 0; k + 1 < kids.size(); k += 2) {
        OptionSetting setting{*id, std::string(doc_.text(kids[k])), {}, doc_.location(kids[k])};
        const NodeId values = kids[k + 1];
        if (doc_.kind(values) == NodeKind::sequence) {
          for (const NodeId v : doc_.children(values)) {
            if (auto text = text_at(v, "an option's value")) setting.values.push_back(std::move(*text));
          }
        } else if (doc_.kind(values) != NodeKind::null) {
          error(values, fmt::format("option {} of {} is a list of values, as in [{}], not {}", setting.option, *id,
                                  doc_.kind(values) == NodeKind::scalar ? doc_.text(values) : "…", doc_.describe(values)));
          continue;
        }
        config.options.push_back(std::move(setting));
      }
    }
  }

  void read_rules(NodeId node, LintConfig& config) {
    if (doc_.kind(node) != NodeKind::mapping) {
      error(node, fmt::format("'rules' is a mapping (disable, severity, options), not {}", doc_.describe(node)));
      return;
    }
    check_keys(node, kRulesKeys);
    for (const NodeId item : list(node, "disable", "a list of rule ids")) {
      if (auto id = rule_at(item)) config.disabled.push_back(std::move(*id));
    }
    if (const auto severity = doc_.find(node, "severity"); severity && doc_.kind(*severity) != NodeKind::null) {
      if (doc_.kind(*severity) != NodeKind::mapping) {
        error(*severity, fmt::format("'severity' is a mapping of rule ids to severities, as in {{wildcard-rule: high}}, not {}",
                                     doc_.describe(*severity)));
        return;
      }
      const auto kids = doc_.children(*severity);
      for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        auto id = rule_at(kids[i]);
        const auto level = level_at(kids[i + 1]);
        if (id && level) config.severity.emplace_back(std::move(*id), *level);
      }
    }
    if (const auto options = doc_.find(node, "options"); options && doc_.kind(*options) != NodeKind::null) read_options(*options, config);
  }

  /// KIND/NAME or KIND/NS/NAME.
  std::optional<ObjectRef> object_at(NodeId node) {
    const auto text = text_at(node, "an object");
    if (!text) return std::nullopt;
    const std::vector<std::string_view> pieces = split(*text, '/');
    const std::vector<std::string> parts(pieces.begin(), pieces.end());
    if (parts.size() < 2 || parts.size() > 3 || std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); })) {
      error(node, fmt::format("'{}' is not an object: write KIND/NAME or KIND/NAMESPACE/NAME, as in ClusterRole/admin or Role/dev/reader", *text));
      return std::nullopt;
    }
    if (!analyzer::is_decoded_kind(parts[0])) {
      const std::vector<std::string> kinds(kCommonKinds.begin(), kCommonKinds.end());
      std::vector<std::string> notes;
      const auto close = close_names(parts[0], kinds);
      if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
      notes.emplace_back("kinds are written as in manifests: ClusterRole, RoleBinding, ServiceAccount…");
      error(node, fmt::format("rbacq reads no kind '{}'", parts[0]), std::move(notes));
      return std::nullopt;
    }
    if (parts.size() == 2) return ObjectRef{parts[0], parts[1], {}};
    return ObjectRef{parts[0], parts[2], parts[1]};
  }

  void read_ignore(NodeId item, LintConfig& config) {
    if (doc_.kind(item) != NodeKind::mapping) {
      error(item, fmt::format("an ignore entry is a mapping {{rule, path, object, reason, expires}}, not {}", doc_.describe(item)));
      return;
    }
    check_keys(item, kIgnoreKeys);
    IgnoreEntry entry;
    entry.loc = doc_.location(item);
    bool ok = true;
    const auto rule = doc_.find(item, "rule");
    const auto reason = doc_.find(item, "reason");
    if (!rule) error(item, "the ignore entry has no 'rule'", {"each entry suppresses one rule's findings"});
    if (!reason) error(item, "the ignore entry has no 'reason'", {"say why the findings are acceptable, as in reason: \"migrating in Q1\""});
    if (rule) {
      auto id = rule_at(*rule);
      ok = ok && id;
      if (id) entry.rule = std::move(*id);
    }
    if (reason) {
      auto text = text_at(*reason, "'reason'");
      if (text && text->find_first_not_of(" \t") == std::string::npos) error(*reason, "'reason' is empty: say why the findings are acceptable");
      if (text) entry.reason = std::move(*text);
    }
    if (const auto path = doc_.find(item, "path")) {
      entry.path = glob_at(*path);
      ok = ok && entry.path;
    }
    if (const auto object = doc_.find(item, "object")) {
      entry.object = object_at(*object);
      ok = ok && entry.object;
    }
    if (const auto expires = doc_.find(item, "expires")) {
      if (const auto text = text_at(*expires, "'expires'")) {
        entry.expires = parse_date(*text);
        if (!entry.expires) error(*expires, fmt::format("'{}' is not a date: {}", *text, date_problem(*text)));
      }
      ok = ok && entry.expires;
    }
    if (ok && rule && reason) config.ignore.push_back(std::move(entry));
  }

  void read_deny(NodeId item, LintConfig& config) {
    DenyAssertion deny;
    deny.loc = doc_.location(item);
    deny.statement.severity = query::Level::high;
    NodeId query_node = item;
    if (doc_.kind(item) == NodeKind::mapping) {
      check_keys(item, kDenyKeys);
      const auto q = doc_.find(item, "query");
      if (!q) {
        error(item, "the deny entry has no 'query'", {"a deny entry is a statement, or {query, severity, message}"});
        return;
      }
      query_node = *q;
      if (const auto s = doc_.find(item, "severity")) {
        if (const auto level = level_at(*s)) deny.statement.severity = *level;
      }
      if (const auto m = doc_.find(item, "message")) {
        if (auto text = text_at(*m, "'message'")) {
          deny.statement.message = std::move(*text);
          deny.statement.message_at = char_at(*m, 1);
          if (auto parsed = MessageTemplate::parse(deny.statement.message); !parsed) {
            error_at({deny.statement.message_at.file, deny.statement.message_at.line,
                      deny.statement.message_at.column + parsed.error().loc.column - 1},
                     parsed.error().message);
          }
        }
      }
    }
    const auto text = text_at(query_node, "a deny statement");
    if (!text) return;
    RuleCase& c = deny.statement;
    c.query = *text;
    c.positions = positions_of(source_.bytes, doc_.location(query_node), static_cast<std::size_t>(std::count(c.query.begin(), c.query.end(), '\n')) + 1);
    if (!parse_case_query(c, diagnostics_)) {
      ok_ = false;
      return;
    }
    if (c.parsed.statements.size() != 1) {
      error(query_node, fmt::format("a deny entry is one statement, not {}", c.parsed.statements.size()), {"write each statement as its own entry"});
      return;
    }
    config.deny.push_back(std::move(deny));
  }

  const Document& doc_;
  const analyzer::SourceText& source_;
  const std::vector<std::string>& rule_ids_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

}  // namespace

bool LintConfig::is_disabled(std::string_view rule) const { return std::find(disabled.begin(), disabled.end(), rule) != disabled.end(); }

std::optional<query::Level> LintConfig::severity_of(std::string_view rule) const {
  for (const auto& [id, level] : severity) {
    if (id == rule) return level;
  }
  return std::nullopt;
}

std::optional<std::string> LintConfig::relative_path(std::string_view path) const {
  if (base.empty() || path.empty() || path.front() == '<') return std::nullopt;
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(path), ec).lexically_normal();
  if (ec) return std::nullopt;
  const fs::path relative = absolute.lexically_relative(fs::path(base));
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

bool LintConfig::excludes(std::string_view path) const {
  if (exclude.empty()) return false;
  const auto relative = relative_path(path);
  return relative && std::any_of(exclude.begin(), exclude.end(), [&](const Glob& g) { return g.matches(*relative); });
}

std::optional<std::string> find_config(std::string_view start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start == "-" ? fs::path(".") : fs::path(start), ec).lexically_normal();
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) {
      // Said as the user would: relative to the current directory when it is below it.
      const fs::path relative = candidate.lexically_relative(fs::current_path(ec));
      return !ec && !relative.empty() && *relative.begin() != ".." ? relative.generic_string() : candidate.generic_string();
    }
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    dir = dir.parent_path();
  }
}

std::optional<LintConfig> read_config(const analyzer::SourceText& source, const std::vector<std::string>& rule_ids, Diagnostics& diagnostics,
                                      LintConfig* partial) {
  std::optional<LintConfig> out{std::in_place};
  out->file = std::string(source.path.str());
  std::error_code ec;
  out->base = fs::absolute(fs::path(out->file), ec).lexically_normal().parent_path().string();
  std::size_t documents = 0;
  const std::size_t errors_before = diagnostics.count(Severity::error);
  analyzer::read_yaml(source, analyzer::LoadLimits{}, diagnostics, [&](const Document& doc) {
    if (doc.empty()) return;
    if (++documents > 1) {
      diagnostics.add({"config-invalid", Severity::error, doc.location(doc.root()), "a config file holds one document: merge them", {}});
      if (out && partial != nullptr) *partial = std::move(*out);  // its option names are still checked
      out.reset();
      return;
    }
    if (!out) return;
    ConfigReader reader(doc, source, rule_ids, diagnostics);
    LintConfig read = reader.read(std::move(*out));
    if (reader.ok()) {
      out = std::move(read);
    } else {
      if (partial != nullptr) *partial = std::move(read);
      out.reset();
    }
  });
  if (diagnostics.count(Severity::error) != errors_before) out.reset();  // a YAML syntax error
  return out;
}

std::optional<LintConfig> load_config(const std::string& path, const std::vector<std::string>& rule_ids, Diagnostics& diagnostics,
                                      LintConfig* partial) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    diagnostics.add({"config-invalid", Severity::error, {FilePath::intern(path), 0, 0},
                     exists ? "the config file cannot be read" : "no such config file", {}});
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return read_config(analyzer::SourceText{FilePath::intern(path), text.str(), 1, 1}, rule_ids, diagnostics, partial);
}

bool check_options(const LintConfig& config, const std::vector<Rule>& rules, Diagnostics& diagnostics) {
  bool clean = true;
  for (const OptionSetting& setting : config.options) {
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == setting.rule; });
    if (rule == rules.end()) continue;  // policy-assertion, which has no options
    const auto option = std::find_if(rule->options.begin(), rule->options.end(), [&](const RuleOption& o) { return o.name == setting.option; });
    if (option != rule->options.end()) continue;
    std::vector<std::string> names;
    names.reserve(rule->options.size());
    for (const RuleOption& o : rule->options) names.push_back(o.name);
    Diagnostic d{"config-invalid", Severity::error, setting.loc, fmt::format("rule {} has no option '{}'", setting.rule, setting.option), {}};
    if (names.empty()) {
      d.notes.push_back({setting.loc, fmt::format("{} has no options", setting.rule)});
    } else {
      const auto close = close_names(setting.option, names);
      if (!close.empty()) d.notes.push_back({setting.loc, fmt::format("did you mean '{}'?", close.front())});
      d.notes.push_back({setting.loc, fmt::format("its options: {} (rbacq rules {} documents them)", fmt::join(names, ", "), setting.rule)});
    }
    diagnostics.add(std::move(d));
    clean = false;
  }
  return clean;
}

bool apply_options(const LintConfig& config, std::vector<Rule>& rules, Diagnostics& diagnostics) {
  if (!check_options(config, rules, diagnostics)) return false;
  for (const OptionSetting& setting : config.options) {
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == setting.rule; });
    if (rule == rules.end()) continue;
    for (RuleOption& o : rule->options) {
      if (o.name == setting.option) o.values = setting.values;
    }
  }
  return true;
}

bool check_config(const LintConfig& config, const analyzer::AnalysisContext& context, Diagnostics& diagnostics) {
  Diagnostics found;
  bool clean = true;
  for (const DenyAssertion& d : config.deny) clean = check_case(d.statement, context, found) && clean;
  for (Diagnostic d : found.items()) {
    if (d.id == "rule-invalid") d.id = "config-invalid";  // a message template's error: here it is the config's
    diagnostics.add(std::move(d));
  }
  return clean;
}

}  // namespace rbacq::rules
