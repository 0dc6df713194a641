// SPDX-License-Identifier: Apache-2.0
// Independent pieces of work spread over the machine's cores: lint's rules over one analysis
// (each piece writes only its own result, so the outcome does not depend on the schedule).
#pragma once

#include <cstddef>
#include <functional>

namespace rbacq {

/// How many threads work in parallel: RBACQ_THREADS when it is a number from 1 to 64, else the
/// CPUs the process may run on (its affinity mask: a container's cpuset; and a cgroup CPU quota,
/// `docker run --cpus`, rounded up), at most 8 — every worker scans on its own, so more than the
/// cores costs work.
[[nodiscard]] unsigned available_workers();

/// Calls `work(i)` for every i in [0, count), on up to `workers` threads (the calling one
/// included), taking the pieces in order as threads become free; returns when all are done. The
/// first exception a piece throws is rethrown here, after every thread has stopped. When threads
/// cannot be started, fewer do the work; called from inside a piece, it runs on the caller's thread
/// alone (no workers × workers threads).
void in_parallel(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& work);

}  // namespace rbacq
