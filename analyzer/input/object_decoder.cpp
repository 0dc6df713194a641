// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/object_decoder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/input/aws_auth_decoder.hpp"
#include "analyzer/input/kinds.hpp"
#include "analyzer/input/kubeconfig_decoder.hpp"

namespace rbacq::analyzer {
namespace {

constexpr std::string_view kRbacGroup = "rbac.authorization.k8s.io";

PolicyRule read_rule(ObjectReader& r, NodeId node) {
  PolicyRule rule;
  rule.loc = r.loc(node);
  rule.verbs = r.strings(node, "verbs");
  rule.api_groups = r.strings(node, "apiGroups");
  rule.resources = r.strings(node, "resources");
  rule.resource_names = r.strings(node, "resourceNames");
  rule.non_resource_urls = r.strings(node, "nonResourceURLs");
  return rule;
}

LabelSelector read_selector(ObjectReader& r, NodeId node) {
  LabelSelector s;
  s.loc = r.loc(node);
  s.match_labels = r.string_map(node, "matchLabels");
  r.for_each_mapping(node, "matchExpressions", [&](NodeId e) {
    s.match_expressions.push_back({r.string(e, "key"), r.string(e, "operator"), r.strings(e, "values")});
  });
  return s;
}

void check_rules(ObjectReader& r, const Role& role);

void read_role(ObjectReader& r, NodeId node, Role& role) {
  r.for_each_mapping(node, "rules", [&](NodeId rule) { role.rules.push_back(read_rule(r, rule)); });
  if (r.ok()) check_rules(r, role);
  if (!role.cluster) return;
  if (const auto agg = r.mapping(node, "aggregationRule")) {
    AggregationRule a;
    a.loc = r.loc(*agg);
    r.for_each_mapping(*agg, "clusterRoleSelectors", [&](NodeId s) { a.selectors.push_back(read_selector(r, s)); });
    role.aggregation = std::move(a);
  }
}

/// What API validation (pkg/apis/rbac/validation) would refuse never exists in a cluster. It is
/// kept, with a warning [input-invalid], so that the analysis shows what the manifest says.
void report_invalid(ObjectReader& r, const SourceLocation& loc, std::string message) {
  r.diagnostics().add(Diagnostic{"input-invalid", Severity::warning, loc, "the API server rejects this: " + std::move(message), {}});
}

/// ValidatePolicyRule: what a rule of a Role or ClusterRole must look like to be stored.
void check_rules(ObjectReader& r, const Role& role) {
  for (const PolicyRule& rule : role.rules) {
    if (rule.verbs.empty()) {
      report_invalid(r, rule.loc, "a rule needs 'verbs'; this one grants nothing");
    } else if (!rule.non_resource_urls.empty()) {
      if (!role.cluster) {
        report_invalid(r, rule.loc, "a Role cannot have 'nonResourceURLs' (only ClusterRoles bound by ClusterRoleBindings grant them)");
      } else if (!rule.api_groups.empty() || !rule.resources.empty() || !rule.resource_names.empty()) {
        report_invalid(r, rule.loc, "a rule cannot apply to both resources and 'nonResourceURLs'; write two rules");
      }
    } else if (rule.api_groups.empty() || rule.resources.empty()) {
      report_invalid(r, rule.loc,
                     fmt::format("a rule for resources needs 'apiGroups' and 'resources' ({}); this one grants nothing",
                                 rule.api_groups.empty() ? "apiGroups: [\"\"] is the core group" : "resources is empty"));
    }
  }
}

void check_binding(ObjectReader& r, const Binding& b) {
  const auto invalid = [&](const SourceLocation& loc, std::string message) { report_invalid(r, loc, std::move(message)); };
  if (b.role_ref.kind != "Role" && b.role_ref.kind != "ClusterRole") {
    invalid(b.role_ref.loc, fmt::format("roleRef.kind must be Role or ClusterRole, not '{}'", b.role_ref.kind));
  } else if (b.cluster && b.role_ref.kind == "Role") {
    invalid(b.role_ref.loc, "a ClusterRoleBinding can only reference a ClusterRole");
  }
  if (!b.role_ref.api_group.empty() && b.role_ref.api_group != kRbacGroup) {  // empty is defaulted
    invalid(b.role_ref.loc, fmt::format("roleRef.apiGroup must be {}", kRbacGroup));
  }
  for (const Subject& s : b.subjects) {
    if (s.kind != "User" && s.kind != "Group" && s.kind != "ServiceAccount") {
      invalid(s.loc, fmt::format("subject kind must be User, Group or ServiceAccount, not '{}' (case matters)", s.kind));
    } else if (s.kind == "ServiceAccount" && b.cluster && s.namespace_.empty()) {
      invalid(s.loc, "a ServiceAccount subject of a ClusterRoleBinding needs a namespace");
    }
  }
}

void read_binding(ObjectReader& r, NodeId node, Binding& binding) {
  const auto ref = r.mapping(node, "roleRef");
  if (!ref) {
    if (r.ok()) r.error(node, fmt::format("{} '{}' has no 'roleRef'", binding.meta.kind, binding.meta.name));
  } else {
    binding.role_ref.loc = r.loc(*ref);
    binding.role_ref.api_group = r.string(*ref, "apiGroup");
    binding.role_ref.kind = r.string(*ref, "kind");
    binding.role_ref.name = r.string(*ref, "name");
    if (r.ok() && (binding.role_ref.kind.empty() || binding.role_ref.name.empty())) {
      r.error(*ref, "'roleRef' needs a 'kind' and a 'name'");
    }
  }
  r.for_each_mapping(node, "subjects", [&](NodeId s) {
    Subject subject;
    subject.loc = r.loc(s);
    subject.kind = r.string(s, "kind");
    subject.api_group = r.string(s, "apiGroup");
    subject.name = r.string(s, "name");
    subject.namespace_ = r.string(s, "namespace");
    if (subject.kind.empty() || subject.name.empty()) {
      r.error(s, "a subject needs a 'kind' and a 'name'");
      return;
    }
    binding.subjects.push_back(std::move(subject));
  });
  if (r.ok()) check_binding(r, binding);
}

void read_pod_spec(ObjectReader& r, NodeId spec, PodSpecFacts& pod) {
  pod.loc = r.loc(spec);
  pod.service_account_name = r.string(spec, "serviceAccountName");
  if (pod.service_account_name.empty()) pod.service_account_name = r.string(spec, "serviceAccount");  // deprecated alias
  pod.automount_token = r.boolean(spec, "automountServiceAccountToken");
  pod.host_network = r.boolean(spec, "hostNetwork").value_or(false);
  pod.host_pid = r.boolean(spec, "hostPID").value_or(false);
  pod.host_ipc = r.boolean(spec, "hostIPC").value_or(false);
  pod.node_name = r.string(spec, "nodeName");
  for (const std::string_view list : {"initContainers", "containers", "ephemeralContainers"}) {
    r.for_each_mapping(spec, list, [&](NodeId c) {
      Container container;
      container.loc = r.loc(c);
      container.name = r.string(c, "name");
      if (const auto sc = r.mapping(c, "securityContext")) {
        container.privileged = r.boolean(*sc, "privileged").value_or(false);
        container.allow_privilege_escalation = r.boolean(*sc, "allowPrivilegeEscalation");
      }
      pod.containers.push_back(std::move(container));
    });
  }
  r.for_each_mapping(spec, "volumes", [&](NodeId v) {
    if (const auto hp = r.mapping(v, "hostPath")) pod.host_paths.push_back({r.string(v, "name"), r.string(*hp, "path"), r.loc(v)});
  });
}

/// The pod spec of a workload kind: spec, spec.template.spec or spec.jobTemplate.spec.template.spec.
std::optional<NodeId> pod_spec_of(ObjectReader& r, NodeId node, std::string_view kind) {
  auto spec = r.mapping(node, "spec");
  if (!spec || kind == "Pod") return spec;
  if (kind == "CronJob") {
    const auto job = r.mapping(*spec, "jobTemplate");
    spec = job ? r.mapping(*job, "spec") : std::nullopt;
    if (!spec) return std::nullopt;
  }
  const auto tmpl = r.mapping(*spec, "template");
  return tmpl ? r.mapping(*tmpl, "spec") : std::nullopt;
}

void read_crd(ObjectReader& r, NodeId node, CustomResourceDefinition& crd) {
  const auto spec = r.mapping(node, "spec");
  if (!spec) return;
  crd.group = r.string(*spec, "group");
  if (const auto names = r.mapping(*spec, "names")) {
    crd.plural = r.string(*names, "plural");
    crd.singular = r.string(*names, "singular");
    crd.kind = r.string(*names, "kind");
    crd.short_names = r.strings(*names, "shortNames");
  }
  crd.namespaced = r.string(*spec, "scope") != "Cluster";
  const auto add_subresources = [&](NodeId holder) {
    if (const auto sub = r.mapping(holder, "subresources")) {
      for (const std::string_view s : {"status", "scale"}) {
        if (r.doc().find(*sub, s) && std::find(crd.subresources.begin(), crd.subresources.end(), s) == crd.subresources.end()) {
          crd.subresources.emplace_back(s);
        }
      }
    }
  };
  if (auto v = r.string(*spec, "version"); !v.empty()) crd.versions.push_back(std::move(v));  // v1beta1
  add_subresources(*spec);
  r.for_each_mapping(*spec, "versions", [&](NodeId v) {
    crd.versions.push_back(r.string(v, "name"));
    add_subresources(v);
  });
}

/// Annotations worth keeping. `last-applied-configuration` holds a whole copy of the object as
/// applied, `data` of a Secret included: it is never kept.
Labels kept_annotations(Labels annotations, std::string_view kind) {
  std::erase_if(annotations, [&](const auto& kv) {
    if (kind == "Secret") return !kv.first.starts_with("kubernetes.io/service-account.");
    return kv.first == "kubectl.kubernetes.io/last-applied-configuration";
  });
  return annotations;
}

}  // namespace

template <class T>
void ObjectDecoder::store(std::vector<T>& objects, T object) {
  if (object.meta.generated_name) {  // generateName: every apply creates a new object
    objects.push_back(std::move(object));
    return;
  }
  auto key = std::make_tuple(object.meta.kind, object.meta.namespace_, object.meta.name);
  const auto [it, inserted] = seen_.try_emplace(std::move(key), objects.size(), object.meta.loc);
  if (inserted) {
    objects.push_back(std::move(object));
    return;
  }
  // Applied in order, the later definition replaces the earlier one: keep the later, say so.
  const std::string& ns = object.meta.namespace_;
  diags_.add(Diagnostic{"input-duplicate", Severity::warning, object.meta.loc,
                        fmt::format("{} '{}{}{}' is defined more than once; this definition replaces the earlier one",
                                    object.meta.kind, ns, ns.empty() ? "" : "/", object.meta.name),
                        {Note{it->second.second, "earlier definition is here"}}});
  objects[it->second.first] = std::move(object);
  it->second.second = objects[it->second.first].meta.loc;
}

void ObjectDecoder::decode(const Document& doc) {
  if (doc.empty()) return;
  for (const auto& [earlier, later] : doc.duplicate_keys()) {
    diags_.add(Diagnostic{"input-duplicate-key", Severity::warning, doc.location(later),
                          fmt::format("'{}' is given more than once in this mapping; the last one is used (kubectl "
                                      "--validate=strict refuses this)",
                                      doc.text(later)),
                          {Note{doc.location(earlier), "earlier occurrence is here"}}});
  }
  ObjectReader probe(doc, diags_);
  if (probe.is_null(doc.root())) return;  // an empty document between `---` lines
  ++file_documents_;
  decode_value(doc, doc.root(), {}, {}, 0);
}

void ObjectDecoder::decode_value(const Document& doc, NodeId node, const std::string& inherited_kind,
                                 const std::string& inherited_api_version, int list_depth) {
  const NodeKind k = doc.kind(node);
  if (k == NodeKind::mapping) {
    decode_object(doc, node, inherited_kind, inherited_api_version, list_depth);
  } else if (k == NodeKind::sequence && list_depth == 0) {
    // A JSON array of objects or Lists, as some dump tools write.
    for (const NodeId item : doc.children(node)) decode_value(doc, item, {}, {}, list_depth + 1);
  } else if (k != NodeKind::null) {
    diags_.add(Diagnostic{"input-schema", Severity::error, doc.location(node),
                          fmt::format("expected a Kubernetes object (a mapping), got {}", doc.describe(node)), {}});
  }
}

void ObjectDecoder::decode_object(const Document& doc, NodeId node, const std::string& inherited_kind,
                                  const std::string& inherited_api_version, int list_depth) {
  ObjectReader r(doc, diags_);
  ObjectMeta meta;
  meta.loc = r.loc(node);
  meta.kind = r.string(node, "kind");
  meta.api_version = r.string(node, "apiVersion");
  if (meta.kind.empty()) meta.kind = inherited_kind;
  if (meta.api_version.empty()) meta.api_version = inherited_api_version;
  if (!r.ok()) return;
  if (meta.kind.empty()) {
    unkinded_.push_back(meta.loc);
    return;
  }

  // kind: List, or a typed list such as RoleList whose items may omit their kind.
  const bool list_kind = meta.kind == "List" || (meta.kind.ends_with("List") && doc.find(node, "items"));
  if (list_kind) {
    if (list_depth >= 3) {
      r.error(node, "Lists nested more than three deep");
      return;
    }
    const std::string item_kind = meta.kind == "List" ? std::string() : meta.kind.substr(0, meta.kind.size() - 4);
    const std::string item_api = meta.kind == "List" ? std::string() : meta.api_version;
    for (const NodeId item : r.sequence(node, "items")) {
      if (doc.kind(item) != NodeKind::mapping) {
        r.error(item, fmt::format("expected an object in 'items', got {}", doc.describe(item)));
        continue;
      }
      decode_object(doc, item, item_kind, item_api, list_depth + 1);
    }
    return;
  }

  if (++objects_ > limits_.max_objects) {
    if (objects_ == limits_.max_objects + 1) {
      diags_.add(Diagnostic{"input-limit", Severity::error, meta.loc,
                            fmt::format("more than {} objects; the rest are not loaded", limits_.max_objects), {}});
    }
    return;
  }
  ++file_objects_;
  const bool decoded = is_decoded_kind(meta.kind);
  const bool known = decoded && is_known_api(meta.kind, meta.api_version);
  if (decoded && !known) {
    // Same kind, other API: OpenShift's legacy `v1` ClusterRole, a CRD reusing a name, a typo,
    // or no apiVersion at all (which kubectl refuses).
    ++model_.counts[fmt::format("{} ({})", meta.kind, meta.api_version.empty() ? "no apiVersion" : meta.api_version)];
    diags_.add(Diagnostic{"input-api-version", meta.api_version.empty() ? Severity::error : Severity::note, meta.loc,
                          meta.api_version.empty()
                              ? fmt::format("{} has no 'apiVersion'; kubectl refuses it, so it is not analysed", meta.kind)
                              : fmt::format("{} with apiVersion '{}' is not the Kubernetes {}; counted, not analysed",
                                            meta.kind, meta.api_version, meta.kind),
                          {}});
    return;
  }
  ++model_.counts[meta.kind];
  if (!known) return;  // counted, skipped

  // metadata: every kind we decode needs a name, except a kubeconfig.
  const auto md = r.mapping(node, "metadata");
  if (md) {
    meta.name = r.string(*md, "name");
    if (meta.name.empty()) {
      meta.name = r.string(*md, "generateName");
      meta.generated_name = !meta.name.empty();
    }
    meta.namespace_ = r.string(*md, "namespace");
    meta.labels = r.string_map(*md, "labels");
    meta.annotations = kept_annotations(r.string_map(*md, "annotations"), meta.kind);
  }
  if (r.ok() && meta.kind != "Config" && meta.name.empty()) {
    r.error(md ? *md : node, fmt::format("{} has no 'metadata.name'", meta.kind));
  }
  if (is_cluster_scoped_kind(meta.kind)) meta.namespace_.clear();  // the API server ignores it
  if (!r.ok()) return;
  if (!meta.namespace_.empty()) model_.namespaces_seen.insert(meta.namespace_);

  const std::string kind = meta.kind;  // a copy: meta is moved into the object below
  if (kind == "Role" || kind == "ClusterRole") {
    Role role{std::move(meta), kind == "ClusterRole", {}, {}};
    read_role(r, node, role);
    if (r.ok()) store(model_.roles, std::move(role));
  } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
    Binding binding{std::move(meta), kind == "ClusterRoleBinding", {}, {}};
    read_binding(r, node, binding);
    if (r.ok()) store(model_.bindings, std::move(binding));
  } else if (kind == "ServiceAccount") {
    ServiceAccount sa{std::move(meta), r.boolean(node, "automountServiceAccountToken"), {}};
    r.for_each_mapping(node, "secrets", [&](NodeId s) { sa.secrets.push_back(r.string(s, "name")); });
    if (r.ok()) store(model_.service_accounts, std::move(sa));
  } else if (kind == "Namespace") {
    model_.namespaces_seen.insert(meta.name);
    store(model_.namespaces, Namespace{std::move(meta)});
  } else if (kind == "Secret") {
    // Only the type and the owning service account: `data` is never read.
    Secret secret{std::move(meta), r.string(node, "type"), {}};
    for (const auto& [k, v] : secret.meta.annotations) {
      if (k == "kubernetes.io/service-account.name") secret.service_account_name = v;
    }
    if (r.ok()) store(model_.secrets, std::move(secret));
  } else if (kind == "CustomResourceDefinition") {
    CustomResourceDefinition crd{std::move(meta), {}, {}, {}, {}, {}, true, {}, {}};
    read_crd(r, node, crd);
    if (r.ok()) store(model_.crds, std::move(crd));
  } else if (kind == "Config") {
    Kubeconfig config{std::move(meta), {}, {}, {}, {}};
    read_kubeconfig(r, node, config);
    model_.kubeconfigs.push_back(std::move(config));  // entries with errors were dropped one by one
  } else if (kind == "ConfigMap") {
    if (meta.name == "aws-auth" && meta.namespace_ == "kube-system") {
      AwsAuth auth{std::move(meta), {}};
      read_aws_auth(r, node, auth, limits_);
      if (r.ok()) store(model_.aws_auth, std::move(auth));
    }
  } else {
    Workload workload{std::move(meta), {}};
    if (const auto spec = pod_spec_of(r, node, workload.meta.kind)) read_pod_spec(r, *spec, workload.pod);
    if (r.ok()) store(model_.workloads, std::move(workload));
  }
}

void ObjectDecoder::finish_file(FilePath file, bool explicit_input, bool unreadable) {
  if (unreadable) {
    // The reader already said what is wrong; "empty" or "not a manifest" would only mislead.
  } else if (file_documents_ == 0) {
    diags_.add(Diagnostic{"input-empty", Severity::warning, SourceLocation{file, 0, 0}, "file holds no YAML or JSON document", {}});
  } else if (file_objects_ == 0 && unkinded_.size() == file_documents_) {
    diags_.add(Diagnostic{"input-not-manifest", explicit_input ? Severity::warning : Severity::note, SourceLocation{file, 0, 0},
                          "no Kubernetes object in this file (no document has a 'kind'); skipped", {}});
  } else {
    for (const SourceLocation& loc : unkinded_) {
      diags_.add(Diagnostic{"input-schema", Severity::warning, loc, "document has no 'kind'; skipped", {}});
    }
  }
  diags_.finish_file(file);
  file_documents_ = 0;
  file_objects_ = 0;
  unkinded_.clear();
}

}  // namespace rbacq::analyzer
