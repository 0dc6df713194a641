// SPDX-License-Identifier: Apache-2.0
// `findings`: what lint reports, as a relation the query language can filter and count
// (`findings where severity >= high`, `count findings by rule`) — the rules run once, when the
// relation is first scanned.
#pragma once

#include <map>
#include <mutex>
#include <vector>

#include "query/relation.hpp"
#include "rules/finding.hpp"
#include "rules/rule.hpp"

namespace rbacq::rules {

class FindingsRelation final : public query::Relation {
 public:
  explicit FindingsRelation(std::vector<Rule> rules);
  void scan(const analyzer::AnalysisContext& context, const std::function<bool(const query::Row&)>& visit) const override;

 private:
  std::vector<Rule> rules_;
  mutable std::mutex mutex_;
  mutable std::map<const analyzer::AnalysisContext*, std::vector<Finding>> findings_;
};

}  // namespace rbacq::rules
