// SPDX-License-Identifier: Apache-2.0
// The argument checks the functions share: verbs and resources, written as in statements.
#include <fmt/format.h>

#include "query/functions/all.hpp"

namespace rbacq::query::builtin {

Result<Verbs> verbs_argument(const Argument& arg, std::string_view function, const QuerySource& source) {
  for (const std::string& v : arg.verbs.items) {
    if (v.empty() || v.find_first_of("/.:") != std::string::npos || arg.name) {
      return fail(source.error(arg.span, fmt::format("'{}' is not a verb: the first argument of {}() is a verb, {{verbs}} or any {{verbs}}",
                                                     arg.text, function)));
    }
  }
  return arg.verbs;
}

Result<Target> resource_argument(const Argument& arg, std::string_view function, const QuerySource& source) {
  if (arg.verbs.braced) {
    return fail(source.error(arg.span, fmt::format("{} is verbs, not a resource: write pods, deployments.apps or pods/exec", arg.text)));
  }
  Target target = target_of(arg.text, arg.span);
  if (!target.url && (target.resource.empty() || (arg.text.find('/') != std::string::npos && target.subresource.empty()))) {
    return fail(source.error(arg.span, fmt::format("'{}' is not a resource: write pods, deployments.apps or pods/exec", arg.text)));
  }
  if (arg.name) {
    if (target.url) return fail(source.error(arg.span, fmt::format("a URL has no objects: {}() names none", function)));
    target.name = *arg.name;
  }
  return target;
}

}  // namespace rbacq::query::builtin
