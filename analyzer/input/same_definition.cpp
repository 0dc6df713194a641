// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/same_definition.hpp"

namespace rbacq::analyzer {
namespace {

// Each overload clears every SourceLocation of its type, so that the defaulted operator== of
// the copies compares the rest, every field a later change adds included.
void clear(SourceLocation& loc) { loc = {}; }
void clear(ObjectMeta& m) {
  clear(m.loc);
  clear(m.ignore_annotation_loc);
}
void clear(PolicyRule& r) { clear(r.loc); }
void clear(LabelSelector& s) { clear(s.loc); }
void clear(Subject& s) { clear(s.loc); }
void clear(RoleRef& r) { clear(r.loc); }
void clear(Container& c) { clear(c.loc); }
void clear(HostPathVolume& v) { clear(v.loc); }
void clear(AwsAuthMapping& m) { clear(m.loc); }

template <class T>
void clear(std::vector<T>& items) {
  for (T& item : items) clear(item);
}

void clear(AggregationRule& a) {
  clear(a.loc);
  clear(a.selectors);
}

void clear(PodSpecFacts& p) {
  clear(p.loc);
  clear(p.containers);
  clear(p.host_paths);
}

void clear(Role& r) {
  clear(r.meta);
  clear(r.rules);
  if (r.aggregation) clear(*r.aggregation);
}

void clear(Binding& b) {
  clear(b.meta);
  clear(b.role_ref);
  clear(b.subjects);
}

void clear(Workload& w) {
  clear(w.meta);
  clear(w.pod);
}

void clear(AwsAuth& a) {
  clear(a.meta);
  clear(a.mappings);
}

// Objects whose only location is their metadata's.
void clear(ServiceAccount& sa) { clear(sa.meta); }
void clear(Namespace& ns) { clear(ns.meta); }
void clear(Secret& s) { clear(s.meta); }
void clear(CustomResourceDefinition& crd) { clear(crd.meta); }

template <class T>
bool same(T a, T b) {
  clear(a);
  clear(b);
  return a == b;
}

}  // namespace

bool same_definition(const Role& a, const Role& b) { return same(a, b); }
bool same_definition(const Binding& a, const Binding& b) { return same(a, b); }
bool same_definition(const ServiceAccount& a, const ServiceAccount& b) { return same(a, b); }
bool same_definition(const Namespace& a, const Namespace& b) { return same(a, b); }
bool same_definition(const Secret& a, const Secret& b) { return same(a, b); }
bool same_definition(const Workload& a, const Workload& b) { return same(a, b); }
bool same_definition(const CustomResourceDefinition& a, const CustomResourceDefinition& b) { return same(a, b); }
bool same_definition(const AwsAuth& a, const AwsAuth& b) { return same(a, b); }

}  // namespace rbacq::analyzer
