// SPDX-License-Identifier: Apache-2.0
#include "analyzer/sensitive.hpp"

#include <openssl/evp.h>

#include <array>

namespace rbacq::analyzer {

std::string fingerprint_of(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr std::string_view hex = "0123456789abcdef";
  std::string out = "sha256:";
  for (std::size_t i = 0; i < 8 && i < length; ++i) {
    out.push_back(hex[digest[i] >> 4U]);
    out.push_back(hex[digest[i] & 0xfU]);
  }
  return out;
}

std::string Sensitive::fingerprint() const { return fingerprint_of(value_); }

}  // namespace rbacq::analyzer
