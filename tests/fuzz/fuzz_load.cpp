// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: arbitrary bytes through the loading front door, once as a YAML file and once
// as a JSON file, so that both readers and the object decoder (incl. embedded aws-auth YAML) run.
// Also compiled into fuzz_replay_load (replay_main.cpp), which runs the seed corpus under CTest.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzer/loader.hpp"

namespace {

/// Small limits keep each input fast: the defaults allow 4M alias-expanded nodes per document.
rbacq::analyzer::LoadLimits fuzz_limits() {
  rbacq::analyzer::LoadLimits limits;
  limits.max_file_bytes = std::size_t{1} << 20U;
  limits.max_depth = 64;
  limits.max_expanded_nodes = 100'000;
  limits.max_objects = 10'000;
  return limits;
}

/// Invariants every diagnostic must keep whatever the input: an id, a message and the file it
/// came from. A violation traps so that libFuzzer reports it like a crash.
void check(const rbacq::Diagnostics& diags, std::string_view name) {
  for (const rbacq::Diagnostic& d : diags.items()) {
    if (d.id.empty() || d.message.empty() || d.loc.file.str() != name) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rbacq::analyzer::LoadLimits limits = fuzz_limits();
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes are bytes
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const std::string_view name : {std::string_view("fuzz.yaml"), std::string_view("fuzz.json")}) {
    rbacq::analyzer::Model model;
    rbacq::Diagnostics diags;
    rbacq::analyzer::load_text(text, name, limits, model, diags);
    check(diags, name);
    static_cast<void>(diags.sorted());
  }
  return 0;
}
