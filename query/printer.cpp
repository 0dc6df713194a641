// SPDX-License-Identifier: Apache-2.0
#include "query/printer.hpp"

#include <fmt/format.h>

#include "query/parser.hpp"

namespace rbacq::query {
namespace {

/// A quoted string with the escapes the grammar reads.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out + "\"";
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':' || c == '@';
}

/// Words the grammar reserves: a name spelled like one must be quoted.
/// A name bare when the grammar reads it back as the same name, else quoted. `segment` names
/// (parts of system:serviceaccount:NS:NAME, sa:NS/…) cannot contain ':'.
std::string name(std::string_view s, bool segment = false) {
  bool bare = !s.empty() && !is_reserved_word(s);
  for (const char c : s) bare = bare && is_word_char(c) && !(segment && c == ':');
  return bare ? std::string(s) : quote(s);
}

std::string verbs(const Verbs& v) {
  if (v.braced || v.items.size() != 1) return fmt::format("{{{}}}", fmt::join(v.items, ","));
  return v.items.front();
}

std::string groups(const std::optional<GroupsClause>& g) {
  if (!g) return {};
  std::vector<std::string> names;
  names.reserve(g->groups.size());
  for (const std::string& group : g->groups) names.push_back(name(group));
  return fmt::format(" with {}groups ({})", g->exact ? "only " : "", fmt::join(names, ", "));
}

std::string target(const Target& t, const Scope& scope) {
  if (t.url) {
    bool bare = !t.resource.empty() && t.resource.front() == '/';
    for (const char c : t.resource) bare = bare && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ';' && c != '#' && c != '"' && c != '\'';
    return "url " + (bare ? t.resource : quote(t.resource));
  }
  std::string out = t.resource;
  if (!t.subresource.empty()) out += "/" + t.subresource;
  if (t.api_group) out += " of group " + name(*t.api_group);
  if (!t.name.empty()) out += " named " + name(t.name);
  switch (scope.kind) {
    case Scope::Kind::unspecified: break;
    case Scope::Kind::namespace_: out += " in " + name(scope.namespace_); break;
    case Scope::Kind::any_namespace: out += " in any namespace"; break;
    case Scope::Kind::cluster_wide: out += " cluster-wide"; break;
  }
  return out;
}

std::string literal(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::subject: return print(l.subject);
    case Literal::Kind::string: return quote(l.text);
    case Literal::Kind::number:
    case Literal::Kind::word: return l.text;
  }
  return l.text;
}

std::string literals(const std::vector<Literal>& values) {
  std::vector<std::string> parts;
  parts.reserve(values.size());
  for (const Literal& l : values) parts.push_back(literal(l));
  return fmt::format("({})", fmt::join(parts, ", "));
}

std::string operand(const Operand& o) {
  if (!o.call) return o.name;
  std::vector<std::string> args;
  for (const Argument& a : o.arguments) {
    if (a.verbs.braced) {
      args.push_back((a.any ? "any " : "") + verbs(a.verbs));
    } else if (a.name) {
      args.push_back(a.text + " named " + name(*a.name));
    } else if (a.quoted) {
      args.push_back(quote(a.text));
    } else {
      args.push_back(a.text);
    }
  }
  return fmt::format("{}({})", o.name, fmt::join(args, ", "));
}

std::string_view op_text(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return "=";
    case CompareOp::ne: return "!=";
    case CompareOp::lt: return "<";
    case CompareOp::le: return "<=";
    case CompareOp::gt: return ">";
    case CompareOp::ge: return ">=";
    case CompareOp::match: return "=~";
    case CompareOp::not_match: return "!~";
  }
  return "=";
}

/// or binds loosest, then and, then not; conditions bind tightest.
int precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::or_: return 1;
    case Expr::Kind::and_: return 2;
    case Expr::Kind::not_: return 3;
    default: return 4;
  }
}

