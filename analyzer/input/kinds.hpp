// SPDX-License-Identifier: Apache-2.0
// Which kinds rbacq reads into its model, for callers outside the input pipeline. The table of
// decoders.cpp is the one list of them.
#pragma once

#include <string_view>

namespace rbacq::analyzer {

/// True for the kinds the decoder reads (Role, Deployment, Config, ...), whatever their API.
[[nodiscard]] bool is_decoded_kind(std::string_view kind);

}  // namespace rbacq::analyzer
