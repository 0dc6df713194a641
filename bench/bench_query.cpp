// SPDX-License-Identifier: Apache-2.0
// Query benchmark: after loading the synthetic cluster, the time of one can-i (authorize) and
// one who-can per query, medians over many different questions, next to the load time and
// the simdjson parse floor of the same bytes (DESIGN §9: can-i < 50 µs, who-can < 2 ms).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "analyzer/analysis_context.hpp"
#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/request_builder.hpp"
#include "bench/generate_cluster.hpp"
#include "query/evaluator.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using rbacq::analyzer::rbac::RequestAttributes;
using rbacq::analyzer::rbac::UserInfo;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Stats {
  double median = 0;
  double p99 = 0;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)]};
}

/// A deterministic pseudo-random sequence (the same questions on every run and machine).
struct Lcg {
  std::uint64_t state = 12345;
  std::size_t below(std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33U) % n);
  }
};

}  // namespace

int main(int argc, char** argv) {
  rbacq::bench::ClusterShape shape;
  int queries = 2000;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--namespaces" && i + 1 < argc) {
      shape.namespaces = std::atoi(argv[++i]);
    } else if (arg == "--queries" && i + 1 < argc) {
      queries = std::max(10, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: bench_query [--namespaces N] [--queries Q]\n");
      return 2;
    }
  }
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("rbacq-bench-query-{}", ::getpid());
  std::filesystem::create_directories(dir);
  const std::string json = (dir / "cluster.json").string();
  std::size_t objects = 0;
  {
    std::ofstream out(json, std::ios::binary);
    objects = rbacq::bench::write_cluster(out, shape, rbacq::bench::DumpFormat::json);
  }

  auto start = Clock::now();
  {
    auto text = simdjson::padded_string::load(json);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (text.error() != simdjson::SUCCESS || parser.parse(text.value_unsafe()).get(doc) != simdjson::SUCCESS) std::abort();
  }
  const double floor = seconds_since(start);
  start = Clock::now();
  rbacq::analyzer::LoadResult loaded = rbacq::analyzer::load({json});
  const double load = seconds_since(start);
  start = Clock::now();
  const rbacq::analyzer::AnalysisContext context(std::move(loaded), rbacq::analyzer::AnalysisOptions{});
  const double resolve = seconds_since(start);
  std::filesystem::remove_all(dir);
  if (context.diagnostics().has_errors()) std::abort();
  const auto& model = context.model();

  // Questions drawn from the cluster: its service accounts, users and groups named by bindings,
  // in its namespaces, about a mix of resources, names, subresources and URLs.
  std::vector<UserInfo> users;
  for (const auto& sa : model.service_accounts) {
    users.push_back(rbacq::analyzer::rbac::authenticated_user(
        rbacq::analyzer::rbac::service_account_username(sa.meta.namespace_, sa.meta.name), {}));
  }
  for (const auto& b : model.bindings) {
    for (const auto& s : b.subjects) {
      if (s.kind == "User") users.push_back(rbacq::analyzer::rbac::authenticated_user(s.name, {}));
      if (s.kind == "Group" && s.name != "system:masters") users.push_back(rbacq::analyzer::rbac::authenticated_user("someone", {s.name}));
    }
  }
  const std::vector<std::string> namespaces(model.namespaces_seen.begin(), model.namespaces_seen.end());
  const std::vector<std::pair<std::string, std::string>> verbs_types = {
      {"get", "pods"},        {"list", "secrets"},     {"create", "deployments"}, {"get", "secrets/db"}, {"create", "pods"},
      {"delete", "configmaps"}, {"get", "nodes"},      {"patch", "services"},     {"watch", "pods"},      {"get", "/healthz"},
      {"create", "rolebindings"}, {"bind", "clusterroles/admin"}, {"impersonate", "serviceaccounts"}};
  Lcg rng;
  std::vector<RequestAttributes> requests;
  for (int i = 0; i < queries; ++i) {
    const auto& [verb, type] = verbs_types[rng.below(verbs_types.size())];
    rbacq::analyzer::rbac::RequestSpec spec;
    spec.verb = verb;
    spec.url = type.front() == '/';
    spec.resource = type.substr(0, spec.url ? std::string::npos : type.find('/'));
    if (!spec.url && type.find('/') != std::string::npos) spec.name = type.substr(type.find('/') + 1);
    spec.namespace_ = namespaces[rng.below(namespaces.size())];
    if (rng.below(4) == 0 && type == "pods") spec.subresource = "exec";
    auto built = rbacq::analyzer::rbac::build_request(spec, context.catalogue());
    if (!built) std::abort();
    requests.push_back(built->attributes);
  }

  std::vector<double> can_i;
  std::size_t allowed = 0;
  for (int i = 0; i < queries; ++i) {
    const UserInfo& user = users[rng.below(users.size())];
    start = Clock::now();
    const auto decision = context.authorizer().authorize(user, requests[static_cast<std::size_t>(i)]);
    can_i.push_back(seconds_since(start));
    allowed += decision.allowed() ? 1U : 0U;
  }
  // The who-can index is built by the first who-can: timed on its own.
  start = Clock::now();
  static_cast<void>(context.authorizer().who_can(requests.front()));
  const double index_build = seconds_since(start);
  std::vector<double> who_can;
  std::size_t subjects = 0;
  for (const auto& request : requests) {
    start = Clock::now();
    const auto result = context.authorizer().who_can(request);
    who_can.push_back(seconds_since(start));
    subjects += result.subjects.size();
  }
  // The same kind of questions in the query language: parse + check + evaluate per query.
  const auto run = [&](const std::string& text) {
    const auto start_query = Clock::now();
    const auto tables = rbacq::query::run_query(context, rbacq::query::QuerySource{text});
    const double t = seconds_since(start_query);
    if (!tables) {
      std::fprintf(stderr, "bench_query: %s: %s\n", text.c_str(), tables.error().message.c_str());
      std::abort();
    }
    return std::make_pair(t, tables->front().rows.size());
  };
  const std::vector<std::string> can_resources = {"pods", "secrets", "deployments.apps", "configmaps", "pods/exec", "services"};
  std::vector<double> can_q;
  std::vector<double> who_q;
  for (int i = 0; i < queries / 4; ++i) {
    const auto& sa = model.service_accounts[rng.below(model.service_accounts.size())];
    const std::string& ns = namespaces[rng.below(namespaces.size())];
    const std::string& resource = can_resources[rng.below(can_resources.size())];
    can_q.push_back(run(fmt::format("can sa:{}/{} get {} in {}", sa.meta.namespace_, sa.meta.name, resource, ns)).first);
    who_q.push_back(run(fmt::format("who can get {} in {}", resource, ns)).first);
  }
  const std::vector<std::string> scans = {"grants where verbs has any (\"*\", delete) and resources has \"secrets\"",
                                          "count grants where subject.kind = User and namespace =~ \"^ns-00\"",
                                          "grants where role = cluster-admin"};
  std::vector<std::pair<double, std::size_t>> scan_times;
  scan_times.reserve(scans.size());
  for (const auto& q : scans) scan_times.push_back(run(q));

  const Stats c = stats(can_i);
  const Stats w = stats(who_can);
  const Stats cq = stats(can_q);
  const Stats wq = stats(who_q);
  fmt::print("synthetic cluster: {} namespaces, {} objects, {} bindings, {} users asked about\n", shape.namespaces, objects,
             model.bindings.size(), users.size());
  fmt::print("load  {:>8.3f} s  (simdjson parse floor {:.3f} s, {:.2f}x); aggregation and binding lookup {:.3f} s; who-can index "
             "(first who-can) {:.3f} s\n",
             load, floor, load / floor, resolve, index_build);
  fmt::print("can-i    median {:>8.1f} us  p99 {:>8.1f} us  (budget 50 us) {}  [{} queries, {} allowed]\n", c.median * 1e6,
             c.p99 * 1e6, c.median < 50e-6 ? "ok" : "OVER", queries, allowed);
  fmt::print("who-can  median {:>8.3f} ms  p99 {:>8.3f} ms  (budget 2 ms)  {}  [{} queries, {:.1f} subjects each]\n", w.median * 1e3,
             w.p99 * 1e3, w.median < 2e-3 ? "ok" : "OVER", queries, static_cast<double>(subjects) / queries);
  fmt::print("query 'can …'      parse+check+evaluate median {:>8.1f} us  p99 {:>8.1f} us  (budget 100 us) {}\n", cq.median * 1e6,
             cq.p99 * 1e6, cq.median < 100e-6 ? "ok" : "OVER");
  fmt::print("query 'who can …'  parse+check+evaluate median {:>8.3f} ms  p99 {:>8.3f} ms  (budget 3 ms)   {}\n", wq.median * 1e3,
             wq.p99 * 1e3, wq.median < 3e-3 ? "ok" : "OVER");
  for (std::size_t i = 0; i < scans.size(); ++i) {
    fmt::print("query '{}': {:.1f} ms, {} rows (budget 100 ms) {}\n", scans[i], scan_times[i].first * 1e3, scan_times[i].second,
               scan_times[i].first < 0.1 ? "ok" : "OVER");
  }
  return 0;
}
