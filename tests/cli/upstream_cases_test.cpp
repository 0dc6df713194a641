// SPDX-License-Identifier: Apache-2.0
// Kubernetes' own RBAC unit tests, asked of rbacq through its command line.
//
// The facts of each upstream case (roles, bindings, the request or user, the expected answer) are
// transcribed here as data; the tests assert the UPSTREAM answer, so a disagreement fails here.
// Sources, in kubernetes/kubernetes:
//   plugin/pkg/auth/authorizer/rbac/rbac_test.go                              TestAuthorizer, TestRuleMatches
//   pkg/apis/rbac/helpers_test.go                                             TestResourceMatches
//   pkg/registry/rbac/validation/rule_test.go                                 TestDefaultRuleResolver, TestAppliesTo
//   pkg/controller/clusterroleaggregation/clusterroleaggregation_controller_test.go  TestSyncClusterRole
//   plugin/pkg/auth/authorizer/rbac/subject_locator_test.go                   TestSubjectLocator
//
// How an upstream case becomes a command line:
// - A request is sent exactly as the upstream attributes say: --api-group (TYPE and -n verbatim,
//   -A for namespace ""), --exact-groups with the user's groups (a Go test user has only the
//   groups it is given; "" in a comma list is the group named "").
// - Upstream users without a name (only groups) cannot be said with --as, which needs a name:
//   kNoName, bound by nothing, stands in for "".
// - A rule checked alone (TestRuleMatches, TestResourceMatches) is put in a ClusterRole bound to
//   user "u" by a ClusterRoleBinding and asked with no namespace.
// - Effective rules (TestDefaultRuleResolver, TestSyncClusterRole) are read from
//   `rbacq -o json can-i --list`; allowed subjects (TestSubjectLocator) from `rbacq -o json who-can`.
// - Not modelled by rbacq, on purpose: the --authorization-rbac-super-user of TestSubjectLocator.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_support.hpp"

using namespace rbacq;

