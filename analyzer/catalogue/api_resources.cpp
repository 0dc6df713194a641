// SPDX-License-Identifier: Apache-2.0
#include "analyzer/catalogue/api_resources.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "analyzer/catalogue/builtin_resources.hpp"
#include "support/edit_distance.hpp"

namespace rbacq::analyzer::catalogue {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<Subresource> parse_subresources(std::string_view text) {
  std::vector<Subresource> out;
  for (const std::string& item : split(text, ' ')) {
    const std::size_t eq = item.find('=');
    out.push_back({item.substr(0, eq), split(std::string_view(item).substr(eq + 1), ',')});
  }
  return out;
}

ApiResource from_builtin(const BuiltinResource& b) {
  ApiResource r;
  r.name = b.name;
  r.group = b.group;
  r.kind = b.kind;
  r.singular = lower(b.kind);
  r.short_names = split(b.short_names, ' ');
  r.namespaced = b.namespaced;
  r.verbs = split(b.verbs, ' ');
  r.subresources = parse_subresources(b.subresources);
  r.authorization_only = b.authorization_only;
  return r;
}

ApiResource from_crd(const CustomResourceDefinition& crd) {
  ApiResource r;
  r.name = crd.plural;
  r.group = crd.group;
  r.kind = crd.kind;
  r.singular = crd.singular.empty() ? lower(crd.kind) : crd.singular;
  r.short_names = crd.short_names;
  r.namespaced = crd.namespaced;
  r.verbs = split("create delete deletecollection get list patch update watch", ' ');
  for (const std::string& sub : crd.subresources) r.subresources.push_back({sub, {"get", "patch", "update"}});
  r.crd = crd.meta.loc;
  return r;
}

bool names_match(const ApiResource& r, std::string_view wanted) {
  if (lower(r.name) == wanted || r.singular == wanted || lower(r.kind) == wanted) return !r.name.empty();
  return std::any_of(r.short_names.begin(), r.short_names.end(), [&](const std::string& s) { return lower(s) == wanted; });
}

bool is_version(std::string_view s) {
  // v1, v1beta1, v2alpha3
  if (s.size() < 2 || s[0] != 'v' || std::isdigit(static_cast<unsigned char>(s[1])) == 0) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

const Subresource* ApiResource::subresource(std::string_view sub) const {
  const auto it = std::find_if(subresources.begin(), subresources.end(), [&](const Subresource& s) { return s.name == sub; });
  return it == subresources.end() ? nullptr : &*it;
}

std::optional<int> parse_version(std::string_view text) {
  if (text.starts_with('v')) text.remove_prefix(1);
  if (!text.starts_with("1.")) return std::nullopt;
  text.remove_prefix(2);
  int minor = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), minor);
  // "1.31" and "1.31.2" are both 1.31.
  if (ec != std::errc{} || (end != text.data() + text.size() && *end != '.')) return std::nullopt;
  if (minor < kOldestMinor || minor > kNewestMinor) return std::nullopt;
  return minor;
}

ApiCatalogue::ApiCatalogue(int minor, const std::vector<CustomResourceDefinition>& crds) : minor_(minor) {
  for (const BuiltinResource& b : builtin_resources()) {
    if (b.since_minor > minor || (b.until_minor != 0 && b.until_minor < minor)) continue;
    ApiResource r = from_builtin(b);
    const auto it = std::find_if(resources_.begin(), resources_.end(),
                                 [&](const ApiResource& x) { return x.group == r.group && x.name == r.name; });
    if (it == resources_.end()) {
      resources_.push_back(std::move(r));
    } else {  // a later row adds subresources (of a newer release, or the kubelet's)
      for (auto& sub : r.subresources) it->subresources.push_back(std::move(sub));
    }
  }
  for (const CustomResourceDefinition& crd : crds) {
    if (crd.plural.empty() || crd.group.empty()) continue;
    ApiResource r = from_crd(crd);
    auto it = std::find_if(resources_.begin(), resources_.end(),
                           [&](const ApiResource& x) { return x.group == r.group && x.name == r.name; });
    if (it == resources_.end()) {
      resources_.push_back(std::move(r));
    } else if (it->crd) {
      *it = std::move(r);  // the later definition of the same CRD
    }
  }
  by_name_.resize(resources_.size());
  for (std::size_t i = 0; i < resources_.size(); ++i) by_name_[i] = i;
  std::sort(by_name_.begin(), by_name_.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(resources_[a].group, resources_[a].name) < std::tie(resources_[b].group, resources_[b].name);
  });
  for (const ApiResource& r : resources_) {
    if (!r.crd) builtin_groups_.insert(r.group);
  }
}

