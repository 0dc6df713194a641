// SPDX-License-Identifier: Apache-2.0
// What an unquoted scalar means to Kubernetes' YAML decoder (go-yaml v2, YAML 1.1 rules).
#pragma once

#include <optional>
#include <string_view>

namespace rbacq::analyzer {

enum class PlainType { string, null, boolean, integer, floating };

/// The type go-yaml v2 resolves an unquoted scalar to. `yes`, `on`, `y` are booleans, `0x1f`,
/// `017`, `1_000` integers, `1e3`, `.inf` floats; kubectl then refuses them where a string is
/// expected ("cannot unmarshal bool into ... of type string"). JSON literals resolve the same way.
[[nodiscard]] PlainType plain_type(std::string_view text);

/// The value of a boolean scalar, or nothing when it is not one.
[[nodiscard]] std::optional<bool> plain_bool(std::string_view text);

/// "a number", "a boolean", "null", "a string": for messages that must not echo the value.
[[nodiscard]] std::string_view describe(PlainType type);

}  // namespace rbacq::analyzer
