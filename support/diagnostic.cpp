// SPDX-License-Identifier: Apache-2.0
#include "support/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace rbacq {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

void Diagnostics::add(std::string id, Severity severity, SourceLocation loc, std::string message,
                      std::vector<Note> notes) {
  items_.push_back(Diagnostic{std::move(id), severity, loc, std::move(message), std::move(notes)});
}

void Diagnostics::append(Diagnostics other) {
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                std::make_move_iterator(other.items_.end()));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc, a.id, a.message) < std::tie(b.loc, b.id, b.message);
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t Diagnostics::count(Severity s) const {
  // Counted as shown: sorted() drops exact repeats, and the summary must agree with the list.
  const auto shown = sorted();
  return static_cast<std::size_t>(
      std::count_if(shown.begin(), shown.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace rbacq
