// SPDX-License-Identifier: Apache-2.0
// Whether two definitions of one object say the same thing, wherever they were written: a dump
// saved as JSON and as YAML defines every object twice, identically.
#pragma once

#include "analyzer/model.hpp"

namespace rbacq::analyzer {

/// Equal as decoded, every field compared but the locations (file, line, column) of the object
/// and of its parts. A location left out of the comparison by mistake makes two definitions
/// differ, never the reverse: the safe side, as they are then reported one by one.
[[nodiscard]] bool same_definition(const Role& a, const Role& b);
[[nodiscard]] bool same_definition(const Binding& a, const Binding& b);
[[nodiscard]] bool same_definition(const ServiceAccount& a, const ServiceAccount& b);
[[nodiscard]] bool same_definition(const Namespace& a, const Namespace& b);
[[nodiscard]] bool same_definition(const Secret& a, const Secret& b);
[[nodiscard]] bool same_definition(const Workload& a, const Workload& b);
[[nodiscard]] bool same_definition(const CustomResourceDefinition& a, const CustomResourceDefinition& b);
[[nodiscard]] bool same_definition(const AwsAuth& a, const AwsAuth& b);

}  // namespace rbacq::analyzer
