// SPDX-License-Identifier: Apache-2.0
// Load benchmark: rbacq's load of a synthetic cluster next to the parse floor of the same bytes
// (simdjson DOM parse for JSON, yaml-cpp event parse for YAML), as ratios, plus peak memory.
//
// Each measurement runs in a child process so that its peak RSS is its own (wait4 rusage).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "analyzer/input/loader.hpp"
#include "bench/generate_cluster.hpp"

namespace {

struct Sample {
  double seconds = 0;
  double peak_mib = 0;
};

/// Runs `work` in a child; returns its wall time (measured inside) and peak resident memory.
Sample measure(const std::function<void()>& work) {
  int fds[2];
  if (::pipe(fds) != 0) std::abort();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    const auto start = std::chrono::steady_clock::now();
    work();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (::write(fds[1], &s, sizeof s) != sizeof s) ::_exit(1);
    ::_exit(0);
  }
  ::close(fds[1]);
  Sample sample;
  if (::read(fds[0], &sample.seconds, sizeof sample.seconds) != sizeof sample.seconds) std::abort();
  ::close(fds[0]);
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  sample.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  return sample;
}

Sample median_of(int runs, const std::function<void()>& work) {
  std::vector<Sample> samples;
  for (int i = 0; i < runs; ++i) samples.push_back(measure(work));
  std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.seconds < b.seconds; });
  return samples[samples.size() / 2];
}

/// The floor reads the file as rbacq does (one fread into a padded buffer), so that the ratio
/// compares parsing and model building, not two ways of reading a file.
simdjson::padded_string read_file(const std::string& path) {
  auto text = simdjson::padded_string::load(path);
  if (text.error() != simdjson::SUCCESS) std::abort();
  return std::move(text).value_unsafe();
}

class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void json_floor(const std::string& path) {
  const simdjson::padded_string text = read_file(path);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(text).get(doc) != simdjson::SUCCESS) std::abort();
}

void yaml_floor(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  YAML::Parser parser(in);
  NullHandler handler;
  while (parser.HandleNextDocument(handler)) {
  }
}

void rbacq_load(const std::string& path) {
  const auto result = rbacq::analyzer::load({path});
  if (result.diagnostics.has_errors() || result.model.roles.empty()) std::abort();
}

/// The budgets of the performance issue (15), tighter than DESIGN §9's first ones (5× JSON,
/// 1.5× YAML, 10× memory).
constexpr double kMemoryBudget = 3.0;

void report(const char* format, const std::string& path, double budget, int runs,
            const std::function<void(const std::string&)>& floor) {
  const double mib = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
  const Sample f = median_of(runs, [&] { floor(path); });
  const Sample l = median_of(runs, [&] { rbacq_load(path); });
  const double ratio = l.seconds / f.seconds;
  const double memory_ratio = l.peak_mib / mib;
  fmt::print("{:<5} {:>7.1f} MiB  floor {:>7.3f} s  rbacq {:>7.3f} s  ratio {:>5.2f}x (budget {:.1f}x) {}  "
             "peak {:>6.0f} MiB = {:>4.1f}x input (budget {:.0f}x) {}\n",
             format, mib, f.seconds, l.seconds, ratio, budget, ratio <= budget ? "ok" : "OVER", l.peak_mib, memory_ratio,
             kMemoryBudget, memory_ratio <= kMemoryBudget ? "ok" : "OVER");
}

}  // namespace

int main(int argc, char** argv) {
  rbacq::bench::ClusterShape shape;
  int runs = 3;
  if (!rbacq::bench::parse_bench_args(argc, argv, "bench_load", shape, runs)) return 2;
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("rbacq-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  const std::string json = (dir / "cluster.json").string();
  const std::string yaml = (dir / "cluster.yaml").string();
  std::size_t objects = 0;
  {
    std::ofstream j(json, std::ios::binary);
    objects = rbacq::bench::write_cluster(j, shape, rbacq::bench::DumpFormat::json);
    std::ofstream y(yaml, std::ios::binary);
    rbacq::bench::write_cluster(y, shape, rbacq::bench::DumpFormat::yaml);
  }
  fmt::print("synthetic cluster: {} namespaces, {} objects; median of {} runs each\n", shape.namespaces, objects, runs);
  report("json", json, 2.5, runs, json_floor);
  report("yaml", yaml, 1.3, runs, yaml_floor);
  std::filesystem::remove_all(dir);
  return 0;
}
