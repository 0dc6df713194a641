// SPDX-License-Identifier: Apache-2.0
// listed(OPTION, COLUMN): whether the row's COLUMN is one of the values of a lint rule's option —
// the rule's defaults, or what .rbacq.yaml sets (rules.options) — so that a team can tell a rule
// which subjects, namespaces or roles it trusts without rewriting its query.
#include <algorithm>

#include <fmt/format.h>

#include "query/functions/all.hpp"
#include "support/edit_distance.hpp"

namespace rbacq::query::builtin {
namespace {

class ListedFunction final : public BoundFunction {
 public:
  ListedFunction(std::size_t column, std::vector<std::string> values) : column_(column), values_(std::move(values)) {}

  [[nodiscard]] Value call(const Row& row) const override {
    const Value v = row.value(column_);
    if (v.is_null()) return false;
    if (const auto* list = std::get_if<ListValue>(&v.data())) {
      const auto& items = list->items();
      return std::any_of(items.begin(), items.end(), [&](const std::string& item) { return contains(item); });
    }
    // Compared as the value is written in a query: a subject as sa:NS/NAME, user:NAME, group:NAME.
    return contains(to_text(v));
  }

 private:
  [[nodiscard]] bool contains(const std::string& text) const { return std::find(values_.begin(), values_.end(), text) != values_.end(); }

  std::size_t column_;
  std::vector<std::string> values_;
};

}  // namespace

Bound bind_listed(const Operand& call, const Schema& schema, const BindContext& bind) {
  const QuerySource& source = bind.source;
  if (call.arguments.size() != 2 || call.arguments[0].verbs.braced || call.arguments[1].verbs.braced || call.arguments[0].name ||
      call.arguments[1].name) {
    return fail(source.error(call.span, "listed() takes two arguments, an option of the rule and a column: listed(trusted-subjects, subject)"));
  }
  const Argument& option_arg = call.arguments[0];
  const auto option = std::find_if(source.options.begin(), source.options.end(),
                                   [&](const QueryOption& o) { return o.name == option_arg.text; });
  if (option == source.options.end()) {
    if (source.options.empty()) {
      return fail(source.error(option_arg.span, fmt::format("there is no option '{}': options are declared by lint rules (options:), and "
                                                            "listed() reads them only in a rule's query",
                                                            option_arg.text)));
    }
    std::vector<std::string> names;
    names.reserve(source.options.size());
    for (const QueryOption& o : source.options) names.push_back(o.name);
    std::vector<std::string> notes;
    const auto close = close_names(option_arg.text, names);
    if (!close.empty()) notes.push_back(fmt::format("did you mean '{}'?", close.front()));
    notes.push_back(fmt::format("the rule's options: {}", fmt::join(names, ", ")));
    return fail(source.error(option_arg.span, fmt::format("the rule has no option '{}'", option_arg.text), std::move(notes)));
  }
  const Argument& column_arg = call.arguments[1];
  const auto column = schema.column(column_arg.text);
  if (!column) {
    return fail(source.error(column_arg.span, fmt::format("{} has no column '{}' for listed() to look up", schema.name, column_arg.text)));
  }
  const Type type = schema.columns[*column].type;
  if (type != Type::string && type != Type::subject && type != Type::list) {
    return fail(source.error(column_arg.span, fmt::format("listed() looks up a string, subject or list column; '{}' is {}", column_arg.text,
                                                          type_name(type))));
  }
  return std::make_shared<const ListedFunction>(*column, option->values);
}

}  // namespace rbacq::query::builtin
