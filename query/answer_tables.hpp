// SPDX-License-Identifier: Apache-2.0
// The answers of can, who can and what can as tables: their columns (documented, like a
// relation's, so that conditions, `select` and `order by` bind to them) and one row per answer.
#pragma once

#include "query/answers.hpp"
#include "query/relation.hpp"
#include "query/result_table.hpp"

namespace rbacq::query {

/// `can`: one row per verb (and place, in any namespace).
[[nodiscard]] const Schema& can_schema();
/// `who can`: one row per subject × grant.
[[nodiscard]] const Schema& who_can_schema();
/// `what can`: one row per rule granted.
[[nodiscard]] const Schema& what_can_schema();

[[nodiscard]] ResultTable tabulate(const std::vector<CanAnswer>& answers);
[[nodiscard]] ResultTable tabulate(const WhoCanAnswers& answers);
[[nodiscard]] ResultTable tabulate(const WhatCanAnswer& answer);

}  // namespace rbacq::query
