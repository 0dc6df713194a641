// SPDX-License-Identifier: Apache-2.0
// Functions of the query language: one entry each in functions.cpp, checked when the query is
// (arguments, the relation's columns they need) and evaluated per row.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/ast.hpp"
#include "analyzer/rbac/question_notes.hpp"
#include "query/check_context.hpp"
#include "query/relation.hpp"
#include "support/result.hpp"

namespace rbacq::query {

/// A call whose arguments were checked: evaluates on one row. call() may run on several
/// threads at once (query::evaluate splits the statements over the cores, and a shared call is
/// one object for all of them): whatever a function remembers between calls it guards itself
/// (CanFunction: a mutex for its answers, call_once for its subjects).
class BoundFunction {
 public:
  BoundFunction() = default;
  BoundFunction(const BoundFunction&) = delete;
  BoundFunction(BoundFunction&&) = delete;
  BoundFunction& operator=(const BoundFunction&) = delete;
  BoundFunction& operator=(BoundFunction&&) = delete;
  virtual ~BoundFunction() = default;
  [[nodiscard]] virtual Value call(const Row& row) const = 0;
};

/// What binding a call may use: the analysis (resources, namespaces), the query's text for
/// positioned errors, and the statement's notes for what the user should know.
struct BindContext {
  const analyzer::AnalysisContext& analysis;
  const QuerySource& source;
  std::vector<analyzer::rbac::QuestionNote>& notes;
};

struct FunctionInfo {
  std::string name;
  std::string signature;  // "can(VERBS, RESOURCE[, NAMESPACE])"
  std::string doc;
  Type result;
  /// Checks the call against the columns of the rows it will see and binds it, or a positioned error.
  Result<std::shared_ptr<const BoundFunction>> (*bind)(const Operand& call, const Schema& schema, const BindContext& bind);
  /// Whether statements checked together share one bound call of the same text (SharedCalls):
  /// for functions that remember their answers and depend on nothing but the call's text, the
  /// row's columns and the analysis (not on a rule's options).
  bool shared;
};

/// Bound calls shared between the statements checked with one instance (QuerySource::shared_calls):
/// lint's cases asking the same can() share one function and so its remembered answers. Used
/// while checking only, on one thread; the functions it hands out are then called from several.
class SharedCalls {
 public:
  struct Entry {
    std::shared_ptr<const BoundFunction> function;
    std::vector<analyzer::rbac::QuestionNote> notes;  // what binding it told the statement
  };
  /// The call bound before with this key (its relation and text), or nullptr.
  [[nodiscard]] const Entry* find(const std::string& key) const {
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
  }
  void add(std::string key, Entry entry) { entries_.emplace(std::move(key), std::move(entry)); }

 private:
  std::map<std::string, Entry> entries_;
};

[[nodiscard]] const std::vector<FunctionInfo>& functions();
[[nodiscard]] const FunctionInfo* find_function(std::string_view name);

}  // namespace rbacq::query
