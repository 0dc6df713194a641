// SPDX-License-Identifier: Apache-2.0
// The JSON reader for any x86-64 CPU (simdjson's scalar on-demand kernel).
#define RBACQ_JSON_READER read_json_portable
#include "analyzer/input/json_reader_impl.ipp"
