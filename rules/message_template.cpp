// SPDX-License-Identifier: Apache-2.0
#include "rules/message_template.hpp"

#include <fmt/format.h>

#include "support/edit_distance.hpp"

namespace rbacq::rules {
namespace {

Diagnostic template_error(std::size_t offset, std::string message, std::vector<std::string> notes = {}) {
  Diagnostic d{"rule-invalid", Severity::error, {FilePath(), 1, static_cast<std::uint32_t>(offset + 1)}, std::move(message), {}};
  for (auto& n : notes) d.notes.push_back({d.loc, std::move(n)});
  return d;
}

}  // namespace

Result<MessageTemplate> MessageTemplate::parse(std::string_view text) {
  MessageTemplate out;
  std::string literal;
  std::size_t literal_start = 0;
  const auto flush = [&] {
    if (!literal.empty()) out.parts_.push_back({std::move(literal), false, literal_start, 0});
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      if (literal.empty()) literal_start = i;
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') return fail(template_error(i, "'}' closes no placeholder: write }} for a brace"));
    if (c != '{') {
      if (literal.empty()) literal_start = i;
      literal += c;
      continue;
    }
    const std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) return fail(template_error(i, "'{' is not closed: write {COLUMN}, or {{ for a brace"));
    const std::string_view name = text.substr(i + 1, close - i - 1);
    if (name.empty() || name.find_first_of("{ \t\n") != std::string_view::npos) {
      return fail(template_error(i, fmt::format("'{{{}}}' is not a column placeholder: write {{COLUMN}}, or {{{{ for a brace", name)));
    }
    flush();
    out.parts_.push_back({std::string(name), true, i, 0});
    i = close;
  }
  flush();
  return out;
}

Result<MessageTemplate> MessageTemplate::bind(const std::vector<query::ColumnInfo>& columns) const {
  MessageTemplate out = *this;
  for (Part& p : out.parts_) {
    if (!p.column) continue;
    bool found = false;
    for (std::size_t i = 0; i < columns.size() && !found; ++i) {
      if (columns[i].name == p.text) {
        p.index = i;
        found = true;
      }
    }
    if (found) continue;
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const auto& c : columns) names.push_back(c.name);
    std::vector<std::string> notes;
    const auto close = close_names(p.text, names);
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{{{}}}'?", close.front()));
    notes.push_back(fmt::format("the query's rows have: {}", fmt::join(names, ", ")));
    return fail(template_error(p.offset, fmt::format("the message uses {{{}}}, which is no column of the query's rows", p.text),
                               std::move(notes)));
  }
  return out;
}

std::string MessageTemplate::render(const query::ResultRow& row) const {
  std::string out;
  for (const Part& p : parts_) {
    if (!p.column) {
      out += p.text;
      continue;
    }
    const query::Value& v = row.values.at(p.index);
    out += v.is_null() ? std::string("none") : query::to_text(v);
  }
  return out;
}

}  // namespace rbacq::rules
