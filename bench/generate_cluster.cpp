// SPDX-License-Identifier: Apache-2.0
// Deterministic synthetic cluster generator; see generate_cluster.hpp.
//
// Each object is built as a small in-memory tree (Node), then serialized the
// way kubectl prints it: JSON like Go's json.MarshalIndent (4 spaces, sorted
// keys, HTML-safe escaping), YAML like go-yaml v2 / sigs.k8s.io/yaml (2
// spaces, sorted keys, sequences at the parent key's indentation, strings
// double-quoted when they would resolve to a non-string and single-quoted
// when a plain scalar is not allowed).
//
// Randomness comes from splitmix64 streams derived from (seed, namespace,
// purpose), so every object depends only on the shape, never on generation
// order, library version or platform.
#include "bench/generate_cluster.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <ostream>
#include <string_view>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rbacq::bench {
namespace {

// ---------------------------------------------------------------------------
// Randomness

constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

class Rng {
 public:
  explicit Rng(std::uint64_t state) : state_(state) {}

  std::uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return mix64(state_);
  }
  // Uniform-enough integer in [0, n); n > 0. (Modulo bias is irrelevant here.)
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // Integer in [lo, hi].
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
  // True with probability percent/100.
  bool chance(unsigned percent) { return next() % 100U < percent; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[below(N)];
  }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

// Purposes of the independent random streams.
//
// Determinism rule: never draw from one Rng twice within a single expression
// whose evaluation order is unspecified (function arguments, operands of +).
enum class Stream : std::uint64_t {
  plan = 1,
  ns_object,
  service_account,
  role,
  role_binding,
  deployment,
  secret,
  config_map,
  cluster_role,
  cluster_role_binding,
};

Rng stream(unsigned seed, std::uint64_t index, Stream purpose) {
  std::uint64_t x = mix64(static_cast<std::uint64_t>(seed) + 0x632BE59BD9B4E019ULL);
  x = mix64(x ^ (index * 0x9E3779B97F4A7C15ULL + 0x1234567ULL));
  x = mix64(x ^ (static_cast<std::uint64_t>(purpose) * 0xD1B54A32D192ED03ULL));
  return Rng(x);
}

// ---------------------------------------------------------------------------
// Object trees

struct Member;

struct Node {
  enum class Type : std::uint8_t { null, boolean, integer, string, array, object };
  Type type = Type::null;
  bool b = false;
  long long i = 0;
  std::string s;
  std::vector<Node> items;     // array
  std::vector<Member> fields;  // object, sorted by key
};

struct Member {
  std::string key;
  Node value;
};

Node str(std::string v) {
  Node n;
  n.type = Node::Type::string;
  n.s = std::move(v);
  return n;
}
Node integer(long long v) {
  Node n;
  n.type = Node::Type::integer;
  n.i = v;
  return n;
}
Node boolean(bool v) {
  Node n;
  n.type = Node::Type::boolean;
  n.b = v;
  return n;
}
Node null_node() { return Node{}; }

// Fluent builders that move their parts: Obj()("k", v)("k2", v2) converts to a
// Node with sorted keys; Arr()(v)(v2) to an array Node.
class Obj {
 public:
  Obj& operator()(std::string key, Node value) {
    fields_.push_back(Member{std::move(key), std::move(value)});
    return *this;
  }
  Obj& operator()(std::string key, std::string value) {
    return (*this)(std::move(key), str(std::move(value)));
  }
  Obj& operator()(std::string key, const char* value) {
    return (*this)(std::move(key), str(value));
  }
  operator Node() {  // NOLINT(google-explicit-constructor)
    Node n;
    n.type = Node::Type::object;
    n.fields = std::move(fields_);
    std::sort(n.fields.begin(), n.fields.end(),
              [](const Member& a, const Member& b) { return a.key < b.key; });
    return n;
  }

 private:
  std::vector<Member> fields_;
};

class Arr {
 public:
  Arr& operator()(Node value) {
    items_.push_back(std::move(value));
    return *this;
  }
  Arr& operator()(std::string value) { return (*this)(str(std::move(value))); }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  operator Node() {  // NOLINT(google-explicit-constructor)
    Node n;
    n.type = Node::Type::array;
    n.items = std::move(items_);
    return n;
  }

 private:
  std::vector<Node> items_;
};

Node strings(const std::vector<std::string>& v) {
  Arr a;
  for (const auto& s : v) a(s);
  return a;
}

// ---------------------------------------------------------------------------
// JSON (Go encoding/json MarshalIndent with "    ")

void json_string(std::string& o, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  o += '"';
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      case '<':
      case '>':
      case '&':
        o += "\\u00";
        o += hex[c >> 4U];
        o += hex[c & 0xFU];
        break;
      default:
        if (c < 0x20) {
          o += "\\u00";
          o += hex[c >> 4U];
          o += hex[c & 0xFU];
        } else if (c == 0xE2 && k + 2 < s.size() && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[k + 2]) == 0xA8 ||
                    static_cast<unsigned char>(s[k + 2]) == 0xA9)) {
          o += static_cast<unsigned char>(s[k + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          k += 2;
        } else {
          o += static_cast<char>(c);
        }
    }
  }
  o += '"';
}

void json_value(std::string& o, const Node& n, std::size_t depth) {
  switch (n.type) {
    case Node::Type::null: o += "null"; break;
    case Node::Type::boolean: o += n.b ? "true" : "false"; break;
    case Node::Type::integer: o += std::to_string(n.i); break;
    case Node::Type::string: json_string(o, n.s); break;
    case Node::Type::array:
      if (n.items.empty()) {
        o += "[]";
        break;
      }
      o += "[\n";
      for (std::size_t k = 0; k < n.items.size(); ++k) {
        o.append(4 * (depth + 1), ' ');
        json_value(o, n.items[k], depth + 1);
        if (k + 1 < n.items.size()) o += ',';
        o += '\n';
      }
      o.append(4 * depth, ' ');
      o += ']';
      break;
    case Node::Type::object:
      if (n.fields.empty()) {
        o += "{}";
        break;
      }
      o += "{\n";
      for (std::size_t k = 0; k < n.fields.size(); ++k) {
        o.append(4 * (depth + 1), ' ');
        json_string(o, n.fields[k].key);
        o += ": ";
        json_value(o, n.fields[k].value, depth + 1);
        if (k + 1 < n.fields.size()) o += ',';
        o += '\n';
      }
      o.append(4 * depth, ' ');
      o += '}';
      break;
  }
}

