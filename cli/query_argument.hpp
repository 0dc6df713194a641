// SPDX-License-Identifier: Apache-2.0
// Where the query is on the command line. kubectl's habit puts options first
// (`rbacq query -f dump.json 'who can get secrets'`), and then the query is read as one more
// -f path: a path that names nothing and reads as a query is taken as the query; one that names
// nothing, does not parse, but looks like a query gets a hint under its missing-file error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/input/loader.hpp"

namespace rbacq::cli {

/// Whether `text` starts the way a query does or has blanks in it, as a path seldom has: a
/// statement keyword (can, who, what, count) or a relation name as its first word, or a blank.
[[nodiscard]] bool looks_like_query(std::string_view text);

/// The one -f path that names no file, directory or link and is a query that parses and looks
/// like one, taken out of `paths`; nothing when there is none, or more than one (then each keeps
/// its missing-file error and the hint).
[[nodiscard]] std::optional<std::string> take_query_from_paths(std::vector<std::string>& paths);

/// The loaded input with, under the missing-file error of each path that looks like a query, the
/// note "this looks like a query: put it before -f or quote it".
[[nodiscard]] analyzer::LoadResult with_query_hints(analyzer::LoadResult loaded, const std::vector<std::string>& paths);

}  // namespace rbacq::cli
