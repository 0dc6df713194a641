// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "support/json_writer.hpp"

using rbacq::JsonWriter;

TEST_CASE("json writer: nested containers, commas and indentation") {
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.value("rbacq/v1");
  w.key("counts");
  w.begin_object();
  w.key("Role");
  w.value(std::uint64_t{2});
  w.end_object();
  w.key("empty");
  w.begin_array();
  w.end_array();
  w.key("flags");
  w.begin_array();
  w.value(true);
  w.null();
  w.end_array();
  w.end_object();
  CHECK(w.str() ==
        "{\n  \"schema\": \"rbacq/v1\",\n  \"counts\": {\n    \"Role\": 2\n  },\n  \"empty\": [],\n"
        "  \"flags\": [\n    true,\n    null\n  ]\n}\n");
}

TEST_CASE("json writer: strings are escaped") {
  std::string out;
  rbacq::append_json_string(out, "a\"b\\c\nd\te\x01\x7f");
  CHECK(out == R"("a\"b\\c\nd\te\u0001\u007f")");
}

TEST_CASE("json writer: escapes between runs of plain text, at either end, and UTF-8 kept") {
  // The escaper copies runs of plain bytes at once: what is around an escape must survive.
  std::string out;
  rbacq::append_json_string(out, "\"starts and ends\\");
  CHECK(out == R"("\"starts and ends\\")");
  out.clear();
  rbacq::append_json_string(out, "caf\xc3\xa9 \x01x\xff");
  CHECK(out == "\"caf\xc3\xa9 \\u0001x\\ufffd\"");
  out.clear();
  rbacq::append_json_string(out, "");
  CHECK(out == R"("")");
}

TEST_CASE("json writer: take() moves the text out and leaves the writer empty") {
  JsonWriter w;
  w.begin_array();
  w.value("x");
  w.end_array();
  const std::string expected = w.str();
  CHECK(w.take() == expected);
  CHECK(w.str() == "\n");
}
