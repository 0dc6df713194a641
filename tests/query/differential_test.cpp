// SPDX-License-Identifier: Apache-2.0
// Differential tests of the query language against the authorizer (issue 10), on random small
// clusters from a fixed seed: allows() on rules must say exactly what the authorizer says for a
// subject bound to each role alone, and can() with a column as namespace must answer each row as
// the same call with that namespace written out.
#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "analyzer/analysis_context.hpp"
#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "query/functions.hpp"
#include "query/parser.hpp"
#include "test_support.hpp"

namespace rbacq::test {
namespace {

using Strings = std::vector<std::string>;

class Random {
 public:
  explicit Random(unsigned seed) : engine_(seed) {}
  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(engine_)];
  }
  bool chance(int percent) { return std::uniform_int_distribution<int>(0, 99)(engine_) < percent; }

 private:
  std::mt19937 engine_;
};

std::string yaml_list(const Strings& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "\"" : ", \"") + items[i] + "\"";
  return out + "]";
}

/// The rows of the query's first table, as the text of its first column.
std::set<std::string> rows(const analyzer::AnalysisContext& context, const std::string& query) {
  const auto tables = query::run_query(context, query::QuerySource{query});
  REQUIRE_MESSAGE(tables.has_value(), query << ": " << (tables ? "" : tables.error().message));
  std::set<std::string> out;
  for (const auto& row : tables->front().rows) out.insert(query::to_text(row.values.at(0)));
  return out;
}

bool allowed(const analyzer::AnalysisContext& context, const std::string& query) {
  const auto tables = query::run_query(context, query::QuerySource{query});
  REQUIRE_MESSAGE(tables.has_value(), query << ": " << (tables ? "" : tables.error().message));
  const auto& table = tables->front();
  REQUIRE(table.rows.size() == 1);
  return table.rows.front().values.at(0).as_bool();
}

analyzer::LoadResult load_cluster(const std::string& yaml) {
  auto loaded = load(yaml, "random.yaml");
  REQUIRE_MESSAGE(!loaded.diagnostics.has_errors(), yaml);
  return loaded;
}

/// Service accounts sa0..sa2 in `namespaces`, and eight ClusterRoles of one rule, each bound by a
/// RoleBinding or (one in five) a ClusterRoleBinding to a service account or a namespace's group.
std::string random_namespaced_cluster(Random& random, const Strings& namespaces, const Strings& verbs, const Strings& resources) {
std::string yaml;
  for (const auto& ns : namespaces) {
    for (int s = 0; s < 3; ++s) {
      yaml += "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa" + std::to_string(s) + ", namespace: " + ns + "}\n---\n";
    }
  }
  for (int b = 0; b < 8; ++b) {
    const std::string ns = random.pick(namespaces);
    const bool cluster_wide = random.chance(20);
    yaml += "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r" + std::to_string(b) +
            "}\nrules: [{verbs: [" + random.pick(verbs) + "], apiGroups: [\"\"], resources: [" + random.pick(resources) + "]}]\n---\n";
    yaml += "apiVersion: rbac.authorization.k8s.io/v1\nkind: " + std::string(cluster_wide ? "ClusterRoleBinding" : "RoleBinding") +
            "\nmetadata: {name: b" + std::to_string(b) + (cluster_wide ? "" : ", namespace: " + ns) +
            "}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r" + std::to_string(b) + "}\nsubjects: [{kind: " +
            (random.chance(30) ? "Group, name: system:serviceaccounts:" + random.pick(namespaces)
                               : "ServiceAccount, name: sa" + std::to_string(b % 3) + ", namespace: " + random.pick(namespaces)) +
            "}]\n---\n";
  }
  return yaml;
}

}  // namespace

TEST_CASE("allows() on roles agrees with the authorizer for a user bound to each role alone (issue 10)") {
  const Strings verbs{"get", "list", "create", "delete", "*", "watch"};
  const Strings groups{"", "apps", "*", "rbac.authorization.k8s.io"};
  const Strings resources{"pods", "pods/log", "pods/*", "secrets", "deployments", "*", "*/log", "nodes", "configmaps", "clusterroles"};
  const std::vector<Strings> names{{}, {}, {"a"}, {"a", "b"}};
  const std::vector<std::pair<std::string, std::string>> asked{
      {"pods", "pods"},         {"pods/log", "pods/log"},   {"secrets", "secrets"},   {"deployments.apps", "deployments"},
      {"nodes", "nodes"},       {"configmaps", "configmaps"}, {"clusterroles", "clusterroles"}, {"deployments.apps/scale", "scale"}};
  Random random(20261203);
  for (int cluster = 0; cluster < 12; ++cluster) {
    std::string yaml;
    for (int r = 0; r < 6; ++r) {
      yaml += "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: role" + std::to_string(r) + "}\nrules:\n";
      const int rules = random.chance(30) ? 2 : 1;
      for (int i = 0; i < rules; ++i) {
        Strings v{random.pick(verbs)};
        if (random.chance(40)) v.push_back(random.pick(verbs));
        Strings g{random.pick(groups)};
        if (random.chance(30)) g.push_back(random.pick(groups));
        Strings res{random.pick(resources)};
        if (random.chance(40)) res.push_back(random.pick(resources));
        yaml += "- {verbs: " + yaml_list(v) + ", apiGroups: " + yaml_list(g) + ", resources: " + yaml_list(res) +
                ", resourceNames: " + yaml_list(random.pick(names)) + "}\n";
      }
      yaml += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: bind" + std::to_string(r) +
              "}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: role" + std::to_string(r) +
              "}\nsubjects: [{kind: User, name: user" + std::to_string(r) + "}]\n---\n";
    }
    const analyzer::AnalysisContext context(load_cluster(yaml), analyzer::AnalysisOptions{});
    for (int q = 0; q < 25; ++q) {
      const std::string verb = random.pick(Strings{"get", "list", "create", "delete", "watch", "bind"});
      const std::string resource = random.pick(asked).first;
      const std::string name = random.pick(Strings{"", "", "a", "c"});
      const std::string target = name.empty() ? resource : resource + " named " + name;
      const std::string allows_call = name.empty() ? resource : resource + ", " + name;
      const auto by_rules = rows(context, "select name from roles where allows(" + verb + ", " + allows_call + ")");
      for (int r = 0; r < 6; ++r) {
        const std::string role = "role" + std::to_string(r);
        const bool authorizer = allowed(context, "can user:user" + std::to_string(r) + " " + verb + " " + target + " cluster-wide");
        CAPTURE(yaml);
        CAPTURE(verb);
        CAPTURE(target);
        CAPTURE(role);
        CHECK(by_rules.contains(role) == authorizer);
      }
    }
  }
}

