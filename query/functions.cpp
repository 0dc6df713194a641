// SPDX-License-Identifier: Apache-2.0
// The table of functions: one entry per function, its file under functions/.
#include "query/functions.hpp"

#include <fmt/format.h>

#include "query/functions/all.hpp"

namespace rbacq::query {

const std::vector<FunctionInfo>& functions() {
  static const std::vector<FunctionInfo> all{
      {"can", "can(VERBS, RESOURCE[, NAMESPACE])",
       "Whether the row's subject may make the request: every verb of {a,b}, or at least one of any {a,b}; in NAMESPACE, or "
       "cluster-wide, or — without a third argument, for a namespaced resource — in at least one namespace. RESOURCE is written as "
       "in a can statement, optionally with named NAME (leases named kube-scheduler), or is a URL (/healthz). NAMESPACE may be a "
       "column of the row (can(create, pods, namespace)): then each row asks in its own namespace, and a null one asks "
       "cluster-wide; quote a namespace that is spelled like a column. Users ask as authenticated users (system:authenticated), "
       "service accounts with their groups, groups as a member of only that group.",
       Type::boolean, builtin::bind_can, true},
      {"allows", "allows(VERBS, RESOURCE[, NAME])",
       "Whether the row's rules allow the request, with RBAC's own rule matching (* verbs, resources and apiGroups, */sub, "
       "resourceNames): on rules and grants the row's rule, on roles any of its rules (every verb of {a,b} by some rule), on who can "
       "and what can the granting rule. Asks the rule, not who is bound to it: an unbound role can be asked too. Without NAME, a "
       "rule limited to resourceNames does not allow the request.",
       Type::boolean, builtin::bind_allows, false},
      {"label", "label(KEY)", "The value of the row's label KEY, or null (on relations with a labels column).", Type::string,
       builtin::bind_label, false},
      {"annotation", "annotation(KEY)", "The value of the row's annotation KEY, or null (on relations with an annotations column).",
       Type::string, builtin::bind_annotation, false},
      {"k8s_minor", "k8s_minor()",
       "The Kubernetes minor version assumed (--k8s-version 1.MINOR; 35 for 1.35), for conditions whose answer depends on the "
       "release: before 1.35 a WebSocket exec needs only get on pods/exec (k8s_minor() < 35 and allows(get, pods/exec)).",
       Type::integer, builtin::bind_k8s_minor, false},
      {"listed", "listed(OPTION, COLUMN)",
       "Whether the row's COLUMN (a string, a subject written as in queries, or any item of a list) is one of the values of the "
       "lint rule's option OPTION: its default, or what .rbacq.yaml sets under rules.options. Only in a rule's query.",
       Type::boolean, builtin::bind_listed, false},
  };
  return all;
}

const FunctionInfo* find_function(std::string_view name) {
  for (const FunctionInfo& f : functions()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace rbacq::query
