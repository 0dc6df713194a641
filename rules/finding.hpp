// SPDX-License-Identifier: Apache-2.0
// One finding of lint: a row of a rule's query, as a report shows it (DESIGN §7). Data only:
// the renderers in cli/ word and escape it.
#pragma once

#include <string>
#include <vector>

#include "analyzer/model.hpp"
#include "query/value.hpp"
#include "rules/rule.hpp"
#include "support/diagnostic.hpp"

namespace rbacq::rules {

/// The object a finding is about: kind, name and namespace ("" when cluster-scoped or none).
struct ObjectRef {
  std::string kind;
  std::string name;
  std::string namespace_;
  friend auto operator<=>(const ObjectRef&, const ObjectRef&) = default;
};

/// "ClusterRole/admin", "Role/dev/reader" (KIND/NAME or KIND/NAMESPACE/NAME, as .rbacq.yaml
/// names objects); "" for no object.
[[nodiscard]] std::string to_string(const ObjectRef& object);

struct Finding {
  std::string rule;  // the rule's id
  const analyzer::ObjectMeta* object_meta = nullptr;  // the object of the input, when there is one
  query::Level severity = query::Level::medium;
  Certainty certainty = Certainty::sure;
  std::string message;
  ObjectRef object;
  SourceLocation location;  // the line that causes it
  std::vector<Note> notes;  // the evidence: subject → binding → role → rule, each where it is
  /// Stable across line shifts and file moves: the rule, the object and what the row says.
  std::string fingerprint;
  /// The object's annotation rbacq.io/ignore as written, "" when it has none: whether it
  /// suppresses the finding is decided after the engine (rules/suppression.hpp).
  std::string ignore_annotation;
};

/// "sure" or "inconclusive".
[[nodiscard]] std::string_view to_string(Certainty c);

}  // namespace rbacq::rules
