// SPDX-License-Identifier: Apache-2.0
// A text file compiled into the binary (cmake/EmbedText.cmake): built-in policy, rule files.
#pragma once

#include <string_view>

namespace rbacq {

struct EmbeddedText {
  std::string_view name;  // the file name, without directories
  std::string_view text;
};

}  // namespace rbacq
