// SPDX-License-Identifier: Apache-2.0
// What checks need to report a positioned error: the query's text and where it came from.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.hpp"
#include "query/parser.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::query {

class Relation;
class SharedCalls;

/// A named list of values a higher layer gives a query: a lint rule's options (rules/rule.hpp),
/// with the values .rbacq.yaml sets or the rule's defaults; listed(OPTION, COLUMN) reads them.
struct QueryOption {
  std::string name;
  std::vector<std::string> values;
};

struct QuerySource {
  std::string_view text;
  std::string_view origin = "query";
  std::uint32_t first_line = 1;
  /// Relations a higher layer adds for this query, found after the built-in ones (the rules layer
  /// adds `findings`, which runs the lint rules).
  std::span<const Relation* const> more_relations = {};
  /// The options listed() may name (none outside lint rules).
  std::span<const QueryOption> options = {};
  /// Where statements checked one after another share their bound calls (functions.hpp), or
  /// nullptr: lint's rules ask the same can() in many cases.
  SharedCalls* shared_calls = nullptr;

  /// A [query-check] error at `span`.
  [[nodiscard]] Diagnostic error(Span span, std::string message, std::vector<std::string> notes = {}) const {
    const SourceLocation loc = location_in(text, span.begin, origin, first_line);
    Diagnostic d{"query-check", Severity::error, loc, std::move(message), {}};
    for (auto& n : notes) d.notes.push_back({loc, std::move(n)});
    return d;
  }
};

}  // namespace rbacq::query
