// SPDX-License-Identifier: Apache-2.0
#include "rules/calendar_date.hpp"

#include <array>
#include <chrono>

#include <fmt/format.h>

namespace rbacq::rules {
namespace {

constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr std::string_view kShape = "a date is written YYYY-MM-DD, as in 2027-03-31";

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
  return month == 2 && leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

/// The digits text[from, from + n) as a number, or -1 when one is not a digit.
int digits(std::string_view text, std::size_t from, std::size_t n) {
  int out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    out = out * 10 + (text[i] - '0');
  }
  return out;
}

}  // namespace

std::string date_problem(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::string(kShape);
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::string(kShape);
  if (month < 1 || month > 12) return fmt::format("there is no month {}: months are 01 to 12", month);
  const int last = days_in(year, month);
  if (day < 1 || day > last) return fmt::format("{} {} has {} days", kMonths[static_cast<std::size_t>(month - 1)], year, last);
  return {};
}

std::optional<CalendarDate> parse_date(std::string_view text) {
  if (!date_problem(text).empty()) return std::nullopt;
  return CalendarDate{digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)};
}

std::string to_string(const CalendarDate& date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

CalendarDate today() {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())), static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace rbacq::rules
