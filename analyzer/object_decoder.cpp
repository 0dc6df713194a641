// SPDX-License-Identifier: Apache-2.0
#include "analyzer/object_decoder.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analyzer/base64.hpp"
#include "analyzer/yaml_reader.hpp"

namespace rbacq::analyzer {

/// Reads the fields of one object and remembers whether any had the wrong shape. Each wrong
/// shape is one [input-schema] error at the offending value; the object is then rejected.
class ObjectReader {
 public:
  ObjectReader(const Document& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] SourceLocation loc(NodeId id) const { return doc_.location(id); }
  [[nodiscard]] const Document& doc() const { return doc_; }

  void error(NodeId at, std::string message) {
    ok_ = false;
    diags_.add("input-schema", Severity::error, loc(at), std::move(message));
  }

  /// YAML's null spellings and JSON null: an absent value.
  [[nodiscard]] bool is_null(NodeId id) const {
    const DocNode& n = doc_.node(id);
    if (n.kind == NodeKind::null) return true;
    return n.kind == NodeKind::scalar && !n.quoted &&
           (n.text.empty() || n.text == "~" || n.text == "null" || n.text == "Null" || n.text == "NULL");
  }

  /// The value of `key`, unless absent or null.
  [[nodiscard]] std::optional<NodeId> field(NodeId map, std::string_view key) const {
    const auto v = doc_.find(map, key);
    if (!v || is_null(*v)) return std::nullopt;
    return v;
  }

  /// A mapping-valued field; a value of another shape is an error.
  std::optional<NodeId> mapping(NodeId map, std::string_view key) {
    const auto v = field(map, key);
    if (!v) return std::nullopt;
    if (doc_.kind(*v) != NodeKind::mapping) {
      error(*v, fmt::format("expected a mapping for '{}', got {}", key, doc_.describe(*v)));
      return std::nullopt;
    }
    return v;
  }

  /// Elements of a sequence-valued field; absent is empty, another shape is an error.
  std::span<const NodeId> sequence(NodeId map, std::string_view key) {
    const auto v = field(map, key);
    if (!v) return {};
    if (doc_.kind(*v) != NodeKind::sequence) {
      error(*v, fmt::format("expected a sequence for '{}', got {}", key, doc_.describe(*v)));
      return {};
    }
    return doc_.children(*v);
  }

  std::string string(NodeId map, std::string_view key) {
    const auto v = field(map, key);
    if (!v) return {};
    if (doc_.kind(*v) != NodeKind::scalar) {
      error(*v, fmt::format("expected a string for '{}', got {}", key, doc_.describe(*v)));
      return {};
    }
    return std::string(doc_.text(*v));
  }

  std::vector<std::string> strings(NodeId map, std::string_view key) {
    std::vector<std::string> out;
    const auto items = sequence(map, key);
    out.reserve(items.size());
    for (const NodeId item : items) {
      if (doc_.kind(item) != NodeKind::scalar) {
        error(item, fmt::format("expected a string in '{}', got {}", key, doc_.describe(item)));
        continue;
      }
      out.emplace_back(doc_.text(item));
    }
    return out;
  }

  std::optional<bool> boolean(NodeId map, std::string_view key) {
    const auto v = field(map, key);
    if (!v) return std::nullopt;
    const DocNode& n = doc_.node(*v);
    if (n.kind == NodeKind::scalar && !n.quoted) {
      // YAML 1.1 spellings, as Kubernetes' YAML decoder accepts them.
      static constexpr std::array<std::string_view, 8> yes{"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On"};
      static constexpr std::array<std::string_view, 8> no{"false", "False", "FALSE", "no", "No", "NO", "off", "Off"};
      if (std::find(yes.begin(), yes.end(), n.text) != yes.end()) return true;
      if (std::find(no.begin(), no.end(), n.text) != no.end()) return false;
    }
    error(*v, fmt::format("expected true or false for '{}', got {}", key,
                          n.kind == NodeKind::scalar ? fmt::format("'{}'", n.text) : std::string(doc_.describe(*v))));
    return std::nullopt;
  }

  Labels string_map(NodeId map, std::string_view key) {
    Labels out;
    const auto m = mapping(map, key);
    if (!m) return out;
    const auto kids = doc_.children(*m);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const NodeId k = kids[i];
      const NodeId v = kids[i + 1];
      if (doc_.kind(k) != NodeKind::scalar) {
        error(k, fmt::format("expected a string key in '{}', got {}", key, doc_.describe(k)));
        continue;
      }
      if (is_null(v)) {
        out.emplace_back(doc_.text(k), std::string());
      } else if (doc_.kind(v) != NodeKind::scalar) {
        error(v, fmt::format("expected a string value for '{}' in '{}', got {}", doc_.text(k), key, doc_.describe(v)));
      } else {
        out.emplace_back(doc_.text(k), doc_.text(v));
      }
    }
    return out;
  }

