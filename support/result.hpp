// SPDX-License-Identifier: Apache-2.0
// Result<T>: a value or the Diagnostic that explains why there is none (tl::expected until C++23).
#pragma once

#include <tl/expected.hpp>

#include "support/diagnostic.hpp"

namespace rbacq {

template <class T>
using Result = tl::expected<T, Diagnostic>;

/// `return fail(Diagnostic{...});` reads better than `tl::make_unexpected`.
inline tl::unexpected<Diagnostic> fail(Diagnostic d) { return tl::make_unexpected(std::move(d)); }

}  // namespace rbacq
