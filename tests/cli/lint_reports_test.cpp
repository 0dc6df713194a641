// SPDX-License-Identifier: Apache-2.0
// `rbacq lint` for CI and code review through the real binary (issue 11): SARIF, Markdown and
// GitHub annotations on a small fixture, escaping of hostile names, paths relative to the
// repository, `rbacq rules`, and the command line a pre-commit hook builds.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using namespace rbacq;

namespace {

const std::string kRole =
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: everything}\n"
    "rules:\n- {apiGroups: ['*'], resources: ['*'], verbs: ['*']}\n";
const std::string kMastersBinding =
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: masters}\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}\n"
    "subjects:\n- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: 'system:masters'}\n";

}  // namespace

TEST_CASE("lint: pre-commit's command line - the changed files after --context DIR are reported on, not swallowed (issue 11)") {
  test::TempDir dir;
  dir.write("deploy/role.yaml", kRole);
  const std::string binding = dir.write("deploy/binding.yaml", kMastersBinding);
  // As .pre-commit-hooks.yaml runs it: the hook's args, then the files git stages.
  const auto r = test::run_rbacq_in(dir.path(), {"lint", "--no-color", "--context", "deploy", "deploy/binding.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.starts_with("deploy/binding.yaml:6:3: error: ClusterRoleBinding masters grants everything to group system:masters"));
  CHECK(r.out.find("wildcard-rule") == std::string::npos);  // role.yaml is context only
  CHECK(r.out.ends_with("\n1 finding (1 high)\n"));
  // --context repeats; each takes one path.
  const auto twice = test::run_rbacq_in(dir.path(), {"lint", "--context", "deploy/role.yaml", "--context", "deploy", binding});
  CHECK(twice.exit_code == 1);
  CHECK(twice.out.ends_with("\n1 finding (1 high)\n"));
}

namespace {

const std::string kFixture = "fixtures/lint/reports";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The artifactLocation SARIF writes for a file relative to the repository root.
std::string relative_artifact(const std::string& uri) {
  return "\"artifactLocation\": {\n                  \"uri\": \"" + uri + "\",\n                  \"uriBaseId\": \"%SRCROOT%\"\n                },";
}

}  // namespace

TEST_CASE("lint -o sarif: one run, the rules that ran, each finding at its line with its evidence and fingerprint (issue 11)") {
  const auto r = test::run_rbacq({"-o", "sarif", "lint", test::source_path(kFixture)});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
                          "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
                          "          \"name\": \"rbacq\",\n"));
  // Rules: severity as GitHub's level and security-severity, the documentation as help.
  CHECK(contains(r.out, "              \"id\": \"system-masters-binding\",\n              \"name\": \"SystemMastersBinding\",\n"
                        "              \"shortDescription\": {\n                \"text\": \"a binding to group system:masters, which RBAC"));
  CHECK(contains(r.out, "**Remediation:** Remove the binding."));
  CHECK(contains(r.out, "              \"defaultConfiguration\": {\n                \"level\": \"error\"\n              },\n"
                        "              \"properties\": {\n                \"tags\": [\n                  \"security\",\n"
                        "                  \"kubernetes\",\n                  \"rbac\"\n                ],\n"
                        "                \"security-severity\": \"8.0\",\n                \"precision\": \"very-high\"\n"));
  CHECK(contains(r.out, "\"security-severity\": \"5.5\""));  // wildcard-rule, medium
  // The finding: at the subject entry (line 20), relative to the repository root.
  CHECK(contains(r.out, "          \"ruleId\": \"system-masters-binding\",\n          \"ruleIndex\": 0,\n          \"level\": \"error\",\n"));
  CHECK(contains(r.out, relative_artifact(kFixture + "/rbac.yaml") +
                            "\n                \"region\": {\n                  \"startLine\": 20,\n                  \"startColumn\": 3\n"));
  // The evidence as related locations, numbered.
  CHECK(contains(r.out, "              \"id\": 1,\n              \"message\": {\n"
                        "                \"text\": \"ClusterRoleBinding masters-config refers to ClusterRole config-reader\"\n"));
  CHECK(contains(r.out, "\"partialFingerprints\": {\n            \"rbacq/v1\": \""));
  CHECK(contains(r.out, "\"properties\": {\n            \"certainty\": \"sure\",\n            \"severity\": \"high\"\n"));
  CHECK(contains(r.out, "\"invocations\": [\n        {\n          \"executionSuccessful\": true,\n"
                        "          \"toolExecutionNotifications\": []\n"));
  CHECK(contains(r.out, "\"%SRCROOT%\": {\n          \"uri\": \"file://" + test::source_path("") + "\"\n"));
}

TEST_CASE("lint -o sarif: URIs are relative to the repository root from any directory, absolute outside it (issue 11)") {
  // From a subdirectory of the repository: still relative to git's top level.
  const auto sub = test::run_rbacq_in(test::source_path("fixtures/lint"), {"-o", "sarif", "lint", "reports"});
  CHECK(sub.exit_code == 1);
  CHECK(contains(sub.out, relative_artifact(kFixture + "/rbac.yaml")));
  // A file outside the repository keeps an absolute file:// URI, without a base.
  test::TempDir dir;
  const std::string outside = dir.write("odd name #1.yaml", kMastersBinding);
  const auto abs = test::run_rbacq({"-o", "sarif", "lint", outside});
  CHECK(abs.exit_code == 1);
  CHECK(contains(abs.out, "\"artifactLocation\": {\n                  \"uri\": \"file://" + dir.path().string() +
                              "/odd%20name%20%231.yaml\"\n                },"));
  // Outside git, the current directory is the root.
  const auto here = test::run_rbacq_in(dir.path(), {"-o", "sarif", "lint", "."});
  CHECK(contains(here.out, relative_artifact("odd%20name%20%231.yaml")));
  CHECK(contains(here.out, "\"%SRCROOT%\": {\n          \"uri\": \"file://" + dir.path().string() + "/\"\n"));
}

TEST_CASE("lint -o sarif: no file means no locations, no findings an empty results array, input errors notifications (issue 11)") {
  const auto in = test::run_rbacq({"-o", "sarif", "lint", "-"}, kMastersBinding);
  CHECK(in.exit_code == 1);
  CHECK(contains(in.out, "\"ruleId\": \"system-masters-binding\""));
  CHECK(!contains(in.out, "\"locations\""));
  CHECK(!contains(in.out, "<stdin>"));
  const auto clean = test::run_rbacq({"-o", "sarif", "lint", test::source_path("fixtures/clusters/kubeadm/namespaces.yaml")});
  CHECK(clean.exit_code == 0);
  CHECK(contains(clean.out, "      \"results\": []\n    }\n  ]\n}\n"));
  test::TempDir dir;
  const std::string broken = dir.write("broken.yaml", "kind: Role\nrules: [\n");
  const auto bad = test::run_rbacq({"-o", "sarif", "--no-color", "lint", broken});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with(broken + ":3:1: error: "));  // stderr lists them as usual
  CHECK(contains(bad.out, "\"executionSuccessful\": false,\n          \"toolExecutionNotifications\": [\n            {\n"
                          "              \"level\": \"error\",\n"));
  CHECK(contains(bad.out, "\"descriptor\": {\n                \"id\": \"input-yaml\"\n              },"));
}