 private:
  const Document& doc_;
  Diagnostics& diags_;
  bool ok_ = true;
};

namespace {

constexpr std::string_view kRbacGroup = "rbac.authorization.k8s.io";

std::string_view group_of(std::string_view api_version) {
  const auto slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view{} : api_version.substr(0, slash);
}

bool is_cluster_scoped(std::string_view kind) {
  return kind == "ClusterRole" || kind == "ClusterRoleBinding" || kind == "Namespace" ||
         kind == "CustomResourceDefinition" || kind == "Config";
}

/// The API group(s) in which rbacq knows `kind`; nullopt for kinds it does not decode.
bool known_group(std::string_view kind, std::string_view group) {
  if (kind == "Role" || kind == "ClusterRole" || kind == "RoleBinding" || kind == "ClusterRoleBinding") {
    return group == kRbacGroup;
  }
  if (kind == "ServiceAccount" || kind == "Namespace" || kind == "Secret" || kind == "Pod" ||
      kind == "ReplicationController" || kind == "ConfigMap" || kind == "Config") {
    return group.empty();
  }
  if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet") {
    return group == "apps" || group == "extensions";
  }
  if (kind == "Job" || kind == "CronJob") return group == "batch";
  if (kind == "CustomResourceDefinition") return group == "apiextensions.k8s.io";
  return false;
}

bool is_known_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 17> kinds{
      "Role",        "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount", "Namespace",
      "Secret",      "Pod",         "ReplicationController", "ConfigMap", "Config",    "Deployment",
      "StatefulSet", "DaemonSet",   "ReplicaSet",  "Job",               "CronJob"};
  return kind == "CustomResourceDefinition" || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

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
  for (const NodeId e : r.sequence(node, "matchExpressions")) {
    if (r.doc().kind(e) != NodeKind::mapping) {
      r.error(e, fmt::format("expected a mapping in 'matchExpressions', got {}", r.doc().describe(e)));
      continue;
    }
    s.match_expressions.push_back({r.string(e, "key"), r.string(e, "operator"), r.strings(e, "values")});
  }
  return s;
}

/// Each element of `key` must be a mapping; calls `each(node)` for those that are.
template <class F>
void for_each_mapping(ObjectReader& r, NodeId map, std::string_view key, F each) {
  for (const NodeId item : r.sequence(map, key)) {
    if (r.doc().kind(item) != NodeKind::mapping) {
      r.error(item, fmt::format("expected a mapping in '{}', got {}", key, r.doc().describe(item)));
      continue;
    }
    each(item);
  }
}

