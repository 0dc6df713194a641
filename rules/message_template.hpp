// SPDX-License-Identifier: Apache-2.0
// A finding's message: text with `{column}` placeholders filled from the row (`{{` and `}}` are
// braces). Parsed and bound to the statement's columns when the rule is loaded, so a misspelt
// column is an error of the rule file, not a surprise in a report.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "query/relation.hpp"
#include "query/result_table.hpp"
#include "support/result.hpp"

namespace rbacq::rules {

class MessageTemplate {
 public:
  struct Part {
    std::string text;                   // literal text, or the column's name
    bool column = false;
    std::size_t offset = 0;             // in the template, for errors
    std::size_t index = 0;              // the column's index, once bound
  };

  /// Parses `text`; an error names the offset of an unclosed or empty placeholder (the
  /// diagnostic's column is that offset + 1 and its line 1: the caller places it).
  [[nodiscard]] static Result<MessageTemplate> parse(std::string_view text);

  /// Binds each placeholder to one of `columns`, or an error (with did-you-mean) whose column is
  /// the placeholder's offset + 1.
  [[nodiscard]] Result<MessageTemplate> bind(const std::vector<query::ColumnInfo>& columns) const;

  /// The message for one row (null values as "none", lists as [a b]).
  [[nodiscard]] std::string render(const query::ResultRow& row) const;

  [[nodiscard]] const std::vector<Part>& parts() const { return parts_; }

 private:
  std::vector<Part> parts_;
};

}  // namespace rbacq::rules
