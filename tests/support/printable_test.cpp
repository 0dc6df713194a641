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

TEST_CASE("printable: bidirectional controls and line separators are escaped (Trojan Source)") {
  CHECK(printable("admin\xe2\x80\xae" "nimda") == "admin\\u202enimda");
  CHECK(printable("a\xe2\x80\xa8" "b") == "a\\u2028b");
  CHECK(printable("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
  CHECK(printable("\xe2\x80\x94 dash") == "\xe2\x80\x94 dash");  // other U+20xx pass
}

TEST_CASE("printable: invisible format characters and non-ASCII spaces are escaped (issue 10)") {
  CHECK(printable("kube-system\xe2\x80\x8b") == "kube-system\\u200b");            // zero-width space
  CHECK(printable("kube\xc2\xa0system") == "kube\\u00a0system");                  // no-break space
  CHECK(printable("\xef\xbb\xbf" "admin") == "\\ufeffadmin");                     // byte order mark
  CHECK(printable("ad\xe2\x81\xa0min") == "ad\\u2060min");                        // word joiner
  CHECK(printable("ad\xe1\xa0\x8emin") == "ad\\u180emin");                        // Mongolian vowel separator
  CHECK(printable("soft\xc2\xadhyphen") == "soft\\u00adhyphen");                  // Cf
  CHECK(printable("a\xe2\x80\x83" "b\xe3\x80\x80" "c") == "a\\u2003b\\u3000c");   // Zs: em space, ideographic space
  CHECK(printable("tag\xf3\xa0\x80\x81") == "tag\\U000e0001");                    // language tag, past U+FFFF
  CHECK(printable("zwj\xe2\x80\x8d") == "zwj\\u200d");
  // Visible text, including other non-ASCII letters and symbols, passes as it is.
  CHECK(printable("caf\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x94\x91") == "caf\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x94\x91");
  CHECK(printable("a b") == "a b");  // U+0020 is the one space left as it is
}
