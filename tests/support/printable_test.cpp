// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "support/json_writer.hpp"
#include "support/printable.hpp"

using rbacq::printable;

TEST_CASE("printable: control characters, C1 controls and broken UTF-8 are escaped") {
  CHECK(printable("plain name-1.2") == "plain name-1.2");
  CHECK(printable("caf\xc3\xa9 \xe2\x9c\x93") == "caf\xc3\xa9 \xe2\x9c\x93");  // UTF-8 stays as it is
  CHECK(printable("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(printable("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(printable(std::string("nul\0after", 9)) == "nul\\x00after");
  CHECK(printable("\xc2\x9b" "2J") == "\\u009b2J");  // CSI as a C1 control
  CHECK(printable("latin1 caf\xe9") == "latin1 caf\\xe9");
  CHECK(printable("cut \xe2\x9c") == "cut \\xe2\\x9c");
  CHECK(printable("\x7f") == "\\x7f");
}

TEST_CASE("json strings: bytes that are not UTF-8 become U+FFFD, UTF-8 passes") {
  std::string out;
  rbacq::append_json_string(out, "bad\xffname-\xc3\xa9");
  CHECK(out == "\"bad\\ufffdname-\xc3\xa9\"");
}
