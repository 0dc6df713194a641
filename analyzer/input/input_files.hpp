// SPDX-License-Identifier: Apache-2.0
// Paths given by the user → the files to read, and reading one file safely.
#pragma once

#include <string>
#include <vector>

#include "analyzer/input/source_text.hpp"
#include "support/diagnostic.hpp"
#include "support/result.hpp"

namespace rbacq::analyzer {

struct InputFile {
  std::string path;  // as given, or found under a given directory; "-" is standard input
  bool explicit_input = false;  // named by the user (read whatever its extension)
};

/// Expands files and directories (recursively, sorted, skipping dot-directories such as .git)
/// into the files to read: `.yaml`, `.yml`, `.json`, and kubeconfig-looking files (`config`,
/// `kubeconfig`, `*.conf`, `*.kubeconfig`) whose text says `kind: Config`. A path that does
/// not exist or cannot be listed is an [input-read] error; the others are still returned.
/// `passed_over`: files a directory scan does not return — the tool's own files that sit among
/// the manifests (lint's .rbacq.yaml and baseline); named as a path of their own, they are read.
[[nodiscard]] std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, Diagnostics& diags,
                                                   const std::vector<std::string>& passed_over = {});

/// Reads a file (or standard input for "-") within `limits`. Refuses, with a positioned
/// diagnostic: unreadable files [input-read], oversized ones [input-too-large], binary data
/// [input-binary] and text that is not UTF-8 [input-encoding].
[[nodiscard]] Result<SourceText> read_source(const InputFile& file, const LoadLimits& limits);

}  // namespace rbacq::analyzer