TEST_CASE("can() with a column as namespace answers each row as the call with that namespace written out (issue 10)") {
  const Strings namespaces{"dev", "prod", "ops"};
  const Strings verbs{"get", "list", "create"};
  const Strings resources{"pods", "secrets", "configmaps"};
  Random random(42);
  for (int cluster = 0; cluster < 8; ++cluster) {
    const std::string yaml = random_namespaced_cluster(random, namespaces, verbs, resources);
    const analyzer::AnalysisContext context(load_cluster(yaml), analyzer::AnalysisOptions{});
    for (const auto& verb : verbs) {
      for (const auto& resource : resources) {
        const std::string call = verb + ", " + resource;
        const auto correlated = rows(context, "select subject from serviceaccounts where can(" + call + ", namespace)");
        std::set<std::string> written_out;
        for (const auto& ns : namespaces) {
          for (const auto& s : rows(context, "select subject from serviceaccounts where namespace = " + ns + " and can(" + call + ", " + ns + ")")) {
            written_out.insert(s);
          }
        }
        CAPTURE(yaml);
        CAPTURE(call);
        CHECK(correlated == written_out);
      }
    }
  }
}

TEST_CASE("statements evaluated together, sharing scans and can() answers, give each the table it gives alone (issue 11)") {
  // Lint checks its cases with shared calls and evaluates them at once: one scan per relation,
  // one can() per distinct call. Nothing of that may change a table.
  const Strings namespaces{"dev", "prod", "ops"};
  const Strings verbs{"get", "list", "create"};
  const Strings resources{"pods", "secrets", "configmaps"};
  const Strings statements{
      "select distinct subject, namespace from grants where can(create, pods, namespace)",
      "select distinct subject, namespace from grants where not can(create, pods, namespace)",
      "select distinct subject from grants where can(get, secrets) and binding.kind = RoleBinding",
      "select distinct subject from grants where can(get, secrets)",
      "grants where allows(any {get, list}, secrets) limit 2",
      "count grants by namespace",
      "serviceaccounts where can(create, pods, namespace) or can(list, configmaps, dev)",
      "can sa:dev/sa0 create pods in dev",
      "select name from roles where allows(create, pods)",
      "serviceaccounts where can(list, configmaps, dev)",
  };
  const auto summary = [](const query::ResultTable& t) {
    std::string out = t.statement + "\n";
    for (const auto& n : t.notes) out += "note " + std::to_string(n.index()) + "\n";
    for (const auto& row : t.rows) {
      for (const auto& v : row.values) out += query::to_text(v) + "|";
      out += row.objects.primary != nullptr ? row.objects.primary->name : "-";
      out += "@" + std::to_string(row.objects.at.line) + " evidence " + std::to_string(row.evidence.size()) + "\n";
    }
    return out;
  };
  Random random(1103);
  for (int cluster = 0; cluster < 6; ++cluster) {
    const std::string yaml = random_namespaced_cluster(random, namespaces, verbs, resources);
    const analyzer::AnalysisContext context(load_cluster(yaml), analyzer::AnalysisOptions{});
    // The oracle: each statement checked on its own (no shared calls) and evaluated alone by
    // the one-plan evaluator (one scan, on this thread).
    std::vector<std::string> alone;
    for (const auto& text : statements) {
      const query::Query one = *query::parse_query(text, "query", 1);
      const auto plan = query::check(one.statements.front(), context, query::QuerySource{text});
      REQUIRE_MESSAGE(plan.has_value(), text);
      alone.push_back(summary(query::evaluate(*plan, context)));
    }
    query::SharedCalls shared;
    std::vector<query::Query> parsed;
    std::vector<query::StatementPlan> plans;
    parsed.reserve(statements.size());
    plans.reserve(statements.size());
    for (const auto& text : statements) {
      parsed.push_back(*query::parse_query(text, "query", 1));
      query::QuerySource source{text};
      source.shared_calls = &shared;
      auto plan = query::check(parsed.back().statements.front(), context, source);
      REQUIRE_MESSAGE(plan.has_value(), text);
      plans.push_back(std::move(*plan));
    }
    std::vector<const query::StatementPlan*> all;
    for (const auto& p : plans) all.push_back(&p);
    const auto together = query::evaluate(all, context);
    REQUIRE(together.size() == statements.size());
    for (std::size_t i = 0; i < statements.size(); ++i) {
      CAPTURE(yaml);
      CHECK(summary(together[i]) == alone[i]);
    }
  }
}

}  // namespace rbacq::test
