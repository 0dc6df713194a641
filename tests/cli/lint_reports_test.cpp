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
