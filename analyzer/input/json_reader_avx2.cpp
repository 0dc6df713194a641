// SPDX-License-Identifier: Apache-2.0
// The JSON reader for CPUs with AVX2 (simdjson's haswell on-demand kernel); built with -mavx2.
#define RBACQ_JSON_READER read_json_avx2
#include "analyzer/input/json_reader_impl.ipp"
