// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/rule_match.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rbacq::analyzer::rbac {
namespace {

bool has(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string quoted_list(const std::vector<std::string>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i != 0) out += ' ';
    // Empty strings (the core group) and anything with spaces are quoted, so nothing is lost.
    const bool quote = list[i].empty() || list[i].find_first_of(" \"[]") != std::string::npos;
    out += quote ? fmt::format("\"{}\"", list[i]) : list[i];
  }
  return out + "]";
}

}  // namespace

bool verb_matches(const PolicyRule& rule, std::string_view verb) {
  return has(rule.verbs, "*") || has(rule.verbs, verb);
}

bool api_group_matches(const PolicyRule& rule, std::string_view group) {
  return has(rule.api_groups, "*") || has(rule.api_groups, group);
}

bool resource_matches(const PolicyRule& rule, std::string_view combined, std::string_view subresource) {
  return std::any_of(rule.resources.begin(), rule.resources.end(), [&](const std::string& r) {
    // "*/SUB" matches SUB of every resource, and only requests that have that subresource.
    return r == "*" || r == combined ||
           (!subresource.empty() && r.size() == subresource.size() + 2 && r.starts_with("*/") && r.ends_with(subresource));
  });
}

bool resource_name_matches(const PolicyRule& rule, std::string_view name) {
  return rule.resource_names.empty() || has(rule.resource_names, name);
}

bool non_resource_url_matches(const PolicyRule& rule, std::string_view path) {
  return std::any_of(rule.non_resource_urls.begin(), rule.non_resource_urls.end(), [&](const std::string& url) {
    if (url == "*" || url == path) return true;
    // Every trailing '*' goes (Go's TrimRight): "/api**" is "/api*". A string prefix, not a path segment.
    return url.ends_with('*') && path.starts_with(std::string_view(url).substr(0, url.find_last_not_of('*') + 1));
  });
}

bool rule_allows(const RequestAttributes& request, const PolicyRule& rule) {
  if (!request.resource_request) return verb_matches(rule, request.verb) && non_resource_url_matches(rule, request.path);
  return verb_matches(rule, request.verb) && api_group_matches(rule, request.api_group) &&
         resource_matches(rule, request.combined_resource(), request.subresource) &&
         resource_name_matches(rule, request.name);
}

bool rule_allows_named(const RequestAttributes& request, const PolicyRule& rule) {
  if (!request.resource_request || !request.name.empty() || rule.resource_names.empty()) return false;
  return verb_matches(rule, request.verb) && api_group_matches(rule, request.api_group) &&
         resource_matches(rule, request.combined_resource(), request.subresource);
}

std::string rule_text(const PolicyRule& rule) {
  std::string out = "verbs=" + quoted_list(rule.verbs);
  if (!rule.api_groups.empty() || !rule.resources.empty()) {
    out += " apiGroups=" + quoted_list(rule.api_groups) + " resources=" + quoted_list(rule.resources);
  }
  if (!rule.resource_names.empty()) out += " resourceNames=" + quoted_list(rule.resource_names);
  if (!rule.non_resource_urls.empty()) out += " nonResourceURLs=" + quoted_list(rule.non_resource_urls);
  return out;
}

}  // namespace rbacq::analyzer::rbac
