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
