// SPDX-License-Identifier: Apache-2.0
// Calendar dates as .rbacq.yaml writes them (YYYY-MM-DD), for ignore entries that expire.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rbacq::rules {

/// A day of the proleptic Gregorian calendar. No time zone: a day is what the user wrote.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

/// "2027-03-31" → the date; nullopt for anything else (other separators, no leading zeros,
/// February 30th). Parsed by hand: no locale, no time zone.
[[nodiscard]] std::optional<CalendarDate> parse_date(std::string_view text);

/// Why `text` is not a date, for a diagnostic ("March has 31 days"), or "" when it is one.
[[nodiscard]] std::string date_problem(std::string_view text);

/// "2027-03-31".
[[nodiscard]] std::string to_string(const CalendarDate& date);

/// Today in UTC, from the system clock. The one place that reads it: everything else takes the
/// date as an argument, so that tests give a fixed day.
[[nodiscard]] CalendarDate today();

}  // namespace rbacq::rules
