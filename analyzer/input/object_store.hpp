// SPDX-License-Identifier: Apache-2.0
// Where decoded objects go: into the Model, with redefinitions replaced and reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <functional>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "analyzer/input/hash_slots.hpp"
#include "analyzer/input/object_reader.hpp"
#include "analyzer/input/source_text.hpp"
#include "analyzer/model.hpp"
#include "support/source_location.hpp"

namespace rbacq::analyzer {

/// The Model as the per-kind decoders fill it. `kubectl apply` of the inputs in order would
/// leave one object per kind, namespace and name, the last one written: so does add(), with an
/// [input-duplicate] warning pointing at the earlier definition. One store lives for a whole
/// load, so a redefinition is found across files. A redefinition that says the same thing (the
/// same dump saved as JSON and as YAML) is only counted: finish_file() says it once per pair of
/// files, not once per object. A different earlier role or binding is kept apart
/// (Model::superseded_roles, superseded_bindings).
class ObjectStore {
 public:
  ObjectStore(Model& model, CappedDiagnostics& diags, const LoadLimits& limits)
      : model_(model), diags_(diags), limits_(limits) {}

  void add(Role role);
  void add(Binding binding);
  void add(ServiceAccount account);
  void add(Namespace ns);
  void add(Secret secret);
  void add(Workload workload);
  void add(CustomResourceDefinition crd);
  void add(AwsAuth auth);
  /// Kubeconfigs are client-side files, not API objects: none replaces another.
  void add(Kubeconfig config);

  /// Records a namespace that an object names (Model::namespaces_seen).
  void saw_namespace(const std::string& ns);

  /// hold() remembers the model as it is; discard() returns to it, forgetting every object and
  /// namespace added since (and putting back the definitions they replaced); commit() keeps
  /// them. The items of a JSON List are decoded as they are read, and the List is only known
  /// good at its end. Returning costs little, keeping nothing.
  void hold();
  void commit() { held_.reset(); }
  void discard();

  /// The load's limits, which a text embedded in an object honours too (aws-auth's mapRoles).
  [[nodiscard]] const LoadLimits& limits() const { return limits_; }

  /// Ends a file: one [input-duplicate] warning per earlier file that defined some of its
  /// objects identically ("12 objects in b.yaml are defined identically in a.json; …").
  void finish_file(FilePath file);

 private:
  template <class T>
  void keep(std::vector<T>& objects, T object);
  Model& model_;
  CappedDiagnostics& diags_;
  const LoadLimits& limits_;
  /// The object of `objects` with `meta`'s kind, namespace and name, found through its `hash`.
  template <class T>
  [[nodiscard]] std::optional<std::size_t> find_kept(const std::vector<T>& objects, std::uint64_t hash, const ObjectMeta& meta) const;

  /// A hash of (kind, namespace, name) → the index of the object in its vector (the kind says
  /// which). The object itself holds the names, so an entry costs no strings; two objects whose
  /// hashes are equal are told apart by comparing their names.
  HashSlots seen_;
  /// (earlier file, later file) → how many objects the later one defines again identically.
  std::map<std::pair<FilePath, FilePath>, std::size_t> identical_;
  /// What discard() needs: the model's sizes at hold(), and what was changed in place since.
  struct Held {
    std::vector<std::size_t> sizes;  // of each vector of the model, in the order of for_each_vector
    bool new_keys = false;  // seen_ gained entries: discard() builds it again from the model
    std::vector<std::set<std::string>::iterator> new_namespaces;
    std::vector<std::function<void()>> put_back;  // definitions replaced in place
    std::map<std::pair<FilePath, FilePath>, std::size_t> identical;
  };
  /// The vectors whose objects keep() finds again (seen_ indexes them), and then all of the
  /// model's, for what hold() remembers: kubeconfigs and the superseded definitions too.
  template <class F>
  void for_each_kept_vector(F each);
  template <class F>
  void for_each_vector(F each);
  std::optional<Held> held_;
  std::string last_namespace_;  // in namespaces_seen already
};

}  // namespace rbacq::analyzer
