// SPDX-License-Identifier: Apache-2.0
// The benchmarks that time rbacq as a user runs it: a whole process, its output thrown away.
#pragma once

#include <string>
#include <vector>

namespace rbacq::bench {

/// Wall time of the program `argv[0]` run with `argv`, stdout and stderr thrown away. Aborts
/// when it cannot start or exits above `max_exit` (lint's findings are exit 1, not a failure).
double run_timed(const std::vector<std::string>& argv, int max_exit = 0);

}  // namespace rbacq::bench