namespace {

using List = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------
// Manifests

std::string dq(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string flow_list(const List& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + dq(items[i]);
  return out + "]";
}

/// A PolicyRule; an empty list is left out of the manifest (nil upstream).
struct Rule {
  List verbs;
  List api_groups;
  List resources;
  List urls;
  List names;
};

std::string rules_yaml(const std::vector<Rule>& rules) {
  if (rules.empty()) return "rules: []\n";
  std::string out = "rules:\n";
  for (const Rule& r : rules) {
    std::string fields;
    const auto add = [&fields](std::string_view key, const List& values) {
      if (values.empty()) return;
      fields += (fields.empty() ? "" : ", ") + std::string(key) + ": " + flow_list(values);
    };
    add("verbs", r.verbs);
    add("apiGroups", r.api_groups);
    add("resources", r.resources);
    add("resourceNames", r.names);
    add("nonResourceURLs", r.urls);
    out += "- {" + fields + "}\n";
  }
  return out;
}

std::string user(std::string_view name) {
  return "{kind: User, apiGroup: rbac.authorization.k8s.io, name: " + dq(name) + "}";
}
std::string group(std::string_view name) {
  return "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: " + dq(name) + "}";
}
// As pkg/registry/rbac/validation/rule_test.go writes subjects: without apiGroup (v1 defaults it).
std::string bare_user(std::string_view name) { return "{kind: User, name: " + dq(name) + "}"; }
std::string bare_group(std::string_view name) { return "{kind: Group, name: " + dq(name) + "}"; }
std::string bare_service_account(std::string_view ns, std::string_view name) {
  return "{kind: ServiceAccount, namespace: " + dq(ns) + ", name: " + dq(name) + "}";
}

constexpr std::string_view kHeader = "---\napiVersion: rbac.authorization.k8s.io/v1\n";

std::string subjects_yaml(const List& subjects) {
  std::string out = "subjects:\n";
  for (const std::string& s : subjects) out += "- " + s + "\n";
  return out;
}

std::string cluster_role(std::string_view name, const std::vector<Rule>& rules, std::string_view labels = {}) {
  std::string out(kHeader);
  out += "kind: ClusterRole\nmetadata: {name: " + dq(name);
  if (!labels.empty()) out += ", labels: " + std::string(labels);
  return out + "}\n" + rules_yaml(rules);
}

/// A ClusterRole with an aggregationRule: one clusterRoleSelector per matchLabels flow map.
std::string aggregated_cluster_role(std::string_view name, const List& match_labels, const std::vector<Rule>& rules) {
  std::string out(kHeader);
  out += "kind: ClusterRole\nmetadata: {name: " + dq(name) + "}\naggregationRule:\n  clusterRoleSelectors:\n";
  for (const std::string& m : match_labels) out += "  - matchLabels: " + m + "\n";
  return out + rules_yaml(rules);
}

std::string role(std::string_view ns, std::string_view name, const std::vector<Rule>& rules) {
  std::string out(kHeader);
  out += "kind: Role\nmetadata: {name: " + dq(name) + ", namespace: " + dq(ns) + "}\n";
  return out + rules_yaml(rules);
}

std::string cluster_role_binding(std::string_view name, std::string_view cluster_role_name, const List& subjects) {
  std::string out(kHeader);
  out += "kind: ClusterRoleBinding\nmetadata: {name: " + dq(name) + "}\n";
  out += "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: " + dq(cluster_role_name) + "}\n";
  return out + subjects_yaml(subjects);
}

std::string role_binding(std::string_view ns, std::string_view name, std::string_view role_kind,
                         std::string_view role_name, const List& subjects) {
  std::string out(kHeader);
  out += "kind: RoleBinding\nmetadata: {name: " + dq(name) + ", namespace: " + dq(ns) + "}\n";
  out += "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: " + std::string(role_kind) + ", name: " + dq(role_name) +
         "}\n";
  return out + subjects_yaml(subjects);
}

// ---------------------------------------------------------------------------------------------
// Requests

/// Stands in for the user name "" of upstream tests (rbacq's --as needs a name); bound by nothing.
constexpr std::string_view kNoName = "upstream-user-without-a-name";

/// One authorizer.Attributes of an upstream test. `resource` starting with '/' is a non-resource URL.
struct Ask {
  std::string user;
  List groups;
  std::string verb;
  std::string resource;
  std::string subresource = {};
  std::string ns = {};  // "" is no namespace
  std::string api_group = {};
};

/// A resource request of user "u", with no namespace (the stand-in for a rule checked alone).
Ask res(std::string verb, std::string api_group, std::string resource, std::string subresource = {}) {
  return Ask{"u", {}, std::move(verb), std::move(resource), std::move(subresource), "", std::move(api_group)};
}
/// A non-resource request of user "u".
Ask url(std::string verb, std::string path) { return Ask{"u", {}, std::move(verb), std::move(path), {}, {}, {}}; }

std::string describe(const Ask& a) {
  std::string groups;
  for (const std::string& g : a.groups) groups += (groups.empty() ? "" : ",") + dq(g);
  std::string out = "user=" + dq(a.user) + " groups=[" + groups + "] verb=" + dq(a.verb);
  if (a.resource.starts_with('/')) return out + " path=" + dq(a.resource);
  return out + " apiGroup=" + dq(a.api_group) + " resource=" + dq(a.resource) + " subresource=" + dq(a.subresource) +
         " namespace=" + dq(a.ns);
}

/// Where the request goes: -n NS, or -A for no namespace. Nothing for a non-resource request.
void add_scope(List& args, const Ask& a) {
  if (a.resource.starts_with('/')) return;
  args.insert(args.end(), {"--api-group", a.api_group});
  if (a.ns.empty()) {
    args.emplace_back("-A");
  } else {
    args.insert(args.end(), {"-n", a.ns});
  }
  if (!a.subresource.empty()) args.insert(args.end(), {"--subresource", a.subresource});
}

List can_i_args(const Ask& a, const std::string& manifests) {
  List args{"can-i", a.verb, a.resource};
  add_scope(args, a);
  args.insert(args.end(), {"--as", a.user.empty() ? std::string(kNoName) : a.user});
  for (const std::string& g : a.groups) args.insert(args.end(), {"--as-group", g});
  args.insert(args.end(), {"--exact-groups", "-f", manifests});
  return args;
}

std::string command_line(const List& args) {
  std::string out = "rbacq";
  for (const std::string& a : args)
    out += " " + (a.empty() || a.find_first_of(" *'\"") != std::string::npos ? "'" + a + "'" : a);
  return out;
}

/// Asks rbacq and checks the upstream answer: exit 0 (yes) when allowed, 1 (no) otherwise.
void check_can_i(const std::string& manifests, const Ask& ask, bool allowed) {
  const List args = can_i_args(ask, manifests);
  const auto r = test::run_rbacq(args);
  const std::string context = "upstream request: " + describe(ask) +
                              "\nupstream answer: " + (allowed ? "allowed" : "denied") + "\n$ " + command_line(args) +
                              "\nexit " + std::to_string(r.exit_code) + ", stdout: " + r.out + "stderr: " + r.err;
  INFO(context);
  CHECK(r.exit_code == (allowed ? 0 : 1));
}

// ---------------------------------------------------------------------------------------------
// A small JSON reader for rbacq's -o json output

struct Json {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  std::string text;  // a string, or a number as written
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> fields;

  /// The member `key` of an object; null when there is none.
  const Json& operator[](std::string_view key) const {
    static const Json none;
    for (const auto& [k, v] : fields) {
      if (k == key) return v;
    }
    return none;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  Json read() {
    Json v = value();
    skip_space();
    if (pos_ != text_.size()) fail("text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(std::string_view what) const {
    throw std::runtime_error("bad JSON at byte " + std::to_string(pos_) + ": " + std::string(what));
  }
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  char peek() {
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end");
    return text_[pos_];
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected ") + c);
    ++pos_;
  }
  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("unterminated string");
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("unterminated escape");
      const char e = text_[pos_++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          if (pos_ + 4 > text_.size()) fail("short \\u escape");
          append_utf8(out, static_cast<unsigned>(std::stoul(std::string(text_.substr(pos_, 4)), nullptr, 16)));
          pos_ += 4;
          break;
        }
        default:
          out += e;
          break;  // " \ /
      }
    }
  }
  Json value() {
    Json v;
    const char c = peek();
    if (c == '{') {
      v.kind = Json::Kind::object;
      ++pos_;
      if (peek() == '}') {
        ++pos_;
        return v;
      }
      while (true) {
        std::string key = string();
        expect(':');
        v.fields.emplace_back(std::move(key), value());
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.kind = Json::Kind::array;
      ++pos_;
      if (peek() == ']') {
        ++pos_;
        return v;
      }
      while (true) {
        v.items.push_back(value());
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.kind = Json::Kind::string;
      v.text = string();
      return v;
    }
    if (literal("true")) {
      v.kind = Json::Kind::boolean;
      v.boolean = true;
      return v;
    }
    if (literal("false")) {
      v.kind = Json::Kind::boolean;
      return v;
    }
    if (literal("null")) return v;
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::string_view("+-0123456789.eE").find(text_[pos_]) != std::string_view::npos)
      ++pos_;
    if (pos_ == start) fail("unexpected character");
    v.kind = Json::Kind::number;
    v.text = std::string(text_.substr(start, pos_ - start));
    return v;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::string join(const List& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + values[i];
  return out + "]";
}

List strings_of(const Json& array) {
  List out;
  for (const Json& item : array.items) out.push_back(item.text);
  return out;
}

/// A rule as one line, the same whether it comes from a Rule or from rbacq's JSON.
std::string rule_text(const List& verbs, const List& groups, const List& resources, const List& names,
                      const List& urls) {
  return "verbs=" + join(verbs) + " apiGroups=" + join(groups) + " resources=" + join(resources) +
         " resourceNames=" + join(names) + " nonResourceURLs=" + join(urls);
}
std::string rule_text(const Rule& r) { return rule_text(r.verbs, r.api_groups, r.resources, r.names, r.urls); }
std::string rule_text(const Json& r) {
  return rule_text(strings_of(r["verbs"]), strings_of(r["apiGroups"]), strings_of(r["resources"]),
                   strings_of(r["resourceNames"]), strings_of(r["nonResourceURLs"]));
}

/// The rules `rbacq -o json can-i --list -n NS` gives the user, in the order listed.
List listed_rules(const std::string& manifests, const std::string& user_name, const List& groups,
                  const std::string& ns) {
  List args{"-o", "json", "can-i", "--list", "-n", ns, "--as", user_name.empty() ? std::string(kNoName) : user_name};
  for (const std::string& g : groups) args.insert(args.end(), {"--as-group", g});
  args.insert(args.end(), {"--exact-groups", "-f", manifests});
  const auto r = test::run_rbacq(args);
  const std::string context =
      "$ " + command_line(args) + "\nexit " + std::to_string(r.exit_code) + ", stderr: " + r.err;
  INFO(context);
  REQUIRE(r.exit_code == 0);
  const Json listing = JsonReader(r.out).read();
  List out;
  for (const Json& entry : listing["rules"].items) out.push_back(rule_text(entry["rule"]));
  return out;
}

List rule_texts(const std::vector<Rule>& rules) {
  List out;
  for (const Rule& r : rules) out.push_back(rule_text(r));
  return out;
}

List sorted(List values) {
  std::sort(values.begin(), values.end());
  return values;
}

// ---------------------------------------------------------------------------------------------
// TestAuthorizer (plugin/pkg/auth/authorizer/rbac/rbac_test.go)

struct AuthorizerCase {
  std::string what;
  std::string manifest;
  std::vector<Ask> should_pass;
  std::vector<Ask> should_fail;
};

// Upstream's newRule(verbs, apiGroups, resources, nonResourceURLs) splits each argument at ',':
// an empty argument is the list [""], so every rule here has all four lists.
const Rule kStarRule{{"*"}, {"*"}, {"*"}, {"*"}, {}};

std::vector<AuthorizerCase> authorizer_cases() {
  const List admin_subjects{user("admin"), group("admins")};
  return {
      {"case 0: ClusterRole admin (* everything) bound in ns1 by a RoleBinding",
       cluster_role("admin", {kStarRule}) + role_binding("ns1", "admin", "ClusterRole", "admin", admin_subjects),
       {
           {"admin", {""}, "get", "Pods", "", "ns1", ""},
           {"admin", {""}, "watch", "Pods", "", "ns1", ""},
           {"admin", {"group1"}, "watch", "Foobar", "", "ns1", ""},
           {"joe", {"admins"}, "watch", "Foobar", "", "ns1", ""},
           {"joe", {"group1", "admins"}, "watch", "Foobar", "", "ns1", ""},
       },
       {
           {"admin", {""}, "GET", "Pods", "", "ns2", ""},
           {"admin", {""}, "GET", "Nodes", "", "", ""},
           {"admin", {"admins"}, "GET", "Pods", "", "ns2", ""},
           {"admin", {"admins"}, "GET", "Nodes", "", "", ""},
       }},
      {"case 1: non-resource URLs, exact and prefix",
       cluster_role("non-resource-url-getter", {{{"get"}, {""}, {""}, {"/apis"}, {}}}) +
           cluster_role("non-resource-url", {{{"*"}, {""}, {""}, {"/apis"}, {}}}) +
           cluster_role("non-resource-url-prefix", {{{"get"}, {""}, {""}, {"/apis/*"}, {}}}) +
           cluster_role_binding("non-resource-url-getter", "non-resource-url-getter", {user("foo"), group("bar")}) +
           cluster_role_binding("non-resource-url", "non-resource-url", {user("admin"), group("admin")}) +
           cluster_role_binding("non-resource-url-prefix", "non-resource-url-prefix",
                                {user("prefixed"), group("prefixed")}),
       {
           {"foo", {}, "get", "/apis"},
           {"", {"bar"}, "get", "/apis"},
           {"admin", {}, "get", "/apis"},
           {"", {"admin"}, "get", "/apis"},
           {"admin", {}, "watch", "/apis"},
           {"", {"admin"}, "watch", "/apis"},
           {"prefixed", {}, "get", "/apis/v1"},
           {"", {"prefixed"}, "get", "/apis/v1"},
           {"prefixed", {}, "get", "/apis/v1/foobar"},
           {"", {"prefixed"}, "get", "/apis/v1/foorbar"},
       },
       {
           // wrong verb
           {"foo", {}, "watch", "/apis"},
           {"", {"bar"}, "watch", "/apis"},
           // wrong path
           {"foo", {}, "get", "/api/v1"},
           {"", {"bar"}, "get", "/api/v1"},
           {"admin", {}, "get", "/api/v1"},
           {"", {"admin"}, "get", "/api/v1"},
           // not covered by the prefix
           {"prefixed", {}, "get", "/api/v1"},
           {"", {"prefixed"}, "get", "/api/v1"},
       }},
      {"case 2: a rule on pods does not cover pods/status",
       cluster_role("admin", {{{"*"}, {"*"}, {"pods"}, {"*"}, {}}}) +
           role_binding("ns1", "admin", "ClusterRole", "admin", admin_subjects),
       {{"admin", {""}, "get", "pods", "", "ns1", ""}},
       {{"admin", {""}, "get", "pods", "status", "ns1", ""}}},
      {"case 3: rules on pods/status and */scale",
       cluster_role("admin", {{{"*"}, {"*"}, {"pods/status"}, {"*"}, {}}, {{"*"}, {"*"}, {"*/scale"}, {"*"}, {}}}) +
           role_binding("ns1", "admin", "ClusterRole", "admin", admin_subjects),
       {
           {"admin", {""}, "get", "pods", "status", "ns1", ""},
           {"admin", {""}, "get", "pods", "scale", "ns1", ""},
           {"admin", {""}, "get", "deployments", "scale", "ns1", ""},
           {"admin", {""}, "get", "anything", "scale", "ns1", ""},
       },
       {{"admin", {""}, "get", "pods", "", "ns1", ""}}},
  };
}

// ---------------------------------------------------------------------------------------------
// TestRuleMatches (plugin/pkg/auth/authorizer/rbac/rbac_test.go) and
// TestResourceMatches (pkg/apis/rbac/helpers_test.go): one rule, many requests

struct RuleCase {
  std::string name;
  Rule rule;
  std::vector<std::pair<Ask, bool>> requests;
};

std::vector<RuleCase> rule_matches_cases() {
  return {
      {"star verb, exact match other",
       {{"*"}, {"group1"}, {"resource1"}, {}, {}},
       {
           {res("verb1", "group1", "resource1"), true},
           {res("verb1", "group2", "resource1"), false},
           {res("verb1", "group1", "resource2"), false},
           {res("verb1", "group2", "resource2"), false},
           {res("verb2", "group1", "resource1"), true},
           {res("verb2", "group2", "resource1"), false},
           {res("verb2", "group1", "resource2"), false},
           {res("verb2", "group2", "resource2"), false},
       }},
      {"star group, exact match other",
       {{"verb1"}, {"*"}, {"resource1"}, {}, {}},
       {
           {res("verb1", "group1", "resource1"), true},
           {res("verb1", "group2", "resource1"), true},
           {res("verb1", "group1", "resource2"), false},
           {res("verb1", "group2", "resource2"), false},
           {res("verb2", "group1", "resource1"), false},
           {res("verb2", "group2", "resource1"), false},
           {res("verb2", "group1", "resource2"), false},
           {res("verb2", "group2", "resource2"), false},
       }},
      {"star resource, exact match other",
       {{"verb1"}, {"group1"}, {"*"}, {}, {}},
       {
           {res("verb1", "group1", "resource1"), true},
           {res("verb1", "group2", "resource1"), false},
           {res("verb1", "group1", "resource2"), true},
           {res("verb1", "group2", "resource2"), false},
           {res("verb2", "group1", "resource1"), false},
           {res("verb2", "group2", "resource1"), false},
           {res("verb2", "group1", "resource2"), false},
           {res("verb2", "group2", "resource2"), false},
       }},
      {"tuple expansion",
       {{"verb1", "verb2"}, {"group1", "group2"}, {"resource1", "resource2"}, {}, {}},
       {
           {res("verb1", "group1", "resource1"), true},
           {res("verb1", "group2", "resource1"), true},
           {res("verb1", "group1", "resource2"), true},
           {res("verb1", "group2", "resource2"), true},
           {res("verb2", "group1", "resource1"), true},
           {res("verb2", "group2", "resource1"), true},
           {res("verb2", "group1", "resource2"), true},
           {res("verb2", "group2", "resource2"), true},
       }},
      {"subresource expansion",
       {{"*"}, {"*"}, {"resource1/subresource1"}, {}, {}},
       {
           {res("verb1", "group1", "resource1", "subresource1"), true},
           {res("verb1", "group2", "resource1", "subresource2"), false},
           {res("verb1", "group1", "resource2", "subresource1"), false},
           {res("verb1", "group2", "resource2", "subresource1"), false},
           {res("verb2", "group1", "resource1", "subresource1"), true},
           {res("verb2", "group2", "resource1", "subresource2"), false},
           {res("verb2", "group1", "resource2", "subresource1"), false},
           {res("verb2", "group2", "resource2", "subresource1"), false},
       }},
      {"star nonresource, exact match other",
       {{"verb1"}, {}, {}, {"*"}, {}},
       {
           {url("verb1", "/foo"), true},
           {url("verb1", "/foo/bar"), true},
           {url("verb1", "/foo/baz"), true},
           {url("verb1", "/foo/bar/one"), true},
           {url("verb1", "/foo/baz/one"), true},
           {url("verb2", "/foo"), false},
           {url("verb2", "/foo/bar"), false},
           {url("verb2", "/foo/baz"), false},
           {url("verb2", "/foo/bar/one"), false},
           {url("verb2", "/foo/baz/one"), false},
       }},
      {"star nonresource subpath",
       {{"verb1"}, {}, {}, {"/foo/*"}, {}},
       {
           {url("verb1", "/foo"), false},
           {url("verb1", "/foo/bar"), true},
           {url("verb1", "/foo/baz"), true},
           {url("verb1", "/foo/bar/one"), true},
           {url("verb1", "/foo/baz/one"), true},
           {url("verb1", "/notfoo"), false},
           {url("verb1", "/notfoo/bar"), false},
           {url("verb1", "/notfoo/baz"), false},
           {url("verb1", "/notfoo/bar/one"), false},
           {url("verb1", "/notfoo/baz/one"), false},
       }},
      {"star verb, exact nonresource",
       {{"*"}, {}, {}, {"/foo", "/foo/bar/one"}, {}},
       {
           {url("verb1", "/foo"), true},
           {url("verb1", "/foo/bar"), false},
           {url("verb1", "/foo/baz"), false},
           {url("verb1", "/foo/bar/one"), true},
           {url("verb1", "/foo/baz/one"), false},
           {url("verb2", "/foo"), true},
           {url("verb2", "/foo/bar"), false},
           {url("verb2", "/foo/baz"), false},
           {url("verb2", "/foo/bar/one"), true},
           {url("verb2", "/foo/baz/one"), false},
       }},
  };
}

// Upstream calls ResourceMatches(rule, "resource/subresource", "subresource") on a rule with only
// resources; here the rule also has verbs ["*"] and apiGroups ["*"], and the request is a get
// of RESOURCE with --subresource SUBRESOURCE.
struct ResourceCase {
  std::string name;
  List rule_resources;
  std::string resource;
  std::string subresource;
  bool expected;
};

std::vector<ResourceCase> resource_matches_cases() {
  return {
      {"all matches 01", {"*"}, "foo", "", true},
      {"checks all rules", {"doesn't match", "*"}, "foo", "", true},
      {"matches exact rule", {"foo/bar"}, "foo", "bar", true},
      {"matches exact rule 02", {"foo/bar"}, "foo", "", false},
      {"matches subresource", {"*/scale"}, "foo", "scale", true},
      {"doesn't match partial subresource hit", {"foo/bar", "*/other"}, "foo", "other/segment", false},
      {"matches subresource with multiple slashes", {"*/other/segment"}, "foo", "other/segment", true},
      {"doesn't fail on empty", {""}, "foo", "other/segment", false},
      {"doesn't fail on slash", {"/"}, "foo", "other/segment", false},
      {"doesn't fail on missing subresource", {"*/"}, "foo", "other/segment", false},
      {"doesn't match on not star", {"*something/other/segment"}, "foo", "other/segment", false},
      {"doesn't match on something else", {"something/other/segment"}, "foo", "other/segment", false},
  };
}

/// The manifest for a rule checked alone: ClusterRole "rule" bound to user "u" cluster-wide.
std::string lone_rule_manifest(const Rule& rule) {
  return cluster_role("rule", {rule}) + cluster_role_binding("rule", "rule", {user("u")});
}

// ---------------------------------------------------------------------------------------------
// TestDefaultRuleResolver and TestAppliesTo (pkg/registry/rbac/validation/rule_test.go)

const Rule kReadPods{{"GET", "WATCH"}, {"v1"}, {"pods"}, {}, {}};
const Rule kReadServices{{"GET", "WATCH"}, {"v1"}, {"services"}, {}, {}};
const Rule kWriteNodes{{"PUT", "CREATE", "UPDATE"}, {"v1"}, {"nodes"}, {}, {}};
const Rule kAdmin{{"*"}, {"*"}, {"*"}, {}, {}};

std::string static_roles_1() {
  return role("namespace1", "readthings", {kReadPods, kReadServices}) + cluster_role("cluster-admin", {kAdmin}) +
         cluster_role("write-nodes", {kWriteNodes}) +
         role_binding("namespace1", "readthings", "Role", "readthings", {bare_user("foobar"), bare_group("group1")}) +
         cluster_role_binding("cluster-admin", "cluster-admin", {bare_user("admin"), bare_group("admin")});
}

struct ResolverCase {
  std::string user_name;
  List groups;
  std::string ns;
  std::vector<Rule> effective_rules;
};

std::vector<ResolverCase> default_rule_resolver_cases() {
  return {
      {"foobar", {}, "namespace1", {kReadPods, kReadServices}},
      {"foobar", {}, "namespace2", {}},
      // Same as above but without a namespace: only cluster rules apply.
      {"foobar", {"admin"}, "", {kAdmin}},
      {"", {}, "", {}},
  };
}

struct AppliesToCase {
  std::string test_case;
  List subjects;  // subject YAML, as upstream writes them (no apiGroup)
  std::string user_name;
  List groups;
  std::string ns;  // the binding's namespace: "" is a ClusterRoleBinding
  bool applies_to;
  std::size_t index;             // the subject that applies
  std::string expected_subject;  // that subject as "Kind name"
};

std::vector<AppliesToCase> applies_to_cases() {
  return {
      {"single subject that matches username", {bare_user("foobar")}, "foobar", {}, "", true, 0, "User foobar"},
      {"multiple subjects, one that matches username",
       {bare_user("barfoo"), bare_user("foobar")},
       "foobar",
       {},
       "",
       true,
       1,
       "User foobar"},
      {"multiple subjects, none that match username",
       {bare_user("barfoo"), bare_user("foobar")},
       "zimzam",
       {},
       "",
       false,
       0,
       ""},
      {"multiple subjects, one that match group",
       {bare_user("barfoo"), bare_group("foobar")},
       "zimzam",
       {"foobar"},
       "",
       true,
       1,
       "Group foobar"},
      {"multiple subjects, one that match group, should ignore namespace",
       {bare_user("barfoo"), bare_group("foobar")},
       "zimzam",
       {"foobar"},
       "namespace1",
       true,
       1,
       "Group foobar"},
      {"multiple subjects with a service account that matches",
       {bare_user("barfoo"), bare_group("foobar"), bare_service_account("kube-system", "default")},
       "system:serviceaccount:kube-system:default",
       {},
       "default",
       true,
       2,
       "ServiceAccount default"},
      {"* user subject name doesn't match all users", {bare_user("*")}, "foobar", {}, "default", false, 0, ""},
      {"binding to all authenticated and unauthenticated subjects matches authenticated user",
       {bare_group("system:authenticated"), bare_group("system:unauthenticated")},
       "foobar",
       {"system:authenticated"},
       "default",
       true,
       0,
       "Group system:authenticated"},
      {"binding to all authenticated and unauthenticated subjects matches anonymous user",
       {bare_group("system:authenticated"), bare_group("system:unauthenticated")},
       "system:anonymous",
       {"system:unauthenticated"},
       "default",
       true,
       1,
       "Group system:unauthenticated"},
  };
}

// ---------------------------------------------------------------------------------------------
// TestSyncClusterRole (pkg/controller/clusterroleaggregation/clusterroleaggregation_controller_test.go)

// Rules without apiGroups, as upstream writes them: they grant nothing when authorizing (no
// apiGroups matches no request), so the aggregated role is compared rule by rule.
const std::vector<Rule> kHammerRules{{{"hammer"}, {}, {"nails"}, {}, {}}, {{"hammer"}, {}, {"wedges"}, {}, {}}};
const std::vector<Rule> kChiselRules{{{"chisel"}, {}, {"mortises"}, {}, {}}};
const std::vector<Rule> kSawRules{{{"saw"}, {}, {"boards"}, {}, {}}};

std::vector<Rule> concat(std::initializer_list<std::vector<Rule>> parts) {
  std::vector<Rule> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

struct AggregationCase {
  std::string name;
  std::string starting_cluster_roles;
  std::vector<Rule> expected_rules;  // of ClusterRole "combined", in order
};

std::vector<AggregationCase> aggregation_cases() {
  const std::string bar = "{foo: bar}";
  const std::string not_bar = "{foo: not-bar}";
  return {
      {"remove dead rules",
       cluster_role("hammer", kHammerRules, bar) + aggregated_cluster_role("combined", {bar}, kSawRules), kHammerRules},
      {"strip rules",
       cluster_role("hammer", kHammerRules, not_bar) + aggregated_cluster_role("combined", {bar}, kHammerRules),
       {}},
      {"select properly and put in order",
       cluster_role("hammer", kHammerRules, bar) + cluster_role("chisel", kChiselRules, bar) +
           cluster_role("saw", kSawRules, not_bar) + aggregated_cluster_role("combined", {bar}, {}),
       concat({kChiselRules, kHammerRules})},
      {"select properly with multiple selectors",
       cluster_role("hammer", kHammerRules, bar) + cluster_role("chisel", kChiselRules, bar) +
           cluster_role("saw", kSawRules, not_bar) + aggregated_cluster_role("combined", {bar, not_bar}, {}),
       concat({kChiselRules, kHammerRules, kSawRules})},
      {"select properly remove duplicates",
       cluster_role("hammer", kHammerRules, bar) + cluster_role("chisel", kChiselRules, bar) +
           cluster_role("saw", kSawRules, bar) + cluster_role("other-saw", kSawRules, not_bar) +
           aggregated_cluster_role("combined", {bar, not_bar}, {}),
       concat({kChiselRules, kHammerRules, kSawRules})},
      {"no diff skip",
       cluster_role("hammer", kHammerRules, bar) + aggregated_cluster_role("combined", {bar}, kHammerRules),
       kHammerRules},
  };
}

// ---------------------------------------------------------------------------------------------
// TestSubjectLocator (plugin/pkg/auth/authorizer/rbac/subject_locator_test.go)

struct SubjectsCase {
  Ask action;     // the user of the action does not matter
  List subjects;  // "Kind name"; compared as a set
};

struct LocatorCase {
  std::string name;
  std::string manifest;
  std::vector<SubjectsCase> actions;
};

std::vector<LocatorCase> subject_locator_cases() {
  const std::string star_admin_cluster_wide =
      cluster_role("admin", {kStarRule}) +
      cluster_role_binding("admin", "admin", {user("super-admin"), group("super-admins")});
  const List cluster_admins{"Group system:masters", "User super-admin", "Group super-admins"};
  List all_admins = cluster_admins;
  all_admins.insert(all_admins.end(), {"User admin", "Group admins"});
  return {
      {"no super user, star matches star",
       star_admin_cluster_wide + role_binding("ns1", "admin", "ClusterRole", "admin", {user("admin"), group("admins")}),
       {
           {{"", {}, "get", "Pods", "", "ns1", ""}, all_admins},
           // cluster role matches star in namespace
           {{"", {}, "*", "Pods", "", "*", ""}, cluster_admins},
           // empty ns
           {{"", {}, "*", "Pods", "", "", ""}, cluster_admins},
       }},
      // Upstream also lists User foo, the super-user (--authorization-rbac-super-user=foo), first
      // after system:masters in every answer: rbacq does not model the super-user (expected).
      {"super user, local roles work",
       star_admin_cluster_wide + role("ns1", "admin", {{{"get"}, {"*"}, {"Pods"}, {"*"}, {}}}) +
           role_binding("ns1", "admin", "Role", "admin", {user("admin"), group("admins")}),
       {
           {{"", {}, "get", "Pods", "", "ns1", ""}, all_admins},
           // verb matches correctly
           {{"", {}, "create", "Pods", "", "ns1", ""}, cluster_admins},
           // binding only works in correct ns
           {{"", {}, "get", "Pods", "", "ns2", ""}, cluster_admins},
       }},
  };
}

}  // namespace

// =============================================================================================

TEST_CASE("upstream TestAuthorizer: allowed and denied requests of 4 policies") {
  for (const AuthorizerCase& c : authorizer_cases()) {
    const std::string what = "upstream TestAuthorizer " + c.what;
    INFO(what);
    test::TempDir dir;
    dir.write("rbac.yaml", c.manifest);
    for (const Ask& a : c.should_pass) check_can_i(dir.path().string(), a, true);
    for (const Ask& a : c.should_fail) check_can_i(dir.path().string(), a, false);
  }
}

TEST_CASE("upstream TestRuleMatches: one rule against verb, group, resource, subresource and URL") {
  for (const RuleCase& c : rule_matches_cases()) {
    const std::string what = "upstream TestRuleMatches \"" + c.name + "\": rule " + rule_text(c.rule);
    INFO(what);
    test::TempDir dir;
    dir.write("rbac.yaml", lone_rule_manifest(c.rule));
    for (const auto& [ask, expected] : c.requests) check_can_i(dir.path().string(), ask, expected);
  }
}

TEST_CASE("upstream TestResourceMatches: resources of a rule against resource/subresource") {
  for (const ResourceCase& c : resource_matches_cases()) {
    const Rule rule{{"*"}, {"*"}, c.rule_resources, {}, {}};
    const std::string what = "upstream TestResourceMatches \"" + c.name + "\": rule " + rule_text(rule);
    INFO(what);
    test::TempDir dir;
    dir.write("rbac.yaml", lone_rule_manifest(rule));
    check_can_i(dir.path().string(), res("get", "", c.resource, c.subresource), c.expected);
  }
}

TEST_CASE("upstream TestDefaultRuleResolver: the rules that apply to a user in a namespace") {
  test::TempDir dir;
  dir.write("rbac.yaml", static_roles_1());
  int i = 0;
  for (const ResolverCase& c : default_rule_resolver_cases()) {
    const std::string context = "upstream TestDefaultRuleResolver case " + std::to_string(i++) + ": user " +
                                dq(c.user_name) + " groups " + join(c.groups) + " namespace " + dq(c.ns);
    INFO(context);
    // Upstream sorts both sides before comparing: the order does not matter.
    CHECK(sorted(listed_rules(dir.path().string(), c.user_name, c.groups, c.ns)) ==
          sorted(rule_texts(c.effective_rules)));
  }
}

TEST_CASE("upstream TestAppliesTo: which subject of a binding applies to a user") {
  for (const AppliesToCase& c : applies_to_cases()) {
    const std::string what = "upstream TestAppliesTo \"" + c.test_case + "\"";
    INFO(what);
    const std::vector<Rule> read_pods{{{"get"}, {""}, {"pods"}, {}, {}}};
    const std::string manifest = cluster_role("reader", read_pods) +
                                 (c.ns.empty() ? cluster_role_binding("binding", "reader", c.subjects)
                                               : role_binding(c.ns, "binding", "ClusterRole", "reader", c.subjects));
    test::TempDir dir;
    dir.write("rbac.yaml", manifest);
    const Ask ask{c.user_name, c.groups, "get", "pods", "", c.ns, ""};
    check_can_i(dir.path().string(), ask, c.applies_to);
    if (!c.applies_to) continue;
    // The subject at upstream's index is the one rbacq names as granting (no other one applies).
    List args = can_i_args(ask, dir.path().string());
    args.insert(args.begin(), {"-o", "json"});
    const auto r = test::run_rbacq(args);
    const Json answer = JsonReader(r.out).read();
    List granting;
    for (const Json& g : answer["grants"].items)
      granting.push_back(g["subject"]["kind"].text + " " + g["subject"]["name"].text);
    const std::string which = "subject index " + std::to_string(c.index);
    INFO(which);
    CHECK(granting == List{c.expected_subject});
  }
}

TEST_CASE("upstream TestSyncClusterRole: the rules of an aggregated ClusterRole") {
  for (const AggregationCase& c : aggregation_cases()) {
    const std::string what = "upstream TestSyncClusterRole \"" + c.name + "\"";
    INFO(what);
    test::TempDir dir;
    dir.write("rbac.yaml", c.starting_cluster_roles + cluster_role_binding("combined", "combined", {user("u")}));
    // Upstream compares the rules in order: selectors in order, selected roles by name, duplicates dropped.
    CHECK(listed_rules(dir.path().string(), "u", {}, "") == rule_texts(c.expected_rules));
  }
}

TEST_CASE("upstream TestSubjectLocator: who is allowed to do an action") {
  for (const LocatorCase& c : subject_locator_cases()) {
    test::TempDir dir;
    dir.write("rbac.yaml", c.manifest);
    int i = 0;
    for (const SubjectsCase& s : c.actions) {
      List args{"-o", "json", "who-can", s.action.verb, s.action.resource};
      add_scope(args, s.action);
      args.insert(args.end(), {"-f", dir.path().string()});
      const auto r = test::run_rbacq(args);
      const std::string context = "upstream TestSubjectLocator \"" + c.name + "\" " + std::to_string(i++) + ": " +
                                  describe(s.action) + "\n$ " + command_line(args) + "\nexit " +
                                  std::to_string(r.exit_code) + ", stderr: " + r.err;
      INFO(context);
      REQUIRE(r.exit_code == 0);
      const Json answer = JsonReader(r.out).read();
      std::set<std::string> found;
      for (const Json& subject : answer["subjects"].items) {
        found.insert(subject["kind"].text + " " + subject["name"].text);
      }
      CHECK(List(found.begin(), found.end()) == sorted(s.subjects));
    }
  }
}
