// SPDX-License-Identifier: Apache-2.0
// A relation is a named table a query selects from: typed, documented columns computed from the
// analysis on demand, and per-row evidence. Every relation is one entry of relations.cpp;
// TableRelation turns a row generator and a list of column getters into one.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/subject_key.hpp"
#include "query/evidence.hpp"
#include "query/value.hpp"

namespace rbacq::query {

struct ColumnInfo {
  ColumnInfo(std::string name_, Type type_, std::string doc_, bool hidden_ = false, std::vector<std::string> values_ = {})
      : name(std::move(name_)), type(type_), doc(std::move(doc_)), hidden(hidden_), values(std::move(values_)) {}
  std::string name;
  Type type = Type::string;
  std::string doc;
  /// A column conditions and `select` may use that tables do not show unless selected
  /// (`subject.kind` beside `subject`).
  bool hidden = false;
  /// Every value the column can have, when there are few (`kind`: User, Group, ServiceAccount):
  /// a condition comparing it with anything else is a mistake the checker names.
  std::vector<std::string> values;
};

/// The columns a statement's rows have — a relation's, or an answer's (can, who can, what can) —
/// for the checker to bind conditions and functions to.
struct Schema {
  std::string name;  // what errors call it: "grants", "who can"
  std::vector<ColumnInfo> columns;
  /// Whether rows carry rules (RowObjects::rules or roles), so that allows() can ask them.
  bool rows_have_rules = false;
  [[nodiscard]] std::optional<std::size_t> column(std::string_view column_name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == column_name) return i;
    }
    return std::nullopt;
  }
};

/// The model objects a row is about: what a renderer draws (`-o dot`: the part of the graph a
/// selection touches) and what a finding points at.
struct RowObjects {
  std::vector<const analyzer::Binding*> bindings;
  std::vector<const analyzer::Role*> roles;
  std::vector<std::pair<const analyzer::Role*, std::size_t>> rules;  // role and rule index
  std::vector<analyzer::rbac::SubjectKey> subjects;
  /// The object the row is about (a lint finding's object, whose annotations may suppress it),
  /// nullptr when no object of the input is (a user only bindings name has none of its own).
  const analyzer::ObjectMeta* primary = nullptr;
  /// Where the row points: the line that causes it (a binding's subject entry, a rule), or the
  /// primary object's own location.
  SourceLocation at;
};

/// One row while a relation is scanned: columns are computed when asked for.
class Row {
 public:
  Row() = default;
  Row(const Row&) = delete;
  Row(Row&&) = delete;
  Row& operator=(const Row&) = delete;
  Row& operator=(Row&&) = delete;
  virtual ~Row() = default;
  [[nodiscard]] virtual Value value(std::size_t column) const = 0;
  [[nodiscard]] virtual std::vector<Evidence> evidence() const = 0;
  /// The row's objects, computed once per row however often a condition asks (allows() does,
  /// once per call).
  [[nodiscard]] virtual const RowObjects& objects() const = 0;
};

class Relation {
 public:
  Relation(std::string name, std::string doc, std::vector<ColumnInfo> columns, bool rows_have_rules)
      : schema_{std::move(name), std::move(columns), rows_have_rules}, doc_(std::move(doc)) {}
  Relation(const Relation&) = delete;
  Relation(Relation&&) = delete;
  Relation& operator=(const Relation&) = delete;
  Relation& operator=(Relation&&) = delete;
  virtual ~Relation() = default;

  [[nodiscard]] const std::string& name() const { return schema_.name; }
  [[nodiscard]] const std::string& doc() const { return doc_; }
  [[nodiscard]] const std::vector<ColumnInfo>& columns() const { return schema_.columns; }
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const { return schema_.column(name); }
  [[nodiscard]] const Schema& schema() const { return schema_; }
  /// Calls `visit` for every row, in a deterministic order, until it returns false. Several
  /// scans of one relation may run at once on different threads (query::evaluate): a scan keeps
  /// its state on its own stack, and reads the analysis only through its thread-safe lazy API.
  virtual void scan(const analyzer::AnalysisContext& context, const std::function<bool(const Row&)>& visit) const = 0;

 private:
  Schema schema_;
  std::string doc_;
};

/// A column of a relation whose rows are `Item`s.
template <class Item>
struct ColumnDef {
  ColumnDef(std::string name_, Type type_, std::string doc_, Value (*get_)(const Item&), std::vector<std::string> values_ = {},
            bool hidden_ = false)
      : name(std::move(name_)), type(type_), doc(std::move(doc_)), get(get_), values(std::move(values_)), hidden(hidden_) {}
  std::string name;
  Type type = Type::string;
  std::string doc;
  Value (*get)(const Item&);
  std::vector<std::string> values;  // see ColumnInfo::values
  bool hidden = false;              // see ColumnInfo::hidden
};

/// A relation defined by its items: `generate` produces them, each column reads one.
template <class Item>
class TableRelation final : public Relation {
 public:
  using Generate = void (*)(const analyzer::AnalysisContext&, const std::function<bool(const Item&)>&);
  using Explain = std::vector<Evidence> (*)(const Item&);
  using Objects = RowObjects (*)(const Item&);

  /// `rows_have_rules`: the items' objects() name rules or roles (allows() works on them).
  TableRelation(std::string name, std::string doc, std::vector<ColumnDef<Item>> columns, Generate generate, Explain explain,
                Objects objects, bool rows_have_rules = false)
      : Relation(std::move(name), std::move(doc), infos(columns), rows_have_rules),
        defs_(std::move(columns)),
        generate_(generate),
        explain_(explain),
        objects_(objects) {}

  void scan(const analyzer::AnalysisContext& context, const std::function<bool(const Row&)>& visit) const override {
    generate_(context, [&](const Item& item) {
      const ItemRow row(*this, item);
      return visit(row);
    });
  }

 private:
  class ItemRow final : public Row {
   public:
    ItemRow(const TableRelation& relation, const Item& item) : relation_(relation), item_(item) {}
    [[nodiscard]] Value value(std::size_t column) const override { return relation_.defs_.at(column).get(item_); }
    [[nodiscard]] std::vector<Evidence> evidence() const override { return relation_.explain_(item_); }
    [[nodiscard]] const RowObjects& objects() const override {
      if (!objects_) objects_ = relation_.objects_(item_);
      return *objects_;
    }

   private:
    const TableRelation& relation_;
    const Item& item_;
    mutable std::optional<RowObjects> objects_;
  };

  static std::vector<ColumnInfo> infos(const std::vector<ColumnDef<Item>>& defs) {
    std::vector<ColumnInfo> out;
    out.reserve(defs.size());
    for (const auto& d : defs) out.emplace_back(d.name, d.type, d.doc, d.hidden, d.values);
    return out;
  }

  std::vector<ColumnDef<Item>> defs_;
  Generate generate_;
  Explain explain_;
  Objects objects_;
};

/// Every relation, in the order the documentation lists them.
[[nodiscard]] const std::vector<const Relation*>& relations();
[[nodiscard]] const Relation* find_relation(std::string_view name);

}  // namespace rbacq::query
