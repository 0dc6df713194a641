// SPDX-License-Identifier: Apache-2.0
#include "query/regex.hpp"

#include <re2/re2.h>

namespace rbacq::query {

struct Regex::Compiled {
  explicit Compiled(std::string_view pattern, const re2::RE2::Options& options) : re(pattern, options) {}
  re2::RE2 re;
};

tl::expected<Regex, std::string> Regex::compile(std::string_view pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto compiled = std::make_shared<const Compiled>(pattern, options);
  if (!compiled->re.ok()) return tl::make_unexpected(compiled->re.error());
  return Regex(std::move(compiled));
}

bool Regex::search(std::string_view text) const { return re2::RE2::PartialMatch(text, compiled_->re); }

}  // namespace rbacq::query
