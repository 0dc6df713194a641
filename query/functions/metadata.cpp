// SPDX-License-Identifier: Apache-2.0
// label(KEY) and annotation(KEY): one value of the row's labels or annotations.
#include <fmt/format.h>

#include "query/functions/all.hpp"

namespace rbacq::query::builtin {
namespace {

class MapEntryFunction final : public BoundFunction {
 public:
  MapEntryFunction(std::size_t column, std::string key) : column_(column), key_(std::move(key)) {}

  [[nodiscard]] Value call(const Row& row) const override {
    const Value map = row.value(column_);
    if (map.is_null()) return {};
    const std::string* value = map.as_map().find(key_);
    return value == nullptr ? Value() : Value(*value);
  }

 private:
  std::size_t column_;
  std::string key_;
};

Bound bind_entry(const Operand& call, const Schema& schema, const QuerySource& source, std::string_view column_name) {
  const auto column = schema.column(column_name);
  if (!column || schema.columns[*column].type != Type::map) {
    return fail(source.error(call.span, fmt::format("{}() reads the row's {}, and {} has no {} column", call.name, column_name, schema.name,
                                                    column_name)));
  }
  if (call.arguments.size() != 1 || call.arguments[0].verbs.braced || call.arguments[0].name) {
    return fail(source.error(call.span, fmt::format("{}() takes one argument, the key: {}(\"app.kubernetes.io/name\")", call.name, call.name)));
  }
  return std::make_shared<const MapEntryFunction>(*column, call.arguments[0].text);
}

}  // namespace

Bound bind_label(const Operand& call, const Schema& schema, const BindContext& bind) { return bind_entry(call, schema, bind.source, "labels"); }

Bound bind_annotation(const Operand& call, const Schema& schema, const BindContext& bind) {
  return bind_entry(call, schema, bind.source, "annotations");
}

}  // namespace rbacq::query::builtin
