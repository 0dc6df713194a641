// SPDX-License-Identifier: Apache-2.0
// The loading front door: paths → Model + diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/input/source_text.hpp"
#include "analyzer/model.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::analyzer {

struct LoadResult {
  Model model;
  Diagnostics diagnostics;
};

/// Loads files, directories (recursively) and "-" (standard input). Every problem is a
/// diagnostic; a bad file or document never stops the others from loading.
/// `passed_over`: files that directories do not contribute (expand_inputs).
[[nodiscard]] LoadResult load(const std::vector<std::string>& paths, const LoadLimits& limits = {},
                              const std::vector<std::string>& passed_over = {});

/// Loads one in-memory text as if read from `name` (tests, fuzzing, embedded policy).
void load_text(std::string_view text, std::string_view name, const LoadLimits& limits, Model& model,
               Diagnostics& diags);

}  // namespace rbacq::analyzer
