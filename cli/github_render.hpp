// SPDX-License-Identifier: Apache-2.0
// Lint findings as GitHub Actions workflow commands: the runner turns each into an annotation on
// the pull request's diff, at the finding's line, without uploading anything.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/repository_paths.hpp"
#include "rules/finding.hpp"

namespace rbacq::cli {

/// One line per finding: `::error file=PATH,line=L,col=C,title=RULE::MESSAGE` (warning or notice
/// by severity), the evidence as further lines of the message. Nothing else: stdout is read by the
/// runner. PATH is relative to the repository root, where the runner looks for it.
[[nodiscard]] std::string lint_github(const std::vector<rules::Finding>& findings, const RepositoryPaths& paths);

/// A workflow command's message: '%', CR and LF percent-encoded, as the runner decodes them.
[[nodiscard]] std::string github_escape_data(std::string_view text);

/// A workflow command's property value: as data, and ':' and ',' too, which end a property.
[[nodiscard]] std::string github_escape_property(std::string_view text);

}  // namespace rbacq::cli
