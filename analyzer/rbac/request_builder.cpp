// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/request_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "support/edit_distance.hpp"

namespace rbacq::analyzer::rbac {
namespace {

using catalogue::ApiResource;
using catalogue::Subresource;

Diagnostic usage_error(std::string message, std::vector<Note> notes = {}) {
  return Diagnostic{"usage", Severity::error, {}, std::move(message), std::move(notes)};
}

bool has(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string names_of(const std::vector<Subresource>& subs) {
  std::vector<std::string> names;
  names.reserve(subs.size());
  for (const Subresource& s : subs) names.push_back(s.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

/// Remarks about a verb or subresource the resource does not have: the answer is still given
/// (RBAC matches strings, whatever the API serves), but it is probably not the question meant.
void check_verb_and_subresource(const RequestSpec& spec, const ApiResource& r, const std::string& name, int minor,
                                std::vector<std::string>& notes) {
  const std::vector<std::string>* verbs = &r.verbs;
  std::string what = r.qualified_name();
  if (!spec.subresource.empty()) {
    const Subresource* sub = r.subresource(spec.subresource);
    if (sub == nullptr) {
      std::vector<std::string> names;
      for (const Subresource& s : r.subresources) names.push_back(s.name);
      const std::vector<std::string> close = close_names(spec.subresource, names);
      std::string message = r.subresources.empty()
                                ? fmt::format("{} has no subresources in Kubernetes 1.{}", what, minor)
                                : fmt::format("{} has no subresource '{}' in Kubernetes 1.{} (it has: {})", what, spec.subresource,
                                              minor, names_of(r.subresources));
      if (!close.empty()) message += fmt::format("; did you mean '{}'?", close.front());
      notes.push_back(std::move(message));
      verbs = nullptr;
    } else {
      verbs = &sub->verbs;
      what += "/" + spec.subresource;
    }
  }
  if (verbs != nullptr && spec.verb != "*" && !has(*verbs, spec.verb)) {
    notes.push_back(fmt::format("'{}' is not a verb of {} (verbs: {}); RBAC still matches it as a string", spec.verb, what,
                                fmt::join(*verbs, ", ")));
  }
  if (spec.subresource.empty() && !name.empty() && r.subresource(name) != nullptr) {
    const std::string& kind = r.singular.empty() ? r.name : r.singular;
    notes.push_back(spec.query_words
                        ? fmt::format("this asks about the {} named '{}'; for the subresource, write {}/{}", kind, name, r.name, name)
                        : fmt::format("'{}/{}' is read as TYPE/NAME, as kubectl does: the {} named '{}'. For the subresource, ask "
                                      "'{} {} --subresource {}'",
                                      spec.target.substr(0, spec.target.find('/')), name, kind, name, spec.verb, r.name, name));
  }
}

/// RequestInfo puts the Namespace object NAME inside NAME only when NAME is in the URL path
/// (/api/v1/namespaces/NAME[/SUB]): not for create, deletecollection, or a list or watch of
/// the collection (whose name comes from a field selector).
std::string namespace_of_namespace_request(const RequestAttributes& a) {
  if (!a.api_group.empty() || a.resource != "namespaces" || a.name.empty()) return {};
  const bool collection = a.verb == "create" || a.verb == "deletecollection" || a.verb == "list" || a.verb == "watch";
  return a.subresource.empty() && collection ? std::string() : a.name;
}

}  // namespace

Result<BuiltRequest> build_request(const RequestSpec& spec, const catalogue::ApiCatalogue& catalogue) {
  BuiltRequest out;
  RequestAttributes& a = out.attributes;
  a.verb = spec.verb;
  if (spec.verb.empty()) return fail(usage_error("the verb is empty"));
  if (spec.target.empty()) return fail(usage_error("the resource type is empty"));
  if (spec.all_namespaces && spec.namespace_) return fail(usage_error("-n/--namespace and -A/--all-namespaces exclude each other"));

  if (spec.target.front() == '/') {
    if (!spec.subresource.empty()) return fail(usage_error("--subresource does not apply to a non-resource URL"));
    if (spec.api_group) return fail(usage_error("--api-group does not apply to a non-resource URL"));
    a.resource_request = false;
    a.path = spec.target;
    if (spec.namespace_) out.notes.emplace_back("a non-resource URL has no namespace: -n is ignored");
    return out;
  }

  const std::size_t slash = spec.target.find('/');
  const std::string type = spec.target.substr(0, slash);
  std::string name = slash == std::string::npos ? std::string() : spec.target.substr(slash + 1);
  if (slash != std::string::npos && name.empty()) {
    return fail(usage_error(fmt::format("'{}' has an empty NAME after '/'", spec.target)));
  }
  a.subresource = spec.subresource;
  a.name = name;
  const std::string requested_namespace = spec.namespace_.value_or(spec.default_namespace);

  if (spec.api_group) {
    // Exactly as given: the authorizer sees these strings, whatever the API serves.
    a.api_group = *spec.api_group;
    a.resource = type;
    const catalogue::ApiResource* known = catalogue.find(a.api_group, type);
    if (spec.all_namespaces) {
      a.namespace_.clear();
    } else if (spec.namespace_ || known == nullptr || known->namespaced) {
      a.namespace_ = requested_namespace;
    } else {
      // Without -n, a type the catalogue knows as cluster-scoped is asked as the API server
      // would build it: no namespace, except the Namespace object itself.
      a.namespace_ = namespace_of_namespace_request(a);
    }
    if (known == nullptr) {
      const auto found = catalogue.resolve(type);
      for (const catalogue::ApiResource* m : found.matches) {
        if (m->group == a.api_group) {
          out.notes.push_back(fmt::format("with --api-group, TYPE is taken literally: '{}' is not a resource name (did you mean "
                                          "'{}'?)",
                                          type, m->name));
        }
      }
    }
    return out;
  }

  const ApiResource* r = nullptr;
  if (type == "*") {
    a.resource = "*";  // as kubectl: the core group; --api-group '*' asks about every group
    out.notes.emplace_back(spec.query_words ? "'*' is asked in the core group, as kubectl does"
                                            : "'*' is asked in the core group, as kubectl does; add --api-group '*' for every group");
  } else {
    const catalogue::ApiCatalogue::Lookup found = catalogue.resolve(type);
    if (found.matches.empty()) {
      std::vector<Note> notes;
      if (!found.candidates.empty()) notes.push_back({{}, fmt::format("did you mean: {}?", fmt::join(found.candidates, ", "))});
      if (!spec.query_words) notes.push_back({{}, "to ask about it anyway, give its group: --api-group GROUP (\"\" for the core group)"});
      return fail(usage_error(fmt::format("the resource type '{}' is not served by Kubernetes 1.{} and no loaded "
                                          "CustomResourceDefinition defines it",
                                          type, catalogue.minor()),
                              std::move(notes)));
    }
    if (found.matches.size() > 1) {
      std::vector<std::string> names;
      for (const ApiResource* m : found.matches) names.push_back(m->qualified_name());
      return fail(usage_error(fmt::format("the resource type '{}' is ambiguous: it is {}; name one with its group", type,
                                          fmt::join(names, " and "))));
    }
    r = found.matches.front();
    out.resource = r;
    a.api_group = r->group;
    a.resource = r->name;
    check_verb_and_subresource(spec, *r, name, catalogue.minor(), out.notes);
  }

  if (r == nullptr || r->namespaced) {
    a.namespace_ = spec.all_namespaces ? std::string() : requested_namespace;
  } else if (r->group.empty() && r->name == "namespaces" && !namespace_of_namespace_request(a).empty()) {
    // /api/v1/namespaces/NAME: the Namespace object is inside itself.
    a.namespace_ = namespace_of_namespace_request(a);
    if (spec.namespace_ && *spec.namespace_ != name) {
      out.notes.push_back(fmt::format("the request for namespace '{}' is in namespace '{}' itself: {} is ignored", name, name,
                                      spec.query_words ? "'in NAMESPACE'" : "-n"));
    }
  } else if (spec.namespace_) {
    out.notes.push_back(fmt::format("{} is cluster-scoped: the API server's request has no namespace, so {} is ignored "
                                    "(only ClusterRoleBindings can allow it)",
                                    r->qualified_name(), spec.query_words ? "'in NAMESPACE'" : "-n"));
  }

  if (!a.name.empty() && a.subresource.empty() && (a.verb == "create" || a.verb == "deletecollection")) {
    // POST or DELETE to the collection: the URL has no name.
    out.notes.push_back(fmt::format("a {} request has no name (it goes to the collection): '{}' is ignored, and rules with "
                                    "resourceNames never allow it",
                                    a.verb, a.name));
    a.name.clear();
  }
  return out;
}

}  // namespace rbacq::analyzer::rbac
