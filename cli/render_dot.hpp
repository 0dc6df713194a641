// SPDX-License-Identifier: Apache-2.0
// The access graph, or the part of it a selection touches, as a Graphviz digraph (`-o dot`).
#pragma once

#include <string>
#include <string_view>

#include "analyzer/graph/access_graph.hpp"
#include "query/result_table.hpp"

namespace rbacq::cli {

/// A digraph of `view`, to render with `dot -Tsvg`: one cluster per namespace (cluster-scoped
/// things and users and groups outside), shapes by node kind, short edge labels, the seeds of
/// a neighbourhood drawn bold, and a role's rules folded into one "N rules" node past
/// kMaxRulesShown (seeds stay visible). Sorted, with ids made from names, so that the output of
/// two runs diffs line by line. Every string from the input is escaped; no control byte is
/// ever written.
/// `title` (a statement) labels the graph.
[[nodiscard]] std::string render_dot(const analyzer::graph::View& view, std::string_view title = {});

/// The part of `graph` the rows of `table` are about: their bindings, roles, rules and subjects
/// as seeds, with their neighbourhood; a digraph named after the statement.
[[nodiscard]] std::string render_dot(const analyzer::graph::AccessGraph& graph, const query::ResultTable& table);

/// Rules of one role drawn one by one; more are folded.
inline constexpr std::size_t kMaxRulesShown = 8;

/// `text` as the inside of a quoted DOT label: printable() (control and bidi characters as
/// `\x1b`, `\u202e`…), then backslashes, quotes and `&` escaped, so that Graphviz shows exactly
/// what the text output shows.
[[nodiscard]] std::string dot_label_text(std::string_view text);

}  // namespace rbacq::cli
