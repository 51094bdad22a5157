#include "ocr/internal/pdf_syntax.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace docintake::ocr::internal {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Length of the well-formed UTF-8 sequence at the start of `s` and its code
// point, or 0 if there is none (Unicode 15, table 3-7).
size_t DecodeOne(absl::string_view s, char32_t& cp) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t b0 = byte(0);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  size_t len;
  uint8_t lo = 0x80;
  uint8_t hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    const uint8_t b = byte(i);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return len;
}

}  // namespace

std::string PdfReal(double value) {
  if (!std::isfinite(value)) value = 0;
  value = std::clamp(value, -1e9, 1e9);
  const int64_t milli = std::llround(value * 1000);
  const uint64_t abs_milli =
      milli < 0 ? static_cast<uint64_t>(-milli) : static_cast<uint64_t>(milli);
  std::string out = milli < 0 ? "-" : "";
  absl::StrAppend(&out, abs_milli / 1000);
  uint64_t frac = abs_milli % 1000;
  if (frac != 0) {
    int digits = 3;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    std::string frac_text = absl::StrCat(frac);
    out.push_back('.');
    out.append(static_cast<size_t>(digits) - frac_text.size(), '0');
    out += frac_text;
  }
  return out;
}

std::string PdfHexString(absl::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2 + 2);
  out.push_back('<');
  for (const char c : bytes) {
    const auto b = static_cast<uint8_t>(c);
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0F]);
  }
  out.push_back('>');
  return out;
}

std::string PdfTextString(absl::string_view utf8) {
  std::string utf16 = "\xFE\xFF";
  for (const char32_t cp : DecodeUtf8Lossy(utf8)) AppendUtf16Be(cp, utf16);
  return PdfHexString(utf16);
}

absl::StatusOr<std::string> FlateCompress(absl::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  const int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                           reinterpret_cast<const Bytef*>(data.data()),
                           static_cast<uLong>(data.size()), Z_BEST_COMPRESSION);
  if (rc != Z_OK) {
    return absl::InternalError(absl::StrCat("zlib compress2 failed: ", rc));
  }
  out.resize(size);
  return out;
}

std::u32string DecodeUtf8Lossy(absl::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  while (!utf8.empty()) {
    char32_t cp = 0;
    const size_t len = DecodeOne(utf8, cp);
    if (len == 0) {
      out.push_back(kReplacement);
      utf8.remove_prefix(1);
    } else {
      out.push_back(cp);
      utf8.remove_prefix(len);
    }
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void AppendUtf16Be(char32_t cp, std::string& out) {
  const auto unit = [&out](uint32_t u) {
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u & 0xFF));
  };
  if (cp < 0x10000) {
    unit(cp);
  } else {
    const uint32_t v = cp - 0x10000;
    unit(0xD800 + (v >> 10));
    unit(0xDC00 + (v & 0x3FF));
  }
}

}  // namespace docintake::ocr::internal
