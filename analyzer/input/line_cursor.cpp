// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/line_cursor.hpp"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace rbacq::analyzer {
namespace {

/// Newlines in [p, end), sixteen (SSE2, every x86-64) or eight bytes at a time: pretty-printed
/// JSON has a line every ~30 bytes, where a memchr call per line costs more than the counting.
std::size_t count_newlines(const char* p, const char* end) {
  std::size_t n = 0;
#ifdef __SSE2__
  const __m128i newline = _mm_set1_epi8('\n');
  while (end - p >= 16) {
    // Per byte lane, minus one per '\n' (at most 255 rounds), then the lanes summed.
    __m128i lanes = _mm_setzero_si128();
    for (int round = 0; round < 255 && end - p >= 16; ++round, p += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(bytes, newline));
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    n += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) + static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
  while (end - p >= 8) {
    // Per byte, 1 where it is '\n', summed in the bytes of `sums` (at most 255 rounds each).
    std::uint64_t sums = 0;
    for (int round = 0; round < 255 && end - p >= 8; ++round, p += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, 8);
      const std::uint64_t x = word ^ (ones * '\n');            // zero bytes where '\n'
      const std::uint64_t nonzero = ((x & low7) + low7) | x;  // high bit set where not zero
      sums += (~nonzero >> 7) & ones;
    }
    // The eight bytes' total (at most 8 × 255): pairs into 16-bit lanes first, which cannot overflow.
    constexpr std::uint64_t even_bytes = 0x00ff00ff00ff00ffULL;
    const std::uint64_t pairs = (sums & even_bytes) + ((sums >> 8) & even_bytes);
    n += static_cast<std::size_t>((pairs * 0x0001000100010001ULL) >> 48);
  }
  for (; p < end; ++p) n += *p == '\n' ? 1 : 0;
  return n;
}

}  // namespace

std::pair<std::uint32_t, std::uint32_t> LineCursor::locate(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < offset_) {  // rare: restart from the top
    offset_ = 0;
    line_ = 1;
    line_start_ = 0;
  }
  const char* base = text_.data();
  const char* from = base + offset_;
  const char* to = base + offset;
  if (const std::size_t lines = count_newlines(from, to); lines != 0) {
    line_ += static_cast<std::uint32_t>(lines);
    const void* last = ::memrchr(from, '\n', static_cast<std::size_t>(to - from));
    line_start_ = static_cast<std::size_t>(static_cast<const char*>(last) + 1 - base);
  }
  offset_ = offset;
  return {line_, static_cast<std::uint32_t>(offset - line_start_ + 1)};
}

}  // namespace rbacq::analyzer