std::string expr(const Expr& e, int needed) {
  std::string out;
  switch (e.kind) {
    case Expr::Kind::or_:
    case Expr::Kind::and_: {
      std::vector<std::string> parts;
      for (const auto& c : e.children) parts.push_back(expr(*c, precedence(e) + 1));
      out = fmt::format("{}", fmt::join(parts, e.kind == Expr::Kind::or_ ? " or " : " and "));
      break;
    }
    case Expr::Kind::not_: out = "not " + expr(*e.children.at(0), 3); break;
    case Expr::Kind::compare: out = fmt::format("{} {} {}", operand(e.operand), op_text(e.op), literal(e.values.at(0))); break;
    case Expr::Kind::in: out = fmt::format("{} {}in {}", operand(e.operand), e.negated ? "not " : "", literals(e.values)); break;
    case Expr::Kind::items:
      out = fmt::format("{} {} {} {}", operand(e.operand), e.has_mode == HasMode::all ? "all" : "any", op_text(e.op), literal(e.values.at(0)));
      break;
    case Expr::Kind::has:
      out = e.has_mode == HasMode::one ? fmt::format("{} has {}{}", operand(e.operand), e.key ? "key " : "", literal(e.values.at(0)))
                                       : fmt::format("{} has {} {}", operand(e.operand), e.has_mode == HasMode::any ? "any" : "all",
                                                     literals(e.values));
      break;
    case Expr::Kind::test: out = operand(e.operand); break;
    case Expr::Kind::exists: out = e.has_operand ? fmt::format("exists({})", operand(e.operand)) : "exists"; break;
  }
  return e.parenthesized || precedence(e) < needed ? "(" + out + ")" : out;
}

}  // namespace

std::string print_name(std::string_view name_text) { return name(name_text); }

std::string print(const SubjectRef& s) {
  switch (s.kind) {
    case SubjectRef::Kind::user: return "user:" + name(s.name);
    case SubjectRef::Kind::group: return "group:" + name(s.name);
    case SubjectRef::Kind::service_account: return fmt::format("sa:{}/{}", name(s.namespace_, true), name(s.name));
  }
  return {};
}

std::string print(const Expr& e) { return expr(e, 0); }

std::string print(const Source& source) {
  return std::visit(
      [](const auto& s) -> std::string {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, CanQuery>) {
          return fmt::format("can {}{} {} {}", print(s.subject), groups(s.groups), verbs(s.verbs), target(s.target, s.scope));
        } else if constexpr (std::is_same_v<T, WhoCanQuery>) {
          return fmt::format("who can {} {}", verbs(s.verbs), target(s.target, s.scope));
        } else if constexpr (std::is_same_v<T, WhatCanQuery>) {
          return fmt::format("what can {}{}{}", print(s.subject), groups(s.groups), s.namespace_ ? " in " + name(*s.namespace_) : std::string());
        } else {
          return s.name;
        }
      },
      source);
}

std::string print(const Statement& s) {
  const auto columns = [](const std::vector<ColumnRef>& list) {
    std::vector<std::string> names;
    names.reserve(list.size());
    for (const ColumnRef& c : list) names.push_back(c.name);
    return fmt::format("{}", fmt::join(names, ", "));
  };
  std::string out;
  if (s.count) out = "count ";
  if (s.select) out = fmt::format("select {}{} from ", s.distinct ? "distinct " : "", columns(s.columns));
  out += print(s.source);
  if (s.where) out += " where " + print(*s.where);
  if (!s.group_by.empty()) out += " by " + columns(s.group_by);
  if (s.order) out += fmt::format(" order by {}{}", s.order->column, s.order->descending ? " desc" : "");
  if (s.limit) out += fmt::format(" limit {}", *s.limit);
  return out;
}

std::string print(const Query& query) {
  std::vector<std::string> parts;
  parts.reserve(query.statements.size());
  for (const Statement& s : query.statements) parts.push_back(print(s));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace rbacq::query
