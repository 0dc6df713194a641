// SPDX-License-Identifier: Apache-2.0
// Sensitive: a credential held in memory that no formatter, stream or renderer can print.
#pragma once

#include <string>
#include <string_view>

namespace rbacq::analyzer {

/// Token, certificate or key material read from an input. It has no `operator<<` and no fmt
/// formatter on purpose: the only printable view is `fingerprint()`, the first 16 hex digits of
/// its SHA-256 (the incident behind rbacq is an admin credential leaked through a CI log).
/// Example: `Sensitive{"eyJhbGciOi..."}.fingerprint() == "sha256:3f0a..."`.
class Sensitive {
 public:
  Sensitive() = default;
  explicit Sensitive(std::string value) : value_(std::move(value)) {}
  [[nodiscard]] bool empty() const { return value_.empty(); }
  [[nodiscard]] std::string fingerprint() const;
  /// The raw bytes, for decoding (X.509, JWT claims) only. Grep for `reveal()` in review.
  [[nodiscard]] std::string_view reveal() const { return value_; }
  /// Equal bytes (tests compare models; comparing prints nothing).
  friend bool operator==(const Sensitive&, const Sensitive&) = default;

 private:
  std::string value_;
};

/// "sha256:" and the first 16 hex digits of SHA-256(bytes).
[[nodiscard]] std::string fingerprint_of(std::string_view bytes);

}  // namespace rbacq::analyzer
