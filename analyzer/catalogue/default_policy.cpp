// SPDX-License-Identifier: Apache-2.0
#include "analyzer/catalogue/default_policy.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "analyzer/catalogue/api_resources.hpp"
#include "analyzer/input/loader.hpp"
#include "support/embedded_text.hpp"

namespace rbacq::analyzer::catalogue {

// Generated from analyzer/CMakeLists.txt's lists of analyzer/catalogue/default_policy/ files
// (cmake/EmbedText.cmake): the newest policy with versions.txt, and the per-minor variants.
std::span<const EmbeddedText> embedded_texts();
namespace variants {
std::span<const EmbeddedText> embedded_texts();
}  // namespace variants

namespace {

constexpr std::string_view kVersionsFile = "versions.txt";

using Key = std::tuple<std::string, std::string, std::string>;  // kind, namespace, name

/// One line of versions.txt: the object named exists only in minors [from, to], or, with a
/// variant, is that file's object there.
struct MinorRange {
  Key object;
  int from = 0;
  int to = 0;
  std::string variant;  // empty for `only`
};

const EmbeddedText* find_text(std::string_view name) {
  for (const EmbeddedText& file : embedded_texts()) {
    if (file.name == name) return &file;
  }
  return nullptr;
}

std::optional<int> parse_minor(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// versions.txt, as lines; a malformed line is a problem (a bug in rbacq).
std::vector<MinorRange> read_ranges(Diagnostics& problems) {
  std::vector<MinorRange> out;
  const EmbeddedText* file = find_text(kVersionsFile);
  if (file == nullptr) return out;
  std::istringstream lines{std::string(file->text)};
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    std::istringstream words(line);
    std::string directive;
    std::string kind;
    std::string name;
    std::string from;
    std::string to;
    std::string variant;
    if (!(words >> directive) || directive.starts_with('#')) continue;
    words >> kind >> name >> from >> to >> variant;
    const auto first = parse_minor(from);
    const auto last = parse_minor(to);
    const bool ok = (directive == "only" && variant.empty()) || (directive == "variant" && !variant.empty());
    if (!ok || !first || !last || name.empty()) {
      problems.add("default-policy", Severity::error,
                   SourceLocation{FilePath::intern(std::string(kBuiltinPrefix) + std::string(kVersionsFile)), number, 1},
                   fmt::format("malformed line in the default policy's version list: '{}'", line));
      continue;
    }
    std::string ns;
    if (kind == "Role" || kind == "RoleBinding") {
      const auto slash = name.find('/');
      if (slash != std::string::npos) {
        ns = name.substr(0, slash);
        name.erase(0, slash + 1);
      }
    }
    out.push_back(MinorRange{Key{kind, ns, name}, *first, *last, variant});
  }
  return out;
}

Key key_of(const ObjectMeta& meta) { return Key{meta.kind, meta.namespace_, meta.name}; }

/// Keeps the objects that exist in `minor`, each as it is there.
template <class T>
void select(std::vector<T>& objects, std::vector<T>& variants, int minor, const std::vector<MinorRange>& ranges) {
  std::map<Key, const MinorRange*> only;
  std::map<Key, std::string> replaced;  // object → variant file, for this minor
  for (const MinorRange& r : ranges) {
    if (r.variant.empty()) {
      only.emplace(r.object, &r);
    } else if (r.from <= minor && minor <= r.to) {
      replaced.emplace(r.object, r.variant);
    }
  }
  std::vector<T> out;
  out.reserve(objects.size());
  for (T& o : objects) {
    const Key key = key_of(o.meta);
    if (const auto it = only.find(key); it != only.end() && (minor < it->second->from || minor > it->second->to)) continue;
    if (const auto it = replaced.find(key); it != replaced.end()) {
      for (T& v : variants) {
        if (key_of(v.meta) == key && v.meta.loc.file.str().ends_with(it->second)) out.push_back(std::move(v));
      }
      continue;
    }
    out.push_back(std::move(o));
  }
  objects = std::move(out);
}

}  // namespace

void load_default_policy(int minor, Model& defaults, Diagnostics& problems) {
  const std::vector<MinorRange> ranges = read_ranges(problems);
  for (const EmbeddedText& file : embedded_texts()) {
    if (file.name == kVersionsFile) continue;
    load_text(file.text, std::string(kBuiltinPrefix) + std::string(file.name), LoadLimits{}, defaults, problems);
  }
  // A variant is parsed only when this minor uses it: rbacq reads nothing it does not need.
  Model variants;
  for (const EmbeddedText& file : variants::embedded_texts()) {
    const bool used = std::any_of(ranges.begin(), ranges.end(),
                                  [&](const MinorRange& r) { return r.variant == file.name && r.from <= minor && minor <= r.to; });
    if (used) load_text(file.text, std::string(kBuiltinPrefix) + "variants/" + std::string(file.name), LoadLimits{}, variants, problems);
  }
  select(defaults.roles, variants.roles, minor, ranges);
  select(defaults.bindings, variants.bindings, minor, ranges);
}

namespace {

/// The names the default policy of one minor defines: its roles (cluster-scoped, namespace,
/// name) and the ServiceAccounts its bindings name (namespace, name). Built once per minor, from
/// one load of the policy, for whichever question asks first.
struct DefaultNames {
  std::set<std::tuple<bool, std::string, std::string>> roles;
  std::set<std::pair<std::string, std::string>> service_accounts;
};

const DefaultNames* default_names(int minor) {
  constexpr std::size_t minors = kNewestMinor - kOldestMinor + 1;
  static std::array<std::once_flag, minors> once;
  static std::array<DefaultNames, minors> names;
  if (minor < kOldestMinor || minor > kNewestMinor) return nullptr;
  const auto index = static_cast<std::size_t>(minor - kOldestMinor);
  std::call_once(once.at(index), [&] {
    Model defaults;
    Diagnostics ignored;
    load_default_policy(minor, defaults, ignored);
    DefaultNames& out = names.at(index);
    for (const Role& r : defaults.roles) out.roles.emplace(r.cluster, r.cluster ? std::string() : r.meta.namespace_, r.meta.name);
    for (const Binding& b : defaults.bindings) {
      for (const Subject& s : b.subjects) {
        // The policy writes every ServiceAccount subject with its namespace (kube-system).
        if (s.kind == "ServiceAccount") out.service_accounts.emplace(s.namespace_.empty() ? b.meta.namespace_ : s.namespace_, s.name);
      }
    }
  });
  return &names.at(index);
}

}  // namespace

bool is_default_role(int minor, bool cluster, std::string_view namespace_, std::string_view name) {
  const DefaultNames* names = default_names(minor);
  return names != nullptr && names->roles.contains({cluster, cluster ? std::string() : std::string(namespace_), std::string(name)});
}

bool is_default_service_account(int minor, std::string_view namespace_, std::string_view name) {
  const DefaultNames* names = default_names(minor);
  return names != nullptr && names->service_accounts.contains({std::string(namespace_), std::string(name)});
}

std::size_t add_default_policy(int minor, Model& model, Diagnostics& diagnostics) {
  Model defaults;
  Diagnostics problems;
  load_default_policy(minor, defaults, problems);
  // The files are part of rbacq: a problem in them is a bug, not a user's input error.
  for (const Diagnostic& d : problems.items()) {
    if (d.severity == Severity::error) diagnostics.add(d);
  }

  using NameKey = std::tuple<bool, std::string, std::string>;  // cluster-scoped, namespace, name
  std::set<NameKey> defined;
  for (const Role& r : model.roles) defined.emplace(r.cluster, r.meta.namespace_, r.meta.name);
  std::set<NameKey> bound;
  for (const Binding& b : model.bindings) bound.emplace(b.cluster, b.meta.namespace_, b.meta.name);

  std::size_t added = 0;
  for (Role& r : defaults.roles) {
    if (defined.contains(NameKey{r.cluster, r.meta.namespace_, r.meta.name})) continue;
    model.roles.push_back(std::move(r));
    ++added;
  }
  for (Binding& b : defaults.bindings) {
    if (bound.contains(NameKey{b.cluster, b.meta.namespace_, b.meta.name})) continue;
    model.bindings.push_back(std::move(b));
    ++added;
  }
  return added;
}

}  // namespace rbacq::analyzer::catalogue
