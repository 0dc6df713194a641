// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/authorizer.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyzer/rbac/identity.hpp"
#include "analyzer/rbac/rule_match.hpp"
#include "analyzer/rbac/subject_match.hpp"

namespace rbacq::analyzer::rbac {
namespace {

std::uint64_t rule_key(std::string_view verb, std::string_view group, std::string_view resource) {
  const std::hash<std::string_view> h;
  std::uint64_t seed = h(verb);
  for (const std::string_view part : {group, resource}) seed ^= h(part) + 0x9e3779b97f4a7c15ULL + (seed << 6U) + (seed >> 2U);
  return seed;
}

/// The API server's NotFound wording for a role that is not there.
std::string not_found(const RoleRef& ref, bool cluster_role) {
  return fmt::format("{}.rbac.authorization.k8s.io \"{}\" not found", cluster_role ? "clusterrole" : "role", ref.name);
}

const char* binding_kind(const Binding& b) { return b.cluster ? "ClusterRoleBinding" : "RoleBinding"; }

}  // namespace

std::string Decision::reason() const {
  if (via == Via::privileged_group) {
    return fmt::format("allowed by the privileged-group authorizer: the user is in group {}", kPrivilegedGroup);
  }
  if (via == Via::rbac) {
    const Grant& g = grants.front();
    const Subject& s = g.binding().subjects[g.subject];
    std::string who = fmt::format("{} \"{}\"", s.kind, s.name);
    if (s.kind == "ServiceAccount") {  // upstream's describeSubject writes NAME/NAMESPACE
      who = fmt::format("{} \"{}/{}\"", s.kind, s.name, service_account_namespace(s, g.binding().cluster ? "" : g.binding().meta.namespace_));
    }
    const std::string binding =
        g.binding().cluster ? fmt::format("\"{}\"", g.binding().meta.name) : fmt::format("\"{}/{}\"", g.binding().meta.name, g.binding().meta.namespace_);
    return fmt::format("RBAC: allowed by {} {} of {} \"{}\" to {}", binding_kind(g.binding()), binding, g.binding().role_ref.kind,
                       g.binding().role_ref.name, who);
  }
  if (errors.empty()) return {};
  std::vector<std::string> messages;
  for (const ResolvedBinding* e : errors) messages.push_back(e->error);
  return fmt::format("RBAC: {}", fmt::join(messages, ", "));
}

Authorizer::Authorizer(const Model& model) {
  std::map<std::string, const Role*, std::less<>> cluster_roles;
  std::map<std::pair<std::string, std::string>, const Role*> roles;
  for (const Role& r : model.roles) {
    if (r.cluster) {
      cluster_roles[r.meta.name] = &r;
    } else {
      roles[{r.meta.namespace_, r.meta.name}] = &r;
    }
  }
  std::vector<const Binding*> ordered;
  for (const Binding& b : model.bindings) ordered.push_back(&b);
  // ClusterRoleBindings first, then RoleBindings by namespace; by name within each.
  std::stable_sort(ordered.begin(), ordered.end(), [](const Binding* a, const Binding* b) {
    return std::tuple(!a->cluster, a->meta.namespace_, a->meta.name) < std::tuple(!b->cluster, b->meta.namespace_, b->meta.name);
  });
  bindings_.reserve(ordered.size());
  for (const Binding* b : ordered) {
    ResolvedBinding rb{b, nullptr, {}};
    const RoleRef& ref = b->role_ref;
    // GetRoleReferenceRules: a Role is looked up in the binding's own namespace ("" for a
    // ClusterRoleBinding, where it can never exist); roleRef.apiGroup is not consulted.
    if (ref.kind == "ClusterRole") {
      const auto it = cluster_roles.find(ref.name);
      if (it != cluster_roles.end()) rb.role = it->second;
      else rb.error = not_found(ref, true);
    } else if (ref.kind == "Role") {
      const auto it = b->cluster ? roles.end() : roles.find({b->meta.namespace_, ref.name});
      if (it != roles.end()) rb.role = it->second;
      else rb.error = not_found(ref, false);
    } else {
      rb.error = fmt::format("unsupported role reference kind: \"{}\"", ref.kind);
    }
    bindings_.push_back(std::move(rb));
    const std::size_t index = bindings_.size() - 1;
    if (b->cluster) cluster_bindings_.push_back(index);
    else namespace_bindings_[b->meta.namespace_].push_back(index);
    index_rules(index);
  }
  for (auto& [ns, rules] : resource_index_) {
    std::sort(rules.begin(), rules.end(), [](const HashedRule& a, const HashedRule& b) {
      return std::tie(a.key, a.ref.binding, a.ref.rule) < std::tie(b.key, b.ref.binding, b.ref.rule);
    });
    rules.erase(std::unique(rules.begin(), rules.end(),
                            [](const HashedRule& a, const HashedRule& b) {
                              return a.key == b.key && a.ref.binding == b.ref.binding && a.ref.rule == b.ref.rule;
                            }),
                rules.end());
  }
}

void Authorizer::index_rules(std::size_t binding_index) {
  const ResolvedBinding& rb = bindings_[binding_index];
  if (rb.role == nullptr) return;
  const std::string_view ns = rb.binding->cluster ? std::string_view{} : std::string_view(rb.binding->meta.namespace_);
  std::vector<HashedRule>& index = resource_index_[ns];
  for (std::size_t i = 0; i < rb.role->rules.size(); ++i) {
    const PolicyRule& rule = rb.role->rules[i];
    // Only ClusterRoleBindings ever see a non-resource request (its namespace is "").
    if (rb.binding->cluster && !rule.non_resource_urls.empty() && !rule.verbs.empty()) {
      non_resource_rules_.push_back({binding_index, i});
    }
    for (const std::string& verb : rule.verbs) {
      for (const std::string& group : rule.api_groups) {
        for (const std::string& resource : rule.resources) index.push_back({rule_key(verb, group, resource), {binding_index, i}});
      }
    }
  }
}

const std::vector<std::size_t>& Authorizer::bindings_in(std::string_view namespace_) const {
  static const std::vector<std::size_t> kNone;
  if (namespace_.empty()) return kNone;  // no RoleBinding applies to a request without namespace
  const auto it = namespace_bindings_.find(std::string(namespace_));
  return it == namespace_bindings_.end() ? kNone : it->second;
}

void Authorizer::collect(std::string_view namespace_, const RequestAttributes& request, std::vector<RuleRef>& out) const {
  const auto found = resource_index_.find(namespace_);
  if (found == resource_index_.end()) return;
  const std::vector<HashedRule>& index = found->second;
  const std::string combined = request.combined_resource();
  std::vector<std::string_view> resources{combined, "*"};
  const std::string star_sub = "*/" + request.subresource;
  if (!request.subresource.empty()) resources.emplace_back(star_sub);  // "*/SUB" only with a subresource
  for (const std::string_view verb : {std::string_view(request.verb), std::string_view("*")}) {
    for (const std::string_view group : {std::string_view(request.api_group), std::string_view("*")}) {
      for (const std::string_view resource : resources) {
        const std::uint64_t key = rule_key(verb, group, resource);
        auto it = std::lower_bound(index.begin(), index.end(), key, [](const HashedRule& r, std::uint64_t k) { return r.key < k; });
        for (; it != index.end() && it->key == key; ++it) {
          if (rule_allows(request, bindings_[it->ref.binding].role->rules[it->ref.rule])) out.push_back(it->ref);
        }
      }
    }
  }
}

Decision Authorizer::authorize(const UserInfo& user, const RequestAttributes& request) const {
  Decision decision;
  if (std::find(user.groups.begin(), user.groups.end(), kPrivilegedGroup) != user.groups.end()) {
    decision.via = Via::privileged_group;
  }
  // VisitRulesFor: every ClusterRoleBinding, then the RoleBindings of the request namespace.
  const auto visit = [&](std::size_t index) {
    const ResolvedBinding& rb = bindings_[index];
    const std::string_view ns = rb.binding->cluster ? std::string_view{} : std::string_view(rb.binding->meta.namespace_);
    const auto subject = applies_to(user, rb.binding->subjects, ns);
    if (!subject) return;
    if (rb.role == nullptr) {
      decision.errors.push_back(&rb);
      return;
    }
    for (std::size_t i = 0; i < rb.role->rules.size(); ++i) {
      if (rule_allows(request, rb.role->rules[i])) decision.grants.push_back({&rb, *subject, i});
    }
  };
  for (const std::size_t index : cluster_bindings_) visit(index);
  if (request.resource_request) {
    for (const std::size_t index : bindings_in(request.namespace_)) visit(index);
  }
  if (decision.via == Via::none && !decision.grants.empty()) decision.via = Via::rbac;
  return decision;
}

WhoCanResult Authorizer::who_can(const RequestAttributes& request) const {
  std::vector<RuleRef> refs;
  if (request.resource_request) {
    collect("", request, refs);
    if (!request.namespace_.empty()) collect(request.namespace_, request, refs);
  } else {
    for (const RuleRef& ref : non_resource_rules_) {
      if (rule_allows(request, bindings_[ref.binding].role->rules[ref.rule])) refs.push_back(ref);
    }
  }
  std::sort(refs.begin(), refs.end(), [](const RuleRef& a, const RuleRef& b) { return std::tie(a.binding, a.rule) < std::tie(b.binding, b.rule); });
  refs.erase(std::unique(refs.begin(), refs.end(), [](const RuleRef& a, const RuleRef& b) { return a.binding == b.binding && a.rule == b.rule; }),
             refs.end());

  std::map<SubjectKey, std::vector<Grant>> by_subject;
  for (const RuleRef& ref : refs) {
    const ResolvedBinding& rb = bindings_[ref.binding];
    const std::string_view binding_ns = rb.binding->cluster ? std::string_view{} : std::string_view(rb.binding->meta.namespace_);
    for (std::size_t s = 0; s < rb.binding->subjects.size(); ++s) {
      const Subject& subject = rb.binding->subjects[s];
      SubjectKey key{subject.kind, subject.name, {}};
      if (subject.kind == "ServiceAccount") {
        key.namespace_ = std::string(service_account_namespace(subject, binding_ns));
        if (key.namespace_.empty()) continue;  // never matches anyone
      } else if (subject.kind != "User" && subject.kind != "Group") {
        continue;  // a kind the authorizer never matches
      }
      by_subject[key].push_back({&rb, s, ref.rule});
    }
  }

  WhoCanResult result;
  const SubjectKey masters{"Group", std::string(kPrivilegedGroup), {}};
  WhoCanSubject privileged{masters, true, {}};
  if (const auto it = by_subject.find(masters); it != by_subject.end()) {
    privileged.grants = std::move(it->second);
    by_subject.erase(it);
  }
  result.subjects.push_back(std::move(privileged));
  for (auto& [key, grants] : by_subject) result.subjects.push_back({key, false, std::move(grants)});

  const auto scope_errors = [&](const std::vector<std::size_t>& indexes) {
    for (const std::size_t i : indexes) {
      if (bindings_[i].role == nullptr) result.errors.push_back(&bindings_[i]);
    }
  };
  scope_errors(cluster_bindings_);
  if (request.resource_request) scope_errors(bindings_in(request.namespace_));
  return result;
}

std::vector<std::string> Authorizer::namespaces_allowing(const RequestAttributes& request) const {
  std::vector<std::string> out;
  if (!request.resource_request) return out;
  RequestAttributes inside = request;
  std::vector<RuleRef> refs;
  for (const auto& [ns, rules] : resource_index_) {
    if (ns.empty()) continue;
    inside.namespace_ = std::string(ns);
    refs.clear();
    collect(ns, inside, refs);
    if (!refs.empty()) out.emplace_back(ns);
  }
  std::sort(out.begin(), out.end());
  return out;
}

RulesReview Authorizer::rules_for(const UserInfo& user, std::string_view namespace_) const {
  RulesReview review;
  review.privileged = std::find(user.groups.begin(), user.groups.end(), kPrivilegedGroup) != user.groups.end();
  const auto visit = [&](std::size_t index) {
    const ResolvedBinding& rb = bindings_[index];
    const std::string_view ns = rb.binding->cluster ? std::string_view{} : std::string_view(rb.binding->meta.namespace_);
    const auto subject = applies_to(user, rb.binding->subjects, ns);
    if (!subject) return;
    if (rb.role == nullptr) {
      review.errors.push_back(&rb);
      return;
    }
    for (std::size_t i = 0; i < rb.role->rules.size(); ++i) review.rules.push_back({&rb, *subject, i});
  };
  for (const std::size_t index : cluster_bindings_) visit(index);
  for (const std::size_t index : bindings_in(namespace_)) visit(index);
  return review;
}

}  // namespace rbacq::analyzer::rbac
