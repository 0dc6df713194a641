// SPDX-License-Identifier: Apache-2.0
#include "cli/kubectl_phrases.hpp"

#include <fmt/format.h>

namespace rbacq::cli {
namespace {

class KubectlPhrases final : public query::Phrasebook {
 public:
  [[nodiscard]] std::string namespace_option() const override { return "-n"; }
  [[nodiscard]] std::string literal_resource() const override { return "with --api-group, TYPE"; }
  [[nodiscard]] std::string every_group() const override { return "add --api-group '*' for every group"; }
  [[nodiscard]] std::string name_is_subresource(const analyzer::rbac::NameIsSubresource& n) const override {
    return fmt::format("'{}/{}' is read as TYPE/NAME, as kubectl does: the {} named '{}'. For the subresource, ask '{} {} --subresource {}'",
                       n.written, n.name, n.kind, n.name, n.verb, n.resource, n.name);
  }
  [[nodiscard]] std::string ask_in_namespace() const override { return "ask with -n NS to see who"; }
  [[nodiscard]] std::string literal_resource_hint(const std::string& /*resource*/) const override {
    return "to ask about it anyway, give its group: --api-group GROUP (\"\" for the core group)";
  }
};

}  // namespace

const query::Phrasebook& kubectl_phrases() {
  static const KubectlPhrases words;
  return words;
}

}  // namespace rbacq::cli
