// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/json_reader.hpp"

namespace rbacq::analyzer {

void read_json_portable(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink, ListItems* items);
#ifdef RBACQ_HAVE_AVX2_READER
void read_json_avx2(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink, ListItems* items);
#endif

void read_json(const SourceText& source, const LoadLimits& limits, Diagnostics& diags, const DocumentSink& sink, ListItems* items) {
#ifdef RBACQ_HAVE_AVX2_READER
  static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                           __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("pclmul");
  if (avx2) {
    read_json_avx2(source, limits, diags, sink, items);
    return;
  }
#endif
  read_json_portable(source, limits, diags, sink, items);
}

}  // namespace rbacq::analyzer
