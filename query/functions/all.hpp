// SPDX-License-Identifier: Apache-2.0
// The functions of the query language, one file each; functions.cpp lists them. Add a function
// by adding its file and one line there (docs/query-language.md follows from the list).
#pragma once

#include <memory>

#include "query/functions.hpp"
#include "query/request_plan.hpp"

namespace rbacq::query::builtin {

using Bound = Result<std::shared_ptr<const BoundFunction>>;

[[nodiscard]] Bound bind_can(const Operand& call, const Schema& schema, const BindContext& bind);
[[nodiscard]] Bound bind_allows(const Operand& call, const Schema& schema, const BindContext& bind);
[[nodiscard]] Bound bind_label(const Operand& call, const Schema& schema, const BindContext& bind);
[[nodiscard]] Bound bind_annotation(const Operand& call, const Schema& schema, const BindContext& bind);
[[nodiscard]] Bound bind_k8s_minor(const Operand& call, const Schema& schema, const BindContext& bind);
[[nodiscard]] Bound bind_listed(const Operand& call, const Schema& schema, const BindContext& bind);

// Shared by the functions' argument checks.

/// The verbs of argument `arg` of function `function`: a verb, `{a,b}` (every one) or
/// `any {a,b}` (at least one), each a plain word.
[[nodiscard]] Result<Verbs> verbs_argument(const Argument& arg, std::string_view function, const QuerySource& source);
/// A resource argument (`pods`, `deployments.apps`, `pods/exec`, `leases named NAME`, a URL).
[[nodiscard]] Result<Target> resource_argument(const Argument& arg, std::string_view function, const QuerySource& source);

}  // namespace rbacq::query::builtin