// ---------------------------------------------------------------------------
// YAML (go-yaml v2 block style, as kubectl -o yaml prints)

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Would go-yaml / a YAML 1.1 reader resolve this plain scalar to a number?
bool looks_numeric(std::string_view s) {
  std::size_t k = 0;
  if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
  if (k == s.size()) return false;
  const std::string_view body = s.substr(k);
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o' || body[1] == 'b')) {
    return std::all_of(body.begin() + 2, body.end(), [](char c) {
      return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
    });
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") return true;
  // [0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? with at least one digit; also
  // sexagesimal "1:20" forms.
  bool digits = false;
  std::size_t p = 0;
  while (p < body.size() && (is_digit(body[p]) || body[p] == '_' || body[p] == ':')) {
    digits = digits || is_digit(body[p]);
    ++p;
  }
  if (p < body.size() && body[p] == '.') {
    ++p;
    while (p < body.size() && (is_digit(body[p]) || body[p] == '_')) {
      digits = digits || is_digit(body[p]);
      ++p;
    }
  }
  if (!digits) return false;
  if (p < body.size() && (body[p] == 'e' || body[p] == 'E')) {
    ++p;
    if (p < body.size() && (body[p] == '+' || body[p] == '-')) ++p;
    if (p == body.size()) return false;
    while (p < body.size() && is_digit(body[p])) ++p;
  }
  return p == body.size();
}

// YYYY-MM-DD prefix: YAML 1.1 timestamps (go-yaml quotes these).
bool looks_timestamp(std::string_view s) {
  return s.size() >= 8 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
         s[4] == '-' && is_digit(s[5]);
}

bool resolves_to_non_string(std::string_view s) {
  static constexpr std::array<std::string_view, 33> special = {
      "",     "~",     "null",  "Null",  "NULL", "y",     "Y",     "yes",   "Yes",   "YES",  "n",
      "N",    "no",    "No",    "NO",    "on",   "On",    "ON",    "off",   "Off",   "OFF",  "true",
      "True", "TRUE",  "false", "False", "FALSE", ".nan", ".NaN",  ".NAN",  "<<",    "=",    "-.inf"};
  if (std::find(special.begin(), special.end(), s) != special.end()) return true;
  return looks_numeric(s) || looks_timestamp(s);
}

bool needs_escape(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7F;
  });
}

// Mirrors yaml_emitter_analyze_scalar's block-context plain check.
bool plain_allowed(std::string_view s) {
  if (s.empty()) return false;
  if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  auto blank_or_end = [&](std::size_t k) { return k + 1 >= s.size() || s[k + 1] == ' '; };
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (k == 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
          return false;
        case '?': case ':': case '-':
          if (blank_or_end(k)) return false;
          break;
        default: break;
      }
    } else {
      if (c == ':' && blank_or_end(k)) return false;
      if (c == '#' && s[k - 1] == ' ') return false;
    }
  }
  return true;
}

void yaml_double_quoted(std::string& o, std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  o += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\t': o += "\\t"; break;
      case '\r': o += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          o += "\\x";
          o += hex[c >> 4U];
          o += hex[c & 0xFU];
        } else {
          o += ch;
        }
    }
  }
  o += '"';
}

void yaml_string(std::string& o, std::string_view s) {
  if (resolves_to_non_string(s) || needs_escape(s)) {
    yaml_double_quoted(o, s);
  } else if (!plain_allowed(s)) {
    o += '\'';
    for (char c : s) {
      if (c == '\'') o += '\'';
      o += c;
    }
    o += '\'';
  } else {
    o += s;
  }
}

void yaml_mapping(std::string& o, const Node& n, std::size_t indent, bool first_inline);
void yaml_sequence(std::string& o, const Node& n, std::size_t indent, bool first_inline);

// Emits what follows "key:" or "-": a scalar on the same line, or a nested
// block. `indent` is the indentation of the key (or of the dash).
void yaml_after_indicator(std::string& o, const Node& v, std::size_t indent, bool in_sequence) {
  switch (v.type) {
    case Node::Type::null: o += " null\n"; break;
    case Node::Type::boolean: o += v.b ? " true\n" : " false\n"; break;
    case Node::Type::integer:
      o += ' ';
      o += std::to_string(v.i);
      o += '\n';
      break;
    case Node::Type::string:
      o += ' ';
      yaml_string(o, v.s);
      o += '\n';
      break;
    case Node::Type::object:
      if (v.fields.empty()) {
        o += " {}\n";
      } else if (in_sequence) {
        o += ' ';
        yaml_mapping(o, v, indent + 2, true);
      } else {
        o += '\n';
        yaml_mapping(o, v, indent + 2, false);
      }
      break;
    case Node::Type::array:
      if (v.items.empty()) {
        o += " []\n";
      } else if (in_sequence) {
        o += ' ';
        yaml_sequence(o, v, indent + 2, true);
      } else {
        o += '\n';
        yaml_sequence(o, v, indent, false);  // "- item" at the key's indentation
      }
      break;
  }
}

void yaml_mapping(std::string& o, const Node& n, std::size_t indent, bool first_inline) {
  bool first = true;
  for (const Member& m : n.fields) {
    if (!(first && first_inline)) o.append(indent, ' ');
    first = false;
    yaml_string(o, m.key);
    o += ':';
    yaml_after_indicator(o, m.value, indent, false);
  }
}

