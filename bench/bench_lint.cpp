// SPDX-License-Identifier: Apache-2.0
// Lint benchmark (issue 11, DESIGN §9): `rbacq lint` as a user runs it, a whole process per run,
// on (1) the synthetic 50k-object cluster — budget 8× the simdjson DOM parse of the same file —
// and (2) a 20-file repository of kube-prometheus size (about 50 KB of YAML) — budget 50 ms wall
// including process start, the cost a pre-commit hook adds to a commit. In-process timings of
// load and rules show where the time goes.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "analyzer/analysis_context.hpp"
#include "bench/generate_cluster.hpp"
#include "bench/run_process.hpp"
#include "rules/catalogue.hpp"
#include "rules/engine.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

/// Wall time of `rbacq lint ARGS...`; findings (exit 1) are expected.
double run_lint(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {RBACQ_BINARY, "lint"};
  argv.insert(argv.end(), args.begin(), args.end());
  return rbacq::bench::run_timed(argv, 1);
}

/// A repository of `files` YAML files holding the first documents of a small synthetic cluster
/// until they add up to about `bytes`: roles, bindings, service accounts and workloads spread
/// over the files as a project spreads its manifests.
void write_repository(const fs::path& dir, int files, std::size_t bytes) {
  std::ostringstream all;
  rbacq::bench::write_cluster(all, rbacq::bench::ClusterShape{20, 7}, rbacq::bench::DumpFormat::yaml);
  const std::string text = all.str();
  std::vector<std::string> documents;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t next = text.find("\n---\n", at);
    const std::size_t end = next == std::string::npos ? text.size() : next + 1;
    documents.push_back(text.substr(at, end - at));
    at = next == std::string::npos ? text.size() : next + 5;
  }
  // Cluster-wide objects come first in the dump: take documents from its end too, so the
  // repository has namespaced roles, bindings and workloads as well.
  std::vector<std::string> chosen;
  std::size_t total = 0;
  for (std::size_t i = 0; i < documents.size() && total < bytes; ++i) {
    const std::string& d = i % 2 == 0 ? documents[i / 2] : documents[documents.size() - 1 - i / 2];
    chosen.push_back(d);
    total += d.size();
  }
  fs::create_directories(dir);
  std::vector<std::ofstream> outs;
  for (int f = 0; f < files; ++f) outs.emplace_back(dir / fmt::format("manifest-{:02}.yaml", f), std::ios::binary);
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    auto& out = outs[i % outs.size()];
    if (i >= outs.size()) out << "---\n";
    out << chosen[i];
  }
}

}  // namespace

int main(int argc, char** argv) {
  rbacq::bench::ClusterShape shape;
  int runs = 3;
  if (!rbacq::bench::parse_bench_args(argc, argv, "bench_lint", shape, runs)) return 2;
  const fs::path dir = fs::temp_directory_path() / fmt::format("rbacq-bench-lint-{}", ::getpid());
  fs::create_directories(dir);
  const std::string json = (dir / "cluster.json").string();
  std::size_t objects = 0;
  {
    std::ofstream out(json, std::ios::binary);
    objects = rbacq::bench::write_cluster(out, shape, rbacq::bench::DumpFormat::json);
  }

  // The floor: simdjson's DOM parse of the same bytes (best of the runs).
  std::vector<double> floors;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    auto text = simdjson::padded_string::load(json);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (text.error() != simdjson::SUCCESS || parser.parse(text.value_unsafe()).get(doc) != simdjson::SUCCESS) std::abort();
    floors.push_back(seconds_since(start));
  }
  const double floor = *std::min_element(floors.begin(), floors.end());

  // Where the time goes, in process: load and resolve, then every built-in rule.
  auto start = Clock::now();
  const rbacq::analyzer::AnalysisContext context(rbacq::analyzer::load({json}), rbacq::analyzer::AnalysisOptions{});
  const double load = seconds_since(start);
  rbacq::Diagnostics problems;
  const auto rules = rbacq::rules::builtin_rules(problems);
  start = Clock::now();
  const auto findings = rbacq::rules::run_rules(rules, context, problems);
  const double rules_time = seconds_since(start);
  if (problems.has_errors()) {
    std::fprintf(stderr, "bench_lint: the built-in rules do not run on the synthetic cluster\n");
    return 1;
  }

  std::vector<double> cluster_runs;
  for (int r = 0; r < runs; ++r) cluster_runs.push_back(run_lint({"--fail-on", "critical", "-o", "json", json}));
  const double cluster_wall = median(cluster_runs);

  const fs::path repo = dir / "repo";
  write_repository(repo, 20, 50 * 1024);
  std::vector<double> repo_runs;
  for (int r = 0; r < std::max(runs, 20); ++r) repo_runs.push_back(run_lint({"--fail-on", "critical", repo.string()}));
  const double repo_wall = median(repo_runs);
  fs::remove_all(dir);

  fmt::print("synthetic cluster: {} namespaces, {} objects, {} rules, {} findings\n", shape.namespaces, objects, rules.size(),
             findings.size());
  fmt::print("in process: load {:.3f} s, rules {:.3f} s (simdjson DOM parse floor {:.3f} s)\n", load, rules_time, floor);
  fmt::print("rbacq lint -o json CLUSTER   {:>8.3f} s  {:>6.2f}x the parse floor (budget 8x)   {}\n", cluster_wall,
             cluster_wall / floor, cluster_wall <= 8 * floor ? "ok" : "OVER");
  fmt::print("rbacq lint REPO (20 files)   {:>8.1f} ms  wall, process start included (budget 50 ms) {}\n", repo_wall * 1e3,
             repo_wall < 0.05 ? "ok" : "OVER");
  return 0;
}
