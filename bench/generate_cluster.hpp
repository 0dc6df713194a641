// SPDX-License-Identifier: Apache-2.0
// Deterministic generator of synthetic Kubernetes clusters for benchmarks.
//
// write_cluster() emits a whole cluster dump (RBAC objects plus the
// workload/Secret/ConfigMap objects an analyzer meets in real dumps) either
// as a `kubectl get -o json` List or as multi-document `kubectl get -o yaml`
// style YAML. Output depends only on the shape (namespace count and seed):
// the same shape gives byte-identical output on every platform.
#pragma once

#include <cstddef>
#include <iosfwd>

namespace rbacq::bench {

struct ClusterShape {
  int namespaces = 5000;
  unsigned seed = 42;
};

enum class DumpFormat { json, yaml };

// The benchmarks' command line: --namespaces N (the shape) and --runs R (at least 1, into
// `runs`). False, with the usage on stderr naming `program`, for anything else.
bool parse_bench_args(int argc, char** argv, const char* program, ClusterShape& shape, int& runs);

// Writes the whole cluster to `out` in the given format. Returns the number of
// objects written. Throws std::invalid_argument if shape.namespaces < 0.
std::size_t write_cluster(std::ostream& out, const ClusterShape& shape, DumpFormat format);

}  // namespace rbacq::bench
