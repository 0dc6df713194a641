// SPDX-License-Identifier: Apache-2.0
#include "query/ast.hpp"

namespace rbacq::query {

Target target_of(std::string_view text, Span span) {
  Target t;
  t.span = span;
  if (!text.empty() && text.front() == '/') {
    t.url = true;
    t.resource = std::string(text);
    return t;
  }
  const std::size_t slash = text.find('/');
  t.resource = std::string(text.substr(0, slash));
  if (slash != std::string_view::npos) t.subresource = std::string(text.substr(slash + 1));
  return t;
}

}  // namespace rbacq::query
