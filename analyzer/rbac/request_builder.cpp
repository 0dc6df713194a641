// SPDX-License-Identifier: Apache-2.0
#include "analyzer/rbac/request_builder.hpp"

#include <algorithm>

#include "support/edit_distance.hpp"

namespace rbacq::analyzer::rbac {
namespace {

using catalogue::ApiResource;
using catalogue::Subresource;

bool has(const std::vector<std::string>& list, std::string_view s) { return std::find(list.begin(), list.end(), s) != list.end(); }

/// Remarks about a verb or subresource the resource does not have: the answer is still given
/// (RBAC matches strings, whatever the API serves), but it is probably not the question meant.
void check_verb_and_subresource(const RequestSpec& spec, const ApiResource& r, int minor, std::vector<QuestionNote>& notes) {
  const std::vector<std::string>* verbs = &r.verbs;
  std::string what = r.qualified_name();
  if (!spec.subresource.empty()) {
    const Subresource* sub = r.subresource(spec.subresource);
    if (sub == nullptr) {
      std::vector<std::string> names;
      for (const Subresource& s : r.subresources) names.push_back(s.name);
      const std::vector<std::string> close = close_names(spec.subresource, names);
      notes.emplace_back(UnknownSubresource{what, spec.subresource, std::move(names), close.empty() ? std::string() : close.front(), minor});
      verbs = nullptr;
    } else {
      verbs = &sub->verbs;
      what += "/" + spec.subresource;
    }
  }
  if (verbs != nullptr && spec.verb != "*" && !has(*verbs, spec.verb)) notes.emplace_back(VerbNotServed{spec.verb, what, *verbs});
  if (spec.subresource.empty() && !spec.name.empty() && r.subresource(spec.name) != nullptr) {
    notes.emplace_back(NameIsSubresource{spec.resource, r.name, r.singular.empty() ? r.name : r.singular, spec.name, spec.verb});
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

/// `bind` on clusterroles (RBAC's group): upstream's BindingAuthorized asks it in the namespace of
/// the RoleBinding being written.
bool is_bind_of_cluster_roles(const RequestAttributes& a) {
  return a.verb == "bind" && a.resource == "clusterroles" && a.api_group == "rbac.authorization.k8s.io" && a.subresource.empty();
}

/// A resource taken literally: the strings as given, with the namespace as given — except that,
/// with no namespace asked, a Namespace object's request is inside itself, as the server builds it.
BuiltRequest literal_request(const RequestSpec& spec, const catalogue::ApiCatalogue& catalogue) {
  BuiltRequest out;
  RequestAttributes& a = out.attributes;
  a.verb = spec.verb;
  a.api_group = *spec.api_group;
  a.resource = spec.resource;
  a.subresource = spec.subresource;
  a.name = spec.name;
  a.namespace_ = spec.namespace_ ? *spec.namespace_ : namespace_of_namespace_request(a);
  out.resource = catalogue.find(a.api_group, a.resource);
  if (out.resource == nullptr) {
    for (const ApiResource* m : catalogue.resolve(spec.resource).matches) {
      if (m->group == a.api_group) out.notes.emplace_back(LiteralResourceUnknown{spec.resource, m->name});
    }
  }
  return out;
}

}  // namespace

tl::expected<BuiltRequest, RequestError> build_request(const RequestSpec& spec, const catalogue::ApiCatalogue& catalogue) {
  if (spec.url) {
    BuiltRequest out;
    out.attributes.resource_request = false;
    out.attributes.verb = spec.verb;
    out.attributes.path = spec.resource;
    return out;
  }
  if (spec.api_group) return literal_request(spec, catalogue);

  BuiltRequest out;
  RequestAttributes& a = out.attributes;
  a.verb = spec.verb;
  a.subresource = spec.subresource;
  a.name = spec.name;
  const ApiResource* r = nullptr;
  if (spec.resource == "*") {
    a.resource.push_back('*');  // as kubectl: the core group; a literal group '*' asks about every group
    out.notes.emplace_back(WildcardInCoreGroup{});
  } else {
    const catalogue::ApiCatalogue::Lookup found = catalogue.resolve(spec.resource);
    if (found.matches.empty()) return tl::make_unexpected(UnknownResource{spec.resource, catalogue.minor(), found.candidates});
    if (found.matches.size() > 1) {
      std::vector<std::string> names;
      for (const ApiResource* m : found.matches) names.push_back(m->qualified_name());
      return tl::make_unexpected(AmbiguousResource{spec.resource, std::move(names)});
    }
    r = found.matches.front();
    out.resource = r;
    a.api_group = r->group;
    a.resource = r->name;
    check_verb_and_subresource(spec, *r, catalogue.minor(), out.notes);
  }

  if (r == nullptr || r->namespaced) {
    a.namespace_ = spec.namespace_.value_or(std::string());
  } else if (spec.namespace_ && is_bind_of_cluster_roles(a)) {
    // BindingAuthorized: a RoleBinding in NS that refers to a ClusterRole is authorized by `bind`
    // on that ClusterRole asked in NS, so NS's RoleBindings may allow it.
    a.namespace_ = *spec.namespace_;
    out.notes.emplace_back(BindInNamespace{a.namespace_});
  } else if (r->group.empty() && r->name == "namespaces" && !namespace_of_namespace_request(a).empty()) {
    // /api/v1/namespaces/NAME: the Namespace object is inside itself.
    a.namespace_ = namespace_of_namespace_request(a);
    if (spec.namespace_ && *spec.namespace_ != spec.name) out.notes.emplace_back(NamespaceInItself{spec.name});
  } else if (spec.namespace_) {
    out.notes.emplace_back(NamespaceIgnored{r->qualified_name()});
    out.dropped_namespace = *spec.namespace_;
  }

  if (!a.name.empty() && a.subresource.empty() && (a.verb == "create" || a.verb == "deletecollection")) {
    // POST or DELETE to the collection: the URL has no name.
    out.notes.emplace_back(CollectionHasNoName{a.verb, a.name});
    a.name.clear();
  }
  return out;
}

}  // namespace rbacq::analyzer::rbac
