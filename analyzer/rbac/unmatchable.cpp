// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/unmatchable.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

namespace rbacq::analyzer::rbac {
namespace {

using catalogue::ApiCatalogue;
using catalogue::ApiResource;

/// What RequestInfo makes of an HTTP method on a resource path (k8s-rbac-semantics §1): any
/// resource can be asked with these, whatever it serves. `proxy` is the legacy /proxy/ prefix.
constexpr std::array<std::string_view, 9> kRequestVerbs{"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "proxy"};

/// Subresources no API serves but an authorization check asks about, so that rules naming them
/// do match: `R/finalizers` of any resource (OwnerReferencesPermissionEnforcement asks update on
/// it to set blockOwnerDeletion), endpoints|endpointslices/restricted (writing restricted
/// addresses), certificatesigningrequests/nodeclient|selfnodeclient (the CSR approver's
/// SubjectAccessReview), and userextras/KEY (impersonating an extra, KEY is the extra's name).
bool checked_subresource(std::string_view resource, std::string_view group, std::string_view sub) {
  if (sub == "finalizers") return true;
  if (sub == "restricted") return (group.empty() && resource == "endpoints") || (group == "discovery.k8s.io" && resource == "endpointslices");
  if (group == "certificates.k8s.io" && resource == "certificatesigningrequests") return sub == "nodeclient" || sub == "selfnodeclient";
  return group == "authentication.k8s.io" && resource == "userextras";
}

bool has_upper(std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }); }

bool contains(const std::vector<std::string>& list, std::string_view s) { return std::find(list.begin(), list.end(), s) != list.end(); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// `[""]`, `["" apps]`: groups as the rest of rbacq prints lists.
std::string groups_text(const std::vector<std::string>& groups) {
  std::vector<std::string> items;
  items.reserve(groups.size());
  for (const auto& g : groups) items.push_back(g.empty() ? std::string("\"\"") : g);
  return fmt::format("[{}]", fmt::join(items, " "));
}

/// Why `resource` (no subresource) is served by none of `groups`, with what was probably meant.
std::string missing_resource(std::string_view resource, const std::vector<std::string>& groups, const ApiCatalogue& catalogue) {
  const ApiCatalogue::Lookup found = catalogue.resolve(resource);
  std::vector<std::string> elsewhere;
  for (const ApiResource* r : found.matches) {
    if (r->name == resource) elsewhere.push_back(r->group.empty() ? std::string("\"\"") : r->group);
  }
  if (!elsewhere.empty()) {
    return fmt::format("resource {} is not in apiGroups {}: it is served in {}", resource, groups_text(groups), fmt::join(elsewhere, ", "));
  }
  if (!found.matches.empty()) {
    const ApiResource& r = *found.matches.front();
    const std::string group = r.group.empty() ? std::string("\"\"") : r.group;
    return fmt::format("resource {} is not a plural resource name: rules name {} (group {})", resource, r.name, group);
  }
  if (!found.candidates.empty()) {
    return fmt::format("resource {} is served by no group of {} (did you mean {}?)", resource, groups_text(groups), found.candidates.front());
  }
  return fmt::format("resource {} is served by no group of {} in Kubernetes 1.{}", resource, groups_text(groups), catalogue.minor());
}

}  // namespace

std::vector<std::string> unmatchable_parts(const PolicyRule& rule, const ApiCatalogue& catalogue) {
  std::vector<std::string> out;
  const bool urls = !rule.non_resource_urls.empty();
  const bool resources = !rule.resources.empty() || !rule.api_groups.empty();
  if (rule.verbs.empty()) out.emplace_back("verbs is empty");
  if (resources && rule.api_groups.empty()) out.emplace_back("apiGroups is empty");
  if (resources && rule.resources.empty()) out.emplace_back("resources is empty");

  // The resources: which the catalogue knows, and the verbs they may be asked with.
  // Only in the groups Kubernetes itself serves does "no such resource" mean the rule is wrong
  // rather than that the input lacks a CustomResourceDefinition.
  const bool judge_groups = !rule.api_groups.empty() && !contains(rule.api_groups, "*") &&
                            std::all_of(rule.api_groups.begin(), rule.api_groups.end(), [&](const std::string& g) { return catalogue.is_builtin_group(g); });
  bool all_known = judge_groups;  // every resource resolved: verbs can be judged too
  std::set<std::string, std::less<>> verbs(kRequestVerbs.begin(), kRequestVerbs.end());
  std::vector<std::string> resource_parts;
  for (const std::string& resource : rule.resources) {
    if (resource == "*") {
      all_known = false;
      continue;
    }
    const std::size_t slash = resource.find('/');
    const std::string_view base = std::string_view(resource).substr(0, slash);
    const std::string_view sub = slash == std::string::npos ? std::string_view() : std::string_view(resource).substr(slash + 1);
    if (has_upper(resource)) {
      resource_parts.push_back(fmt::format("resource {} has upper-case letters: resources are compared case-sensitively with lower-case "
                                           "plural names ({})",
                                           resource, lower(resource)));
      all_known = false;
      continue;
    }
    if (slash != std::string::npos && sub == "*") {
      resource_parts.push_back(fmt::format("resource {} is not a wildcard: only * and */SUBRESOURCE are, so it matches nothing (list the "
                                           "subresources, such as {}/exec)",
                                           resource, base));
      all_known = false;
      continue;
    }
    if (!judge_groups || base == "*") {
      all_known = false;
      continue;
    }
    std::vector<const ApiResource*> served;
    for (const std::string& g : rule.api_groups) {
      if (const ApiResource* r = catalogue.find(g, base)) served.push_back(r);
    }
    if (served.empty()) {
      resource_parts.push_back(missing_resource(base, rule.api_groups, catalogue));
      all_known = false;
      continue;
    }
    if (!sub.empty()) {
      bool found = false;
      for (const ApiResource* r : served) {
        if (const auto* s = r->subresource(sub)) {
          found = true;
          verbs.insert(s->verbs.begin(), s->verbs.end());
        } else if (checked_subresource(r->name, r->group, sub)) {
          found = true;
          verbs.insert(r->verbs.begin(), r->verbs.end());  // the check asks the resource's verbs
        }
      }
      if (!found) {
        std::vector<std::string> names;
        for (const auto& s : served.front()->subresources) names.push_back(s.name);
        resource_parts.push_back(names.empty() ? fmt::format("resource {}: {} has no subresources", resource, base)
                                               : fmt::format("resource {}: {} has no subresource {} ({})", resource, base, sub, fmt::join(names, ", ")));
        all_known = false;
      }
      continue;
    }
    for (const ApiResource* r : served) verbs.insert(r->verbs.begin(), r->verbs.end());
  }
  // A `*/SUB` subresource no served resource of the groups has.
  if (judge_groups) {
    for (const std::string& resource : rule.resources) {
      if (!resource.starts_with("*/") || has_upper(resource)) continue;
      const std::string_view sub = std::string_view(resource).substr(2);
      const bool any = std::any_of(catalogue.resources().begin(), catalogue.resources().end(), [&](const ApiResource& r) {
        return contains(rule.api_groups, r.group) && r.subresource(sub) != nullptr;
      });
      if (!any) resource_parts.push_back(fmt::format("resource {}: no resource of apiGroups {} has a subresource {}", resource,
                                                     groups_text(rule.api_groups), sub));
    }
  }

  for (const std::string& verb : rule.verbs) {
    if (verb == "*") continue;
    if (has_upper(verb)) {
      out.push_back(fmt::format("verb {} has upper-case letters: verbs are compared case-sensitively ({})", verb, lower(verb)));
    } else if (resources && !urls && all_known && !rule.resources.empty() && !verbs.contains(verb)) {
      out.push_back(fmt::format("verb {} is asked of none of resources [{}]", verb, fmt::join(rule.resources, " ")));
    }
  }
  out.insert(out.end(), resource_parts.begin(), resource_parts.end());
  return out;
}

}  // namespace rbacq::analyzer::rbac
