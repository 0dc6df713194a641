// SPDX-License-Identifier: Apache-2.0
// kubectl's words for how a question was read: can-i and who-can take kubectl's flags (-n,
// --subresource, --api-group, TYPE/NAME), so their notes and errors name those flags.
#pragma once

#include "query/phrases.hpp"

namespace rbacq::cli {

[[nodiscard]] const query::Phrasebook& kubectl_phrases();

}  // namespace rbacq::cli
