// SPDX-License-Identifier: Apache-2.0
// `std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, v)`: one lambda per alternative.
#pragma once

namespace rbacq {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace rbacq