void yaml_sequence(std::string& o, const Node& n, std::size_t indent, bool first_inline) {
  bool first = true;
  for (const Node& item : n.items) {
    if (!(first && first_inline)) o.append(indent, ' ');
    first = false;
    o += '-';
    yaml_after_indicator(o, item, indent, true);
  }
}

// ---------------------------------------------------------------------------
// Value helpers

std::string pad(std::size_t value, std::size_t width) {
  std::string s = std::to_string(value);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

std::string uid(Rng& r) {
  static constexpr char hex[] = "0123456789abcdef";
  const std::uint64_t hi = r.next();
  const std::uint64_t lo = r.next();
  std::string s;
  s.reserve(36);
  for (int k = 0; k < 32; ++k) {
    const std::uint64_t word = k < 16 ? hi : lo;
    auto nib = static_cast<unsigned>((word >> (4U * static_cast<unsigned>(15 - k % 16))) & 0xFU);
    if (k == 12) nib = 4;                 // version 4
    if (k == 16) nib = 8U | (nib & 3U);   // RFC 4122 variant
    if (k == 8 || k == 12 || k == 16 || k == 20) s += '-';
    s += hex[nib];
  }
  return s;
}

// Seconds since the Unix epoch -> "YYYY-MM-DDThh:mm:ssZ" (Howard Hinnant's
// civil_from_days).
std::string timestamp(long long epoch) {
  const long long days = epoch / 86400;
  long long secs = epoch % 86400;
  const long long z = days + 719468;
  const long long era = z / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  const long long hh = secs / 3600;
  secs %= 3600;
  auto two = [](long long v) { return pad(static_cast<std::size_t>(v), 2); };
  return pad(static_cast<std::size_t>(y), 4) + "-" + two(m) + "-" + two(d) + "T" + two(hh) + ":" +
         two(secs / 60) + ":" + two(secs % 60) + "Z";
}

std::string base64(const std::vector<unsigned char>& in) {
  static constexpr char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string o;
  o.reserve((in.size() + 2) / 3 * 4);
  std::size_t k = 0;
  for (; k + 2 < in.size(); k += 3) {
    const unsigned v = (unsigned{in[k]} << 16U) | (unsigned{in[k + 1]} << 8U) | in[k + 2];
    o += tbl[(v >> 18U) & 63U];
    o += tbl[(v >> 12U) & 63U];
    o += tbl[(v >> 6U) & 63U];
    o += tbl[v & 63U];
  }
  if (k + 1 == in.size()) {
    const unsigned v = unsigned{in[k]} << 16U;
    o += tbl[(v >> 18U) & 63U];
    o += tbl[(v >> 12U) & 63U];
    o += "==";
  } else if (k + 2 == in.size()) {
    const unsigned v = (unsigned{in[k]} << 16U) | (unsigned{in[k + 1]} << 8U);
    o += tbl[(v >> 18U) & 63U];
    o += tbl[(v >> 12U) & 63U];
    o += tbl[(v >> 6U) & 63U];
    o += '=';
  }
  return o;
}

std::string random_base64(Rng& r, std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  for (auto& b : buf) b = static_cast<unsigned char>(r.next() & 0xFFU);
  return base64(buf);
}

std::string base64_of(std::string_view s) {
  return base64(std::vector<unsigned char>(s.begin(), s.end()));
}

std::string random_suffix(Rng& r, std::size_t len) {
  static constexpr char alnum[] = "bcdfghjklmnpqrstvwxz2456789";  // like k8s rand.String
  std::string s;
  for (std::size_t k = 0; k < len; ++k) s += alnum[r.below(sizeof(alnum) - 1)];
  return s;
}

std::string resource_version(Rng& r) { return std::to_string(100000 + r.below(9900000)); }

constexpr long long kClusterBirth = 1672531200;  // 2023-01-01T00:00:00Z
constexpr long long kDay = 86400;

Node metadata(Rng& r, const std::string& name, const std::string* ns, long long created, Node labels,
              Node annotations = Node{}) {
  Obj m;
  m("name", name);
  if (ns != nullptr) m("namespace", *ns);
  if (labels.type == Node::Type::object && !labels.fields.empty()) m("labels", std::move(labels));
  if (annotations.type == Node::Type::object && !annotations.fields.empty()) {
    m("annotations", std::move(annotations));
  }
  m("uid", uid(r));
  m("creationTimestamp", timestamp(created));
  m("resourceVersion", resource_version(r));
  return m;
}

// ---------------------------------------------------------------------------
// Pools

constexpr std::array<const char*, 20> kApps = {
    "api",      "web",      "worker",    "ingest",   "billing",  "auth",    "search",
    "cache",    "scheduler", "reporter", "gateway",  "frontend", "backend", "payments",
    "inventory", "notifier", "analytics", "crawler", "mailer",   "exporter"};

constexpr std::array<const char*, 12> kRoleNames = {
    "pod-reader",  "secret-reader",  "deployer",          "config-editor",
    "job-runner",  "debugger",       "log-reader",        "ci-deployer",
    "app-operator", "monitoring-reader", "namespace-admin", "ingress-manager"};

constexpr std::array<const char*, 8> kGroups = {"monitoring", "logging", "ci",      "platform",
                                                "security",   "data",    "network", "storage"};

struct ApiGroup {
  const char* group;
  std::vector<const char*> resources;
};

const std::vector<ApiGroup>& namespaced_groups() {
  static const std::vector<ApiGroup> g = {
      {"", {"pods", "pods/log", "pods/exec", "pods/portforward", "secrets", "configmaps", "services",
            "endpoints", "persistentvolumeclaims", "serviceaccounts", "events"}},
      {"apps", {"deployments", "deployments/scale", "replicasets", "statefulsets", "daemonsets"}},
      {"batch", {"jobs", "cronjobs"}},
      {"networking.k8s.io", {"ingresses", "networkpolicies"}},
      {"autoscaling", {"horizontalpodautoscalers"}},
      {"policy", {"poddisruptionbudgets"}},
  };
  return g;
}

const std::vector<ApiGroup>& cluster_groups() {
  static const std::vector<ApiGroup> g = {
      {"", {"nodes", "nodes/proxy", "namespaces", "persistentvolumes"}},
      {"rbac.authorization.k8s.io", {"roles", "rolebindings", "clusterroles", "clusterrolebindings"}},
      {"apiextensions.k8s.io", {"customresourcedefinitions"}},
      {"storage.k8s.io", {"storageclasses", "volumeattachments"}},
      {"certificates.k8s.io", {"certificatesigningrequests", "certificatesigningrequests/approval"}},
      {"admissionregistration.k8s.io",
       {"validatingwebhookconfigurations", "mutatingwebhookconfigurations"}},
  };
  return g;
}

template <typename Pool>
std::vector<std::string> pick_distinct(Rng& r, const Pool& pool, std::size_t n) {
  std::vector<std::string> out;
  n = std::min(n, pool.size());
  while (out.size() < n) {
    std::string c = pool[r.below(pool.size())];
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> random_verbs(Rng& r) {
  const std::size_t mode = r.below(100);
  if (mode < 45) {
    if (r.chance(25)) return {"get"};
    if (r.chance(20)) return {"get", "list"};
    return {"get", "list", "watch"};
  }
  if (mode < 75) return {"get", "list", "watch", "create", "update", "patch", "delete"};
  if (mode < 85) return {"create", "update", "patch"};
  if (mode < 92) return {"*"};
  if (mode < 97) return {"create"};
  return {"delete", "deletecollection"};
}

// One policy rule drawn from the namespaced pool (plus cluster-scoped resources
// when cluster_scope); sometimes restricted to names from resource_name_pool.
Node random_rule(Rng& r, bool cluster_scope, const std::vector<std::string>& resource_name_pool) {
  const auto& pool = (cluster_scope && r.chance(45)) ? cluster_groups() : namespaced_groups();
  // Skew towards the core group, as real roles are.
  const ApiGroup& g = r.chance(45) ? pool.front() : pool[r.below(pool.size())];
  Obj rule;
  std::vector<std::string> api_groups = {g.group};
  if (std::string_view(g.group) == "apps" && r.chance(15)) api_groups.emplace_back("extensions");
  std::vector<std::string> resources;
  if (r.chance(4)) {
    resources = {"*"};
    if (r.chance(50)) api_groups = {"*"};
  } else {
    resources = pick_distinct(r, g.resources, r.chance(60) ? 1U : r.chance(75) ? 2U : 3U);
  }
  std::vector<std::string> verbs = random_verbs(r);
  if (std::find(resources.begin(), resources.end(), "pods/exec") != resources.end() && r.chance(70)) {
    verbs = {"create", "get"};
  }
  if (!resource_name_pool.empty() && resources.front() != "*" && r.chance(15)) {
    rule("resourceNames",
         strings(pick_distinct(r, resource_name_pool, static_cast<std::size_t>(r.range(1, 2)))));
    verbs = r.chance(70) ? std::vector<std::string>{"get"} : std::vector<std::string>{"get", "update", "patch"};
  }
  rule("apiGroups", strings(api_groups));
  rule("resources", strings(resources));
  rule("verbs", strings(verbs));
  return rule;
}

Node non_resource_rule(Rng& r) {
  static const std::vector<const char*> urls = {"/healthz", "/healthz/*", "/livez", "/readyz",
                                                "/metrics", "/version",   "/api",   "/api/*",
                                                "/apis",    "/apis/*",    "/openapi/v2", "/logs/*"};
  std::vector<std::string> u = r.chance(5) ? std::vector<std::string>{"*"}
                                           : pick_distinct(r, urls, static_cast<std::size_t>(r.range(1, 4)));
  const char* verb = r.chance(85) ? "get" : "*";
  return Obj()("nonResourceURLs", strings(u))("verbs", Arr()(verb));
}

Node rbac_subject(const char* kind, const std::string& name) {
  return Obj()("apiGroup", "rbac.authorization.k8s.io")("kind", kind)("name", name);
}

Node sa_subject(const std::string& name, const std::string& ns) {
  return Obj()("kind", "ServiceAccount")("name", name)("namespace", ns);
}

// ---------------------------------------------------------------------------
// Cluster-scoped objects

struct ClusterContext {
  int namespaces = 0;
  std::size_t ns_width = 4;
  std::size_t users = 1;
  std::size_t teams = 1;
  std::vector<std::string> generated_cluster_roles;  // names bindings may reference

  [[nodiscard]] std::string ns_name(std::size_t index) const { return "ns-" + pad(index, ns_width); }
  std::string user(Rng& r) const { return "user-" + std::to_string(r.below(users)); }
  std::string team(Rng& r) const { return "team-" + std::to_string(r.below(teams)); }
};

constexpr int kGeneratedClusterRoles = 196;
constexpr int kClusterRoleBindings = 200;

Node builtin_labels() { return Obj()("kubernetes.io/bootstrapping", "rbac-defaults"); }
Node autoupdate() { return Obj()("rbac.authorization.kubernetes.io/autoupdate", "true"); }

Node cluster_role_object(Rng& r, const std::string& name, Node labels, Node annotations, Node rules,
                         Node aggregation = Node{}) {
  const long long created = kClusterBirth + static_cast<long long>(r.below(3600));
  Obj o;
  o("apiVersion", "rbac.authorization.k8s.io/v1")("kind", "ClusterRole");
  o("metadata", metadata(r, name, nullptr, created, std::move(labels), std::move(annotations)));
  if (aggregation.type != Node::Type::null) o("aggregationRule", std::move(aggregation));
  o("rules", std::move(rules));
  return o;
}

Node aggregation_rule(std::initializer_list<std::string> label_keys) {
  Arr selectors;
  for (const auto& k : label_keys) selectors(Obj()("matchLabels", Obj()(k, "true")));
  return Obj()("clusterRoleSelectors", selectors);
}

std::vector<Node> cluster_roles(unsigned seed, ClusterContext& ctx) {
  std::vector<Node> out;
  Rng r = stream(seed, 0, Stream::cluster_role);

  // Built-ins the generated RoleBindings reference.
  out.push_back(cluster_role_object(
      r, "cluster-admin", builtin_labels(), autoupdate(),
      Arr()(Obj()("apiGroups", Arr()("*"))("resources", Arr()("*"))("verbs", Arr()("*")))(
          Obj()("nonResourceURLs", Arr()("*"))("verbs", Arr()("*")))));
  const char* const levels[] = {"admin", "edit", "view"};
  for (const char* level : levels) {
    Arr rules;
    const int n = std::string_view(level) == "admin" ? 8 : std::string_view(level) == "edit" ? 6 : 4;
    for (int k = 0; k < n; ++k) rules(random_rule(r, false, {}));
    // As in real clusters: view aggregates into edit, edit into admin.
    const std::string_view lv = level;
    Node labels = lv == "admin" ? builtin_labels()
                                : Node(Obj()("kubernetes.io/bootstrapping", "rbac-defaults")(
                                      std::string("rbac.authorization.k8s.io/aggregate-to-") +
                                          (lv == "view" ? "edit" : "admin"),
                                      "true"));
    out.push_back(cluster_role_object(
        r, level, std::move(labels), autoupdate(), rules,
        aggregation_rule({std::string("rbac.authorization.k8s.io/aggregate-to-") + level})));
  }

  static const std::array<const char*, 8> purposes = {"reader", "writer", "operator", "admin",
                                                      "viewer", "controller", "auditor", "manager"};
  for (int k = 0; k < kGeneratedClusterRoles; ++k) {
    const std::string group = kGroups[static_cast<std::size_t>(k) % kGroups.size()];
    const std::string agg_key = "rbac.example.com/aggregate-to-" + group;
    if (k < static_cast<int>(kGroups.size())) {
      // One aggregation root per group; half of them also select a second group.
      Node agg = r.chance(50) ? aggregation_rule({agg_key})
                              : aggregation_rule({agg_key, "rbac.example.com/aggregate-to-" +
                                                               std::string(kGroups[(static_cast<std::size_t>(k) + 1) %
                                                                                   kGroups.size()])});
      Arr rules;  // as filled in by the aggregation controller
      const int n = k == 0 ? 0 : r.range(2, 6);
      for (int j = 0; j < n; ++j) rules(random_rule(r, true, {}));
      std::string name = group + "-aggregated";
      ctx.generated_cluster_roles.push_back(name);
      out.push_back(cluster_role_object(r, name, Obj()("app.kubernetes.io/part-of", group), Node{},
                                        rules, std::move(agg)));
      continue;
    }
    std::string name = group + "-" + purposes[r.below(purposes.size())] + "-" + pad(static_cast<std::size_t>(k), 3);
    Obj labels;
    labels("app.kubernetes.io/part-of", group);
    if (r.chance(35)) labels(agg_key, "true");
    if (r.chance(8)) {
      static const std::array<const char*, 3> targets = {"view", "edit", "admin"};
      labels(std::string("rbac.authorization.k8s.io/aggregate-to-") + r.pick(targets), "true");
    }
    Node label_node = labels;
    Arr rules;
    const int n = r.range(1, 5);
    for (int j = 0; j < n; ++j) rules(random_rule(r, true, {}));
    if (r.chance(12)) rules(non_resource_rule(r));
    if (r.chance(4)) {
      static const std::vector<const char*> esc = {"bind", "escalate", "impersonate"};
      const std::string verb = esc[r.below(esc.size())];
      if (verb == "impersonate") {
        rules(Obj()("apiGroups", Arr()(""))("resources", Arr()("users")("groups")("serviceaccounts"))(
            "verbs", Arr()("impersonate")));
      } else {
        rules(Obj()("apiGroups", Arr()("rbac.authorization.k8s.io"))(
            "resources", Arr()("clusterroles")("roles"))("verbs", Arr()(verb)));
      }
    }
    Node annotations = r.chance(20) ? Node(Obj()("description", "Generated role for the " + group + " team"))
                                    : Node{};
    ctx.generated_cluster_roles.push_back(name);
    out.push_back(cluster_role_object(r, name, std::move(label_node), std::move(annotations), rules));
  }
  return out;
}

std::vector<Node> cluster_role_bindings(unsigned seed, const ClusterContext& ctx) {
  std::vector<Node> out;
  Rng r = stream(seed, 0, Stream::cluster_role_binding);
  for (int k = 0; k < kClusterRoleBindings; ++k) {
    std::string role;
    Arr subjects;
    if (k == 0) {
      role = "cluster-admin";
      subjects(rbac_subject("Group", "system:masters"));
    } else {
      const std::size_t p = r.below(100);
      if (p < 84) role = r.pick(ctx.generated_cluster_roles);
      else if (p < 96) role = std::array<const char*, 3>{"view", "edit", "admin"}[r.below(3)];
      else role = "cluster-admin";
      const int n = r.range(1, 3);
      for (int j = 0; j < n; ++j) {
        const std::size_t kind = r.below(100);
        if (kind < 30) {
          subjects(rbac_subject("User", ctx.user(r)));
        } else if (kind < 60) {
          subjects(rbac_subject("Group", ctx.team(r)));
        } else if (kind < 62) {
          subjects(rbac_subject("Group", "system:authenticated"));
        } else {
          const std::string ns = ctx.namespaces > 0
                                     ? ctx.ns_name(r.below(static_cast<std::size_t>(ctx.namespaces)))
                                     : std::string("kube-system");
          subjects(sa_subject(r.chance(50) ? std::string("default") : std::string(kApps[r.below(kApps.size())]), ns));
        }
      }
    }
    const std::string name = (k == 0 ? std::string("cluster-admin") : role + "-binding-" + pad(static_cast<std::size_t>(k), 3));
    const long long created = kClusterBirth + static_cast<long long>(r.below(90 * 3600 * 24));
    Obj o;
    o("apiVersion", "rbac.authorization.k8s.io/v1")("kind", "ClusterRoleBinding");
    o("metadata", metadata(r, name, nullptr, created,
                           k == 0 ? builtin_labels() : Node(Obj()("app.kubernetes.io/managed-by", "rbacq-gen")),
                           k == 0 ? autoupdate() : Node{}));
    o("roleRef", Obj()("apiGroup", "rbac.authorization.k8s.io")("kind", "ClusterRole")("name", role));
    o("subjects", subjects);
    out.push_back(o);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Namespaced objects

struct NsPlan {
  std::string ns;
  long long created = 0;
  std::string app;
  std::string team;
  std::array<std::string, 2> sa;       // sorted
  std::array<std::string, 2> sa_uid;
  std::array<std::string, 2> role;     // sorted
  bool token_secret = false;
  std::size_t token_sa = 0;
  std::string secret;
  std::string config_map;
};

NsPlan make_plan(unsigned seed, std::size_t index, const ClusterContext& ctx) {
  Rng r = stream(seed, index, Stream::plan);
  NsPlan p;
  p.ns = ctx.ns_name(index);
  p.created = kClusterBirth + 2 * kDay + static_cast<long long>(r.below(300 * kDay));
  p.app = kApps[r.below(kApps.size())];
  p.team = ctx.team(r);
  p.sa = {"default", r.chance(50) ? p.app : p.app + "-sa"};
  std::sort(p.sa.begin(), p.sa.end());
  p.sa_uid = {uid(r), uid(r)};
  const std::size_t a = r.below(kRoleNames.size());
  const std::size_t b = (a + 1 + r.below(kRoleNames.size() - 1)) % kRoleNames.size();
  p.role = {kRoleNames[a], kRoleNames[b]};
  std::sort(p.role.begin(), p.role.end());
  p.token_secret = r.chance(40);
  p.token_sa = r.below(2);
  p.secret = p.token_secret ? p.sa[p.token_sa] + "-token-" + random_suffix(r, 5) : p.app + "-credentials";
  p.config_map = p.app + "-config";
  return p;
}

long long object_time(Rng& r, const NsPlan& p) {
  return p.created + static_cast<long long>(r.below(static_cast<std::size_t>(30 * kDay)));
}

Node namespace_object(unsigned seed, std::size_t index, const NsPlan& p) {
  Rng r = stream(seed, index, Stream::ns_object);
  Obj labels;
  labels("kubernetes.io/metadata.name", p.ns)("team", p.team);
  if (r.chance(30)) labels("pod-security.kubernetes.io/enforce", r.chance(50) ? "baseline" : "restricted");
  Obj o;
  o("apiVersion", "v1")("kind", "Namespace");
  o("metadata", metadata(r, p.ns, nullptr, p.created, labels));
  o("spec", Obj()("finalizers", Arr()("kubernetes")));
  o("status", Obj()("phase", "Active"));
  return o;
}

std::vector<Node> service_accounts(unsigned seed, std::size_t index, const NsPlan& p) {
  Rng r = stream(seed, index, Stream::service_account);
  std::vector<Node> out;
  for (std::size_t k = 0; k < 2; ++k) {
    Obj o;
    o("apiVersion", "v1")("kind", "ServiceAccount");
    Node labels = Obj()("app", p.app);
    Node md = metadata(r, p.sa[k], &p.ns, p.sa[k] == "default" ? p.created : object_time(r, p), labels);
    // metadata() drew the uid from r; use the plan's so Secrets can point at it.
    for (auto& m : md.fields) {
      if (m.key == "uid") m.value.s = p.sa_uid[k];
    }
    o("metadata", std::move(md));
    if (p.token_secret && p.token_sa == k) o("secrets", Arr()(Obj()("name", p.secret)));
    if (p.sa[k] != "default" && r.chance(15)) o("automountServiceAccountToken", boolean(false));
    out.push_back(o);
  }
  return out;
}

std::vector<Node> roles(unsigned seed, std::size_t index, const NsPlan& p) {
  Rng r = stream(seed, index, Stream::role);
  const std::vector<std::string> names = {p.secret, p.config_map, p.app};
  std::vector<Node> out;
  for (std::size_t k = 0; k < 2; ++k) {
    Arr rules;
    const int n = r.chance(60) ? 2 : 3;
    for (int j = 0; j < n; ++j) rules(random_rule(r, false, names));
    Obj o;
    o("apiVersion", "rbac.authorization.k8s.io/v1")("kind", "Role");
    o("metadata", metadata(r, p.role[k], &p.ns, object_time(r, p), Obj()("app", p.app)));
    o("rules", rules);
    out.push_back(o);
  }
  return out;
}

std::vector<Node> role_bindings(unsigned seed, std::size_t index, const NsPlan& p, const ClusterContext& ctx) {
  Rng r = stream(seed, index, Stream::role_binding);
  struct Binding {
    std::string name;
    Node node;
  };
  std::vector<Binding> out;
  for (std::size_t k = 0; k < 2; ++k) {
    std::string kind = "Role";
    std::string ref = p.role[k];
    const std::size_t choice = r.below(100);
    if (choice >= 60 && choice < 85) {
      kind = "ClusterRole";
      const std::size_t level = r.below(100);
      ref = level < 45 ? "view" : level < 80 ? "edit" : "admin";
    } else if (choice >= 85 && !ctx.generated_cluster_roles.empty()) {
      kind = "ClusterRole";
      ref = r.pick(ctx.generated_cluster_roles);
    }
    Arr subjects;
    const int n = r.chance(65) ? 1 : r.chance(75) ? 2 : 3;
    for (int j = 0; j < n; ++j) {
      const std::size_t s = r.below(100);
      if (s < 45) {
        subjects(sa_subject(p.sa[r.below(2)], p.ns));
      } else if (s < 70) {
        subjects(rbac_subject("User", ctx.user(r)));
      } else if (s < 92) {
        subjects(rbac_subject("Group", r.chance(50) ? p.team : ctx.team(r)));
      } else if (s < 97 && ctx.namespaces > 0) {
        // A ServiceAccount from another namespace. (Draws are separate
        // statements: argument evaluation order is unspecified.)
        const std::string sa_name = kApps[r.below(kApps.size())];
        const std::string other_ns = ctx.ns_name(r.below(static_cast<std::size_t>(ctx.namespaces)));
        subjects(sa_subject(sa_name, other_ns));
      } else {
        subjects(rbac_subject("Group", "system:serviceaccounts:" + p.ns));
      }
    }
    std::string name = ref + "-binding";
    if (k == 1 && out[0].name == name) name = ref + "-binding-2";
    Obj o;
    o("apiVersion", "rbac.authorization.k8s.io/v1")("kind", "RoleBinding");
    o("metadata", metadata(r, name, &p.ns, object_time(r, p), Obj()("app", p.app)));
    o("roleRef", Obj()("apiGroup", "rbac.authorization.k8s.io")("kind", kind)("name", ref));
    o("subjects", subjects);
    out.push_back({name, o});
  }
  if (out[1].name < out[0].name) std::swap(out[0], out[1]);
  return {std::move(out[0].node), std::move(out[1].node)};
}

Node deployment(unsigned seed, std::size_t index, const NsPlan& p) {
  Rng r = stream(seed, index, Stream::deployment);
  const long long created = object_time(r, p);
  const int replicas = r.range(1, 3);
  Node md = metadata(r, p.app, &p.ns, created, Obj()("app", p.app));
  md.fields.push_back(Member{"generation", integer(r.range(1, 12))});
  std::sort(md.fields.begin(), md.fields.end(), [](const Member& a, const Member& b) { return a.key < b.key; });

  Arr containers;
  Arr volumes;
  const bool host_path = r.chance(6);
  const int n_containers = r.chance(25) ? 2 : 1;
  for (int c = 0; c < n_containers; ++c) {
    static const std::array<const char*, 3> sidecar_names = {"log-shipper", "istio-proxy", "metrics-exporter"};
    static const std::array<const char*, 3> sidecar_images = {
        "fluent/fluent-bit:2.1.10", "docker.io/istio/proxyv2:1.19.3", "prom/statsd-exporter:v0.24.0"};
    const std::size_t sc = r.below(3);
    Obj ct;
    if (c == 0) {
      ct("name", p.app);
      const int minor = r.range(0, 30);  // separate draws: operand order of + is unspecified
      const int patch = r.range(0, 9);
      ct("image", "registry.example.com/" + p.team + "/" + p.app + ":v1." + std::to_string(minor) + "." +
                      std::to_string(patch));
      if (r.chance(30)) ct("ports", Arr()(Obj()("containerPort", integer(8080))("protocol", "TCP")));
    } else {
      ct("name", sidecar_names[sc]);
      ct("image", sidecar_images[sc]);
    }
    ct("resources", Obj());
    if (r.chance(8)) {
      ct("securityContext", Obj()("privileged", boolean(true)));
    } else if (r.chance(15)) {
      ct("securityContext", Obj()("runAsNonRoot", boolean(true)));
    }
    if (c == 0 && host_path) {
      ct("volumeMounts", Arr()(Obj()("mountPath", "/host")("name", "host")));
    }
    containers(ct);
  }
  if (host_path) {
    static const std::array<const char*, 5> paths = {"/var/run/docker.sock", "/var/log", "/", "/etc", "/proc"};
    volumes(Obj()("hostPath", Obj()("path", r.pick(paths))("type", ""))("name", "host"));
  }
  if (r.chance(30)) {
    volumes(Obj()("configMap", Obj()("defaultMode", integer(420))("name", p.config_map))("name", "config"));
  }

  const std::string& sa = p.sa[r.below(2)];
  Obj pod;
  pod("containers", containers);
  pod("serviceAccount", sa);  // deprecated alias kubectl still prints
  pod("serviceAccountName", sa);
  if (r.chance(3)) pod("hostNetwork", boolean(true));
  if (r.chance(10)) pod("automountServiceAccountToken", boolean(false));
  if (!volumes.empty()) pod("volumes", volumes);

  Obj spec;
  spec("replicas", integer(replicas));
  spec("selector", Obj()("matchLabels", Obj()("app", p.app)));
  spec("template", Obj()("metadata", Obj()("creationTimestamp", null_node())("labels", Obj()("app", p.app)))(
                       "spec", pod));

  Obj o;
  o("apiVersion", "apps/v1")("kind", "Deployment");
  o("metadata", std::move(md));
  o("spec", spec);
  o("status", Obj()("readyReplicas", integer(replicas))("replicas", integer(replicas)));
  return o;
}

Node secret(unsigned seed, std::size_t index, const NsPlan& p) {
  Rng r = stream(seed, index, Stream::secret);
  Obj o;
  o("apiVersion", "v1")("kind", "Secret");
  if (p.token_secret) {
    const std::string& sa = p.sa[p.token_sa];
    o("metadata", metadata(r, p.secret, &p.ns, p.created, Obj()("app", p.app),
                           Obj()("kubernetes.io/service-account.name", sa)(
                               "kubernetes.io/service-account.uid", p.sa_uid[p.token_sa])));
    o("type", "kubernetes.io/service-account-token");
    std::string ca = random_base64(r, 180);
    std::string token = random_base64(r, 150);
    o("data", Obj()("ca.crt", std::move(ca))("namespace", base64_of(p.ns))("token", std::move(token)));
  } else {
    o("metadata", metadata(r, p.secret, &p.ns, object_time(r, p), Obj()("app", p.app)));
    o("type", "Opaque");
    Obj data;
    data("password", random_base64(r, static_cast<std::size_t>(r.range(12, 32))));
    data("username", base64_of(p.app));
    o("data", data);
  }
  return o;
}

Node config_map(unsigned seed, std::size_t index, const NsPlan& p) {
  Rng r = stream(seed, index, Stream::config_map);
  static const std::array<const char*, 4> levels = {"info", "debug", "warn", "error"};
  Obj data;
  data("LOG_LEVEL", r.pick(levels));
  data("FEATURE_FLAGS_ENABLED", r.chance(50) ? "true" : "false");
  if (r.chance(40)) data("PORT", "8080");
  if (r.chance(20)) data("ALLOWED_ORIGINS", "*");
  if (r.chance(15)) data("EXTRA_ARGS", "");
  Obj o;
  o("apiVersion", "v1")("kind", "ConfigMap");
  o("metadata", metadata(r, p.config_map, &p.ns, object_time(r, p), Obj()("app", p.app)));
  o("data", data);
  return o;
}

// ---------------------------------------------------------------------------
// Output

class Sink {
 public:
  Sink(std::ostream& out, DumpFormat format) : out_(out), format_(format) {
    buf_.reserve(kFlushAt + (1U << 16U));
    if (format_ == DumpFormat::json) buf_ += "{\n    \"apiVersion\": \"v1\",\n    \"items\": [";
  }

  void add(const Node& n) {
    if (format_ == DumpFormat::json) {
      buf_ += count_ == 0 ? "\n        " : ",\n        ";
      json_value(buf_, n, 2);
    } else {
      if (count_ != 0) buf_ += "---\n";
      yaml_mapping(buf_, n, 0, false);
    }
    ++count_;
    if (buf_.size() >= kFlushAt) flush();
  }

  std::size_t finish() {
    if (format_ == DumpFormat::json) {
      buf_ += count_ == 0 ? "]," : "\n    ],";
      buf_ += "\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n";
    }
    flush();
    out_.flush();
    return count_;
  }

 private:
  static constexpr std::size_t kFlushAt = 1U << 20U;
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  std::ostream& out_;
  DumpFormat format_;
  std::string buf_;
  std::size_t count_ = 0;
};

const Node* field(const Node& obj, std::string_view key) {
  for (const Member& m : obj.fields) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

const std::string& object_name(const Node& obj) {
  static const std::string none;
  const Node* md = field(obj, "metadata");
  const Node* name = md != nullptr ? field(*md, "name") : nullptr;
  return name != nullptr ? name->s : none;
}

std::size_t digits(std::size_t v) {
  std::size_t d = 1;
  while (v >= 10) {
    v /= 10;
    ++d;
  }
  return d;
}

}  // namespace

std::size_t write_cluster(std::ostream& out, const ClusterShape& shape, DumpFormat format) {
  if (shape.namespaces < 0) throw std::invalid_argument("write_cluster: namespaces must be >= 0");
  const auto n = static_cast<std::size_t>(shape.namespaces);
  const unsigned seed = shape.seed;

  ClusterContext ctx;
  ctx.namespaces = shape.namespaces;
  ctx.ns_width = std::max<std::size_t>(4, n == 0 ? 1 : digits(n - 1));
  ctx.users = std::max<std::size_t>(50, n / 2);
  ctx.teams = std::max<std::size_t>(10, n / 25);

  Sink sink(out, format);

  // Grouped by kind, each group sorted by namespace then name, as
  // `kubectl get clusterroles,clusterrolebindings,namespaces,... -A -o json` lists them.
  std::vector<Node> crs = cluster_roles(seed, ctx);
  std::vector<Node> crbs = cluster_role_bindings(seed, ctx);
  auto by_name = [](const Node& a, const Node& b) { return object_name(a) < object_name(b); };
  std::sort(crs.begin(), crs.end(), by_name);
  std::sort(crbs.begin(), crbs.end(), by_name);
  for (const Node& o : crs) sink.add(o);
  for (const Node& o : crbs) sink.add(o);
  crs.clear();
  crbs.clear();

  enum class Kind { ns, sa, role, rb, deploy, secret, cm };
  for (Kind kind : {Kind::ns, Kind::sa, Kind::role, Kind::rb, Kind::deploy, Kind::secret, Kind::cm}) {
    for (std::size_t i = 0; i < n; ++i) {
      const NsPlan p = make_plan(seed, i, ctx);
      switch (kind) {
        case Kind::ns: sink.add(namespace_object(seed, i, p)); break;
        case Kind::sa:
          for (const Node& o : service_accounts(seed, i, p)) sink.add(o);
          break;
        case Kind::role:
          for (const Node& o : roles(seed, i, p)) sink.add(o);
          break;
        case Kind::rb:
          for (const Node& o : role_bindings(seed, i, p, ctx)) sink.add(o);
          break;
        case Kind::deploy: sink.add(deployment(seed, i, p)); break;
        case Kind::secret: sink.add(secret(seed, i, p)); break;
        case Kind::cm: sink.add(config_map(seed, i, p)); break;
      }
    }
  }
  return sink.finish();
}

bool parse_bench_args(int argc, char** argv, const char* program, ClusterShape& shape, int& runs) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--namespaces" && i + 1 < argc) {
      shape.namespaces = std::atoi(argv[++i]);
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: %s [--namespaces N] [--runs R]\n", program);
      return false;
    }
  }
  return true;
}

}  // namespace rbacq::bench