const ApiResource* ApiCatalogue::find(std::string_view group, std::string_view name) const {
  const auto key = [&](std::size_t i) { return std::pair<std::string_view, std::string_view>(resources_[i].group, resources_[i].name); };
  const std::pair<std::string_view, std::string_view> wanted(group, name);
  const auto it = std::lower_bound(by_name_.begin(), by_name_.end(), wanted, [&](std::size_t i, const auto& w) { return key(i) < w; });
  return it != by_name_.end() && key(*it) == wanted ? &resources_[*it] : nullptr;
}

ApiCatalogue::Lookup ApiCatalogue::resolve(std::string_view type) const {
  const std::lock_guard lock(cache_mutex_);
  if (const auto it = cache_.find(type); it != cache_.end()) return it->second;
  if (cache_.size() > 4096) cache_.clear();  // bounded: any text can be asked
  return cache_.emplace(std::string(type), lookup(type)).first->second;
}

ApiCatalogue::Lookup ApiCatalogue::lookup(std::string_view type) const {
  Lookup out;
  const std::string wanted = lower(type);
  const std::size_t dot = wanted.find('.');
  const std::string_view name = std::string_view(wanted).substr(0, dot);
  std::optional<std::string_view> group;
  if (dot != std::string::npos) {
    std::string_view rest = std::string_view(wanted).substr(dot + 1);
    // deployments.v1.apps: the version is ignored, as RBAC ignores it.
    if (const std::size_t d2 = rest.find('.'); d2 != std::string_view::npos && is_version(rest.substr(0, d2))) {
      rest.remove_prefix(d2 + 1);
    } else if (is_version(rest)) {
      rest = "";  // pods.v1: the core group
    }
    group = rest;
  }
  for (const ApiResource& r : resources_) {
    if (r.authorization_only && !group && name != r.name) continue;
    if (group && lower(r.group) != *group) continue;
    if (names_match(r, name)) out.matches.push_back(&r);
  }
  // Built-in before CRDs, the core group before the others (kubectl's order), then by name.
  if (out.matches.size() > 1) {
    std::vector<const ApiResource*> preferred;
    for (const ApiResource* r : out.matches) {
      if (!r->crd && r->group.empty()) preferred.push_back(r);
    }
    if (preferred.empty()) {
      for (const ApiResource* r : out.matches) {
        if (!r->crd) preferred.push_back(r);
      }
    }
    if (preferred.size() == 1) out.matches = preferred;
  }
  if (!out.matches.empty()) return out;

  std::set<std::string> close;
  for (const ApiResource& r : resources_) {
    const std::string qualified = r.qualified_name();
    const std::size_t d = edit_distance(name, r.name);
    if (d <= std::max<std::size_t>(1, name.size() / 3) || (name.size() >= 3 && r.name.starts_with(name))) {
      close.insert(qualified);
    }
    if (group && lower(r.name) == name) close.insert(qualified);  // right name, wrong group
  }
  out.candidates.assign(close.begin(), close.end());
  if (out.candidates.size() > 8) out.candidates.resize(8);
  return out;
}

}  // namespace rbacq::analyzer::catalogue
