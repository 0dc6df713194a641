// SPDX-License-Identifier: Apache-2.0
// Standard base64 (RFC 4648 §4) and base64url (§5) decoding, as kubeconfigs and JWTs use them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rbacq::analyzer {

/// Decodes base64 or base64url; whitespace is skipped and padding is optional. Nothing when the
/// text has other characters.
[[nodiscard]] std::optional<std::string> decode_base64(std::string_view text);

}  // namespace rbacq::analyzer
