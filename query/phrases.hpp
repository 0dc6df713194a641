// SPDX-License-Identifier: Apache-2.0
// The words for how a question was read: the notes and request errors of
// analyzer/rbac/question_notes.hpp as sentences. Most of a sentence is the same wherever it is
// shown; the part that names how the user wrote the question is not (`in NAMESPACE` in the query
// language, `-n` on kubectl's command line). A Phrasebook holds those parts: the language's is
// here, kubectl's in cli/, and every sentence is written once.
#pragma once

#include <string>
#include <vector>

#include "analyzer/rbac/question_notes.hpp"

namespace rbacq::query {

class Phrasebook {
 public:
  Phrasebook() = default;
  Phrasebook(const Phrasebook&) = delete;
  Phrasebook(Phrasebook&&) = delete;
  Phrasebook& operator=(const Phrasebook&) = delete;
  Phrasebook& operator=(Phrasebook&&) = delete;
  virtual ~Phrasebook() = default;

  /// How a namespace is given: "'in NAMESPACE'" or "-n".
  [[nodiscard]] virtual std::string namespace_option() const = 0;
  /// What is taken literally in a group: "with 'of group', the resource" or "with --api-group, TYPE".
  [[nodiscard]] virtual std::string literal_resource() const = 0;
  /// How to ask `*` in every group.
  [[nodiscard]] virtual std::string every_group() const = 0;
  /// The whole note for a name that is also a subresource (the syntaxes differ most here).
  [[nodiscard]] virtual std::string name_is_subresource(const analyzer::rbac::NameIsSubresource& note) const = 0;
  /// How to ask inside one namespace.
  [[nodiscard]] virtual std::string ask_in_namespace() const = 0;
  /// How to ask about a resource the catalogue does not know.
  [[nodiscard]] virtual std::string literal_resource_hint(const std::string& resource) const = 0;
};

/// The query language's words.
[[nodiscard]] const Phrasebook& language_phrases();

/// A note as a sentence (not yet escaped for a terminal: renderers do that).
[[nodiscard]] std::string describe(const analyzer::rbac::QuestionNote& note, const Phrasebook& words);

struct Sentence {
  std::string message;
  std::vector<std::string> notes;
};

/// Why a request could not be built, with hints.
[[nodiscard]] Sentence describe(const analyzer::rbac::RequestError& error, const Phrasebook& words);

}  // namespace rbacq::query
