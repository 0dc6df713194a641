// SPDX-License-Identifier: Apache-2.0
// The annotation rbacq.io/ignore: "<id>[,<id>] -- reason" on an object suppresses those rules'
// findings on it. The reason is required, so that a suppression says why it is there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/result.hpp"

namespace rbacq::rules {

struct IgnoreAnnotation {
  std::vector<std::string> rules;  // the ids, in the order written
  std::string reason;
  [[nodiscard]] bool covers(std::string_view rule) const;
};

/// The annotation's value read, or why it suppresses nothing: no ` -- reason`, no id, or an id
/// not in `known_rules` (with did-you-mean notes). The error is a [lint-suppression] warning
/// without a location: the caller knows where the annotation is.
[[nodiscard]] Result<IgnoreAnnotation> parse_ignore_annotation(std::string_view value, const std::vector<std::string>& known_rules);

}  // namespace rbacq::rules
