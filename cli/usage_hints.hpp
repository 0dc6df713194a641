// SPDX-License-Identifier: Apache-2.0
// What a command line that CLI11 refused probably meant: the mistakes a kubectl user makes on a
// first run, each answered with the command line that works.
#pragma once

#include <string>
#include <vector>

namespace rbacq::cli {

/// Notes for a refused command line: `args` as typed (without the program name), `command` the
/// subcommand it ran ("" when none), `unexpected` the arguments CLI11 could not place.
/// - who-can with --as/--as-group/--exact-groups: "did you mean 'rbacq can-i … --as …'?", the
///   line retyped for can-i, which answers for one user;
/// - an unexpected argument that names a file or directory (`who-can get pods -n dev rbac/`):
///   "did you mean -f rbac/?".
[[nodiscard]] std::vector<std::string> usage_hints(const std::vector<std::string>& args, const std::string& command,
                                                   const std::vector<std::string>& unexpected);

}  // namespace rbacq::cli
