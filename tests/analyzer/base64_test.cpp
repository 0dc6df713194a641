// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "analyzer/input/base64.hpp"

using rbacq::analyzer::decode_base64;

TEST_CASE("base64: standard, url-safe, unpadded and wrapped") {
  CHECK(decode_base64("aGVsbG8=") == "hello");
  CHECK(decode_base64("aGVsbG8") == "hello");
  CHECK(decode_base64("aGVs\nbG8=\n") == "hello");
  CHECK(decode_base64("-_8=") == std::string("\xfb\xff", 2));
  CHECK(decode_base64("") == "");
}

TEST_CASE("base64: rejects other characters, data after padding and a lone last character") {
  CHECK_FALSE(decode_base64("<user.crt>"));
  CHECK_FALSE(decode_base64("aGk=aGk="));
  CHECK_FALSE(decode_base64("aGVsbG8hA"));
}
