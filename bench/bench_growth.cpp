// SPDX-License-Identifier: Apache-2.0
// Growth benchmark (issue 15): each command, as a user runs it (a whole process), on generated
// clusters of about 12.5k, 50k and 200k objects. The exponent of time against size (log-log
// slope, from the smallest to the largest) must stay at or below 1.1: nothing may be quadratic in
// bindings, subjects or namespaces. Times include loading, which is linear; a quadratic step
// shows at 200k objects all the same (4x the objects, 16x its time).
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/generate_cluster.hpp"
#include "bench/run_process.hpp"

namespace {

namespace fs = std::filesystem;

struct Command {
  const char* name;
  std::vector<std::string> args;  // {} stands for the cluster file
  int max_exit;                   // lint's findings are exit 1; can-i's "no" is exit 1 too
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<std::string> with_file(const std::vector<std::string>& args, const std::string& file) {
  std::vector<std::string> out = {RBACQ_BINARY};
  for (const auto& a : args) out.push_back(a.empty() ? file : a);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  rbacq::bench::ClusterShape shape;  // --namespaces sets the middle size; the others are 1/4 and 4x
  int runs = 3;
  if (!rbacq::bench::parse_bench_args(argc, argv, "bench_growth", shape, runs)) return 2;
  const std::vector<int> sizes = {std::max(1, shape.namespaces / 4), shape.namespaces, shape.namespaces * 4};
  const std::vector<Command> commands = {
      {"inventory", {"inventory", ""}, 0},
      {"can-i", {"can-i", "get", "secrets", "-n", "ns-0001", "--as", "system:serviceaccount:ns-0001:default", "-f", ""}, 1},
      {"who-can", {"who-can", "get", "secrets", "-n", "ns-0001", "-f", ""}, 0},
      {"grants where (scan)", {"query", "count grants where allows(get, secrets) and binding.kind = RoleBinding", "-f", ""}, 0},
      {"lint -o json", {"lint", "-o", "json", "--fail-on", "critical", ""}, 1},
  };
  const fs::path dir = fs::temp_directory_path() / fmt::format("rbacq-bench-growth-{}", ::getpid());
  fs::create_directories(dir);
  std::vector<std::string> files;
  std::vector<double> objects;
  for (const int namespaces : sizes) {
    const std::string file = (dir / fmt::format("cluster-{}.json", namespaces)).string();
    std::ofstream out(file, std::ios::binary);
    rbacq::bench::ClusterShape s = shape;
    s.namespaces = namespaces;
    objects.push_back(static_cast<double>(rbacq::bench::write_cluster(out, s, rbacq::bench::DumpFormat::json)));
    files.push_back(file);
  }
  ::sync();  // 250 MB just written: their write-back must not run during the measurements
  fmt::print("{:<22}", "objects:");
  for (const double n : objects) fmt::print("{:>10.0f}", n);
  fmt::print("   exponent (budget 1.1)\n");
  bool ok = true;
  for (const Command& c : commands) {
    std::vector<double> times;
    for (const std::string& file : files) {
      std::vector<double> samples;
      for (int r = 0; r < runs; ++r) samples.push_back(rbacq::bench::run_timed(with_file(c.args, file), c.max_exit));
      times.push_back(median(samples));
    }
    const double exponent = std::log(times.back() / times.front()) / std::log(objects.back() / objects.front());
    fmt::print("{:<22}", c.name);
    for (const double t : times) fmt::print("{:>9.3f}s", t);
    fmt::print("   {:.2f} {}\n", exponent, exponent <= 1.1 ? "ok" : "OVER");
    ok = ok && exponent <= 1.1;
  }
  fs::remove_all(dir);
  return ok ? 0 : 1;
}