void read_role(ObjectReader& r, NodeId node, Role& role) {
  for_each_mapping(r, node, "rules", [&](NodeId rule) { role.rules.push_back(read_rule(r, rule)); });
  if (!role.cluster) return;
  if (const auto agg = r.mapping(node, "aggregationRule")) {
    AggregationRule a;
    a.loc = r.loc(*agg);
    for_each_mapping(r, *agg, "clusterRoleSelectors", [&](NodeId s) { a.selectors.push_back(read_selector(r, s)); });
    role.aggregation = std::move(a);
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
      r.error(*ref, fmt::format("'roleRef' needs a 'kind' and a 'name'"));
    }
  }
  for_each_mapping(r, node, "subjects", [&](NodeId s) {
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
    for_each_mapping(r, spec, list, [&](NodeId c) {
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
  for_each_mapping(r, spec, "volumes", [&](NodeId v) {
    if (const auto hp = r.mapping(v, "hostPath")) {
      pod.host_paths.push_back({r.string(v, "name"), r.string(*hp, "path"), r.loc(v)});
    }
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
  for_each_mapping(r, *spec, "versions", [&](NodeId v) {
    crd.versions.push_back(r.string(v, "name"));
    add_subresources(v);
  });
}

/// The DER bytes of the first certificate of a PEM text (what `openssl x509 -fingerprint` hashes).
std::optional<std::string> certificate_der(std::string_view pem) {
  constexpr std::string_view begin = "-----BEGIN CERTIFICATE-----";
  constexpr std::string_view end = "-----END CERTIFICATE-----";
  const auto b = pem.find(begin);
  if (b == std::string_view::npos) return std::nullopt;
  const auto e = pem.find(end, b);
  if (e == std::string_view::npos) return std::nullopt;
  return decode_base64(pem.substr(b + begin.size(), e - b - begin.size()));
}

void read_kubeconfig(ObjectReader& r, NodeId node, Kubeconfig& config, Diagnostics& diags) {
  config.current_context = r.string(node, "current-context");
  for_each_mapping(r, node, "clusters", [&](NodeId item) {
    KubeconfigCluster c;
    c.loc = r.loc(item);
    c.name = r.string(item, "name");
    if (const auto body = r.mapping(item, "cluster")) {
      c.server = r.string(*body, "server");
      c.has_ca_data = r.field(*body, "certificate-authority-data").has_value();
      c.insecure_skip_tls_verify = r.boolean(*body, "insecure-skip-tls-verify").value_or(false);
    }
    config.clusters.push_back(std::move(c));
  });
  for_each_mapping(r, node, "contexts", [&](NodeId item) {
    KubeconfigContext c;
    c.loc = r.loc(item);
    c.name = r.string(item, "name");
    if (const auto body = r.mapping(item, "context")) {
      c.cluster = r.string(*body, "cluster");
      c.user = r.string(*body, "user");
      c.namespace_ = r.string(*body, "namespace");
    }
    config.contexts.push_back(std::move(c));
  });
  for_each_mapping(r, node, "users", [&](NodeId item) {
    KubeconfigUser u;
    u.loc = r.loc(item);
    u.name = r.string(item, "name");
    if (const auto body = r.mapping(item, "user")) {
      if (const auto data = r.field(*body, "client-certificate-data")) {
        auto pem = r.doc().kind(*data) == NodeKind::scalar ? decode_base64(r.doc().text(*data)) : std::nullopt;
        if (auto der = pem ? certificate_der(*pem) : std::nullopt) {
          u.client_certificate_data = Sensitive(std::move(*der));
        } else {
          // kubectl would refuse this kubeconfig; templates with placeholders do this on purpose.
          diags.add("input-credential", Severity::warning, r.loc(*data),
                    fmt::format("'client-certificate-data' of user '{}' is not a base64 PEM certificate; ignored", u.name));
        }
      }
      u.client_certificate_file = r.string(*body, "client-certificate");
      u.has_client_key = r.field(*body, "client-key-data").has_value() || r.field(*body, "client-key").has_value();
      if (auto token = r.string(*body, "token"); !token.empty()) u.token = Sensitive(std::move(token));
      u.token_file = r.string(*body, "tokenFile");
      u.has_basic_auth = r.field(*body, "username").has_value() || r.field(*body, "password").has_value();
      if (const auto exec = r.mapping(*body, "exec")) u.exec_command = r.string(*exec, "command");
      if (const auto provider = r.mapping(*body, "auth-provider")) u.auth_provider = r.string(*provider, "name");
      u.impersonate = r.string(*body, "as");
      u.impersonate_groups = r.strings(*body, "as-groups");
    }
    config.users.push_back(std::move(u));
  });
}

/// mapRoles / mapUsers of aws-auth: YAML text inside a string, decoded with the same reader.
void read_aws_auth(ObjectReader& r, NodeId node, AwsAuth& auth, const LoadLimits& limits, Diagnostics& diags) {
  const auto data = r.mapping(node, "data");
  if (!data) return;
  for (const auto& [key, is_role] : {std::pair{"mapRoles", true}, std::pair{"mapUsers", false}}) {
    const auto value = r.field(*data, key);
    if (!value || r.doc().kind(*value) != NodeKind::scalar) continue;
    SourceText text;
    text.path = r.doc().file();
    text.bytes = std::string(r.doc().text(*value));
    const SourceLocation at = r.loc(*value);
    // A block scalar's content starts on the line after its indicator.
    text.first_line = at.line + (text.bytes.find('\n') != std::string::npos ? 1 : 0);
    read_yaml(text, limits, diags, [&](const Document& inner) {
      ObjectReader ir(inner, diags);
      if (inner.kind(inner.root()) != NodeKind::sequence) {
        ir.error(inner.root(), fmt::format("expected a sequence in aws-auth '{}', got {}", key, inner.describe(inner.root())));
        return;
      }
      for (const NodeId m : inner.children(inner.root())) {
        if (inner.kind(m) != NodeKind::mapping) continue;
        AwsAuthMapping mapping;
        mapping.is_role = is_role;
        mapping.arn = ir.string(m, is_role ? "rolearn" : "userarn");
        mapping.username = ir.string(m, "username");
        mapping.groups = ir.strings(m, "groups");
        mapping.loc = ir.loc(m);
        auth.mappings.push_back(std::move(mapping));
      }
    });
  }
}

}  // namespace

template <class T>
void ObjectDecoder::store(std::vector<T>& objects, T object) {
  auto key = std::make_tuple(object.meta.kind, object.meta.namespace_, object.meta.name);
  const auto [it, inserted] = seen_.try_emplace(std::move(key), objects.size(), object.meta.loc);
  if (inserted) {
    objects.push_back(std::move(object));
    return;
  }
  // Applied in order, the later definition replaces the earlier one: keep the later, say so.
  const std::string& ns = object.meta.namespace_;
  diags_.add("input-duplicate", Severity::warning, object.meta.loc,
             fmt::format("{} '{}{}{}' is defined more than once; this definition replaces the earlier one",
                         object.meta.kind, ns, ns.empty() ? "" : "/", object.meta.name),
             {Note{it->second.second, "earlier definition is here"}});
  objects[it->second.first] = std::move(object);
  it->second.second = objects[it->second.first].meta.loc;
}

void ObjectDecoder::decode(const Document& doc) {
  if (doc.empty()) return;
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
    diags_.add("input-schema", Severity::error, doc.location(node),
               fmt::format("expected a Kubernetes object (a mapping), got {}", doc.describe(node)));
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
    ++file_unkinded_;
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
      diags_.add("input-limit", Severity::error, meta.loc,
                 fmt::format("more than {} objects; the rest are not loaded", limits_.max_objects));
    }
    return;
  }
  ++file_objects_;
  const std::string_view group = group_of(meta.api_version);
  const bool known = is_known_kind(meta.kind) && known_group(meta.kind, group);
  if (known || !is_known_kind(meta.kind)) {
    ++model_.counts[meta.kind];
  } else {
    // Same kind, other API: OpenShift's legacy `v1` ClusterRole, a CRD reusing a name, a typo.
    ++model_.counts[fmt::format("{} ({})", meta.kind, meta.api_version)];
    diags_.add("input-api-version", Severity::note, meta.loc,
               fmt::format("{} with apiVersion '{}' is not the Kubernetes {}; counted, not analysed", meta.kind,
                           meta.api_version, meta.kind));
  }

  // metadata: every kind we decode needs a name, except a kubeconfig.
  const auto md = r.mapping(node, "metadata");
  if (md) {
    meta.name = r.string(*md, "name");
    if (meta.name.empty()) meta.name = r.string(*md, "generateName");
    meta.namespace_ = r.string(*md, "namespace");
    meta.labels = r.string_map(*md, "labels");
    meta.annotations = r.string_map(*md, "annotations");
  }
  if (!known) return;  // counted, skipped
  if (r.ok() && meta.kind != "Config" && meta.name.empty()) {
    r.error(md ? *md : node, fmt::format("{} has no 'metadata.name'", meta.kind));
  }
  if (is_cluster_scoped(meta.kind)) meta.namespace_.clear();  // the API server ignores it
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
    for_each_mapping(r, node, "secrets", [&](NodeId s) { sa.secrets.push_back(r.string(s, "name")); });
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
    read_kubeconfig(r, node, config, diags_);
    if (r.ok()) model_.kubeconfigs.push_back(std::move(config));
  } else if (kind == "ConfigMap") {
    if (meta.name == "aws-auth" && meta.namespace_ == "kube-system") {
      AwsAuth auth{std::move(meta), {}};
      read_aws_auth(r, node, auth, limits_, diags_);
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
    diags_.add("input-empty", Severity::warning, SourceLocation{file, 0, 0}, "file holds no YAML or JSON document");
  } else if (file_objects_ == 0 && file_unkinded_ == file_documents_) {
    diags_.add("input-not-manifest", explicit_input ? Severity::warning : Severity::note, SourceLocation{file, 0, 0},
               "no Kubernetes object in this file (no document has a 'kind'); skipped");
  } else {
    for (const SourceLocation& loc : unkinded_) {
      diags_.add("input-schema", Severity::warning, loc, "document has no 'kind'; skipped");
    }
  }
  file_documents_ = 0;
  file_objects_ = 0;
  file_unkinded_ = 0;
  unkinded_.clear();
}

}  // namespace rbacq::analyzer
