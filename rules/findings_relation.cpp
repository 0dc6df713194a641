// SPDX-License-Identifier: Apache-2.0
#include "rules/findings_relation.hpp"

#include "analyzer/catalogue/default_policy.hpp"
#include "rules/engine.hpp"

namespace rbacq::rules {
namespace {

using query::Type;
using query::Value;

/// The columns of a finding, in the order tables show them.
std::vector<query::ColumnInfo> finding_columns() {
  return {
      {"rule", Type::string, "the rule's id"},
      {"severity", Type::level, "info, low, medium, high or critical (ordered: severity >= high)"},
      {"certainty", Type::string, "sure, or inconclusive when it depends on what the input does not show", false, {"sure", "inconclusive"}},
      {"message", Type::string, "what the rule says of the row"},
      {"kind", Type::string, "the object's kind"},
      {"name", Type::string, "the object's name"},
      {"namespace", Type::string, "the object's namespace, null when cluster-scoped"},
      {"file", Type::string, "the file of the line that causes it"},
      {"line", Type::integer, "that line"},
      {"fingerprint", Type::string, "stable across line shifts and file moves (baselines use it)"},
  };
}

Value column_value(const Finding& f, std::size_t column) {
  switch (column) {
    case 0: return f.rule;
    case 1: return f.severity;
    case 2: return to_string(f.certainty);
    case 3: return f.message;
    case 4: return Value::optional(f.object.kind);
    case 5: return Value::optional(f.object.name);
    case 6: return Value::optional(f.object.namespace_);
    case 7: return Value::optional(f.location.file.str());
    case 8: return f.location.line == 0 ? Value() : Value::count(f.location.line);
    default: return f.fingerprint;
  }
}

class FindingRow final : public query::Row {
 public:
  explicit FindingRow(const Finding& finding) : finding_(finding) {
    objects_.primary = finding_.object_meta;
    objects_.at = finding_.location;
  }
  [[nodiscard]] Value value(std::size_t column) const override { return column_value(finding_, column); }
  [[nodiscard]] std::vector<query::Evidence> evidence() const override { return finding_.notes; }
  [[nodiscard]] const query::RowObjects& objects() const override { return objects_; }

 private:
  const Finding& finding_;
  query::RowObjects objects_;
};

}  // namespace

FindingsRelation::FindingsRelation(std::vector<Rule> rules)
    : Relation("findings", "What rbacq lint reports: one row per finding of rbacq's rules in the input (not in the default policy), "
                           "before suppressions.",
               finding_columns(), false),
      rules_(std::move(rules)) {}

void FindingsRelation::scan(const analyzer::AnalysisContext& context, const std::function<bool(const query::Row&)>& visit) const {
  const std::vector<Finding>* found = nullptr;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto it = findings_.find(&context);
    if (it == findings_.end()) {
      Diagnostics problems;  // a rule that does not check here runs not at all: lint reports it
      std::vector<Finding> all = run_rules(rules_, context, problems);
      // The default policy (--with-defaults) is Kubernetes', not the input's: nothing to fix there.
      std::erase_if(all, [](const Finding& f) { return f.location.file.str().starts_with(analyzer::catalogue::kBuiltinPrefix); });
      it = findings_.emplace(&context, std::move(all)).first;
    }
    found = &it->second;
  }
  for (const Finding& f : *found) {
    if (!visit(FindingRow(f))) return;
  }
}

}  // namespace rbacq::rules
