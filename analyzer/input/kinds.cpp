// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/kinds.hpp"

#include "analyzer/input/decoders.hpp"

namespace rbacq::analyzer {

bool is_decoded_kind(std::string_view kind) { return find_decoder(kind) != nullptr; }

}  // namespace rbacq::analyzer
