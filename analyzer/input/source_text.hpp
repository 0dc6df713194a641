// SPDX-License-Identifier: Apache-2.0
// An input file's bytes, read once, with the limits every reader honours.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "support/source_location.hpp"

namespace rbacq::analyzer {

/// Limits that keep hostile input from exhausting time or memory. Each has a diagnostic id.
struct LoadLimits {
  /// Larger files are refused unread [input-too-large]: real dumps of big clusters are ~100 MB.
  std::size_t max_file_bytes = std::size_t{512} << 20U;
  /// Nesting depth of YAML/JSON [input-depth]. CRD schemas reach ~40; 256 keeps the stack small.
  std::uint32_t max_depth = 256;
  /// Nodes a YAML document may expand to through aliases [input-alias] ("billion laughs").
  std::uint64_t max_expanded_nodes = 4'000'000;
  /// Objects per run [input-limit]; 5,000 namespaces of a large cluster are ~50k objects.
  std::size_t max_objects = 5'000'000;
  /// Not a limit: whether a JSON List is decoded item by item as it is read (ListItems), which
  /// is faster and smaller; tests turn it off to compare with reading the whole tree first.
  bool stream_json_lists = true;
};

/// The bytes of one input. `bytes` keeps spare capacity after its end so that simdjson can read
/// past it without a copy.
struct SourceText {
  FilePath path;
  std::string bytes;
  /// 1-based line of bytes[0] in the file it came from (embedded YAML such as aws-auth).
  std::uint32_t first_line = 1;
  std::uint32_t first_column = 1;
};

}  // namespace rbacq::analyzer
