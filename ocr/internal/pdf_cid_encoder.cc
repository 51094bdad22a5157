#include "ocr/internal/pdf_cid_encoder.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "ocr/internal/pdf_syntax.h"

namespace docintake::ocr::internal {
namespace {

constexpr uint16_t kReplacementCid = 0xFFFD;
constexpr uint32_t kFirstSpareCid = 0xD800;
constexpr uint32_t kLastSpareCid = 0xDFFF;
// A CMap allows at most 100 entries between begin... and end... .
constexpr size_t kMaxCMapBlock = 100;

std::string Hex4(uint32_t v) { return absl::StrFormat("<%04X>", v); }

// Emits `entries` in blocks of at most 100 as "<n> begin<kind> ... end<kind>".
void AppendBlocks(const std::vector<std::string>& entries,
                  absl::string_view kind, std::string& out) {
  for (size_t i = 0; i < entries.size(); i += kMaxCMapBlock) {
    const size_t n = std::min(kMaxCMapBlock, entries.size() - i);
    absl::StrAppend(&out, n, " begin", kind, "\n");
    for (size_t j = i; j < i + n; ++j) absl::StrAppend(&out, entries[j], "\n");
    absl::StrAppend(&out, "end", kind, "\n");
  }
}

}  // namespace

uint16_t CidEncoder::CidFor(char32_t cp) {
  // Controls, and what PDF/A-2u forbids as ToUnicode values, become U+FFFD.
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0xFFFE ||
      cp == 0xFFFF) {
    return kReplacementCid;
  }
  if (cp < 0x10000) return static_cast<uint16_t>(cp);
  const auto it = astral_cids_.find(cp);
  if (it != astral_cids_.end()) return it->second;
  const uint32_t next =
      kFirstSpareCid + static_cast<uint32_t>(astral_cids_.size());
  if (next > kLastSpareCid) return kReplacementCid;
  astral_cids_.emplace(cp, static_cast<uint16_t>(next));
  return static_cast<uint16_t>(next);
}

std::vector<uint16_t> CidEncoder::Encode(absl::string_view utf8) {
  std::vector<uint16_t> cids;
  for (const char32_t cp : DecodeUtf8Lossy(utf8)) cids.push_back(CidFor(cp));
  return cids;
}

std::string CidEncoder::ToUnicodeCMap() const {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> "
      "def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // The BMP maps onto itself, one range per high byte (a range may only
  // vary in its last byte), except the surrogate block, which holds the
  // spare CIDs, and U+0000, U+FEFF, U+FFFE and U+FFFF, which are never shown.
  std::vector<std::string> ranges;
  const auto add_range = [&ranges](uint32_t first, uint32_t last) {
    ranges.push_back(
        absl::StrCat(Hex4(first), " ", Hex4(last), " ", Hex4(first)));
  };
  for (uint32_t high = 0; high <= 0xFF; ++high) {
    const uint32_t first = high << 8;
    if (first >= kFirstSpareCid && first <= kLastSpareCid) continue;
    if (high == 0x00) {
      add_range(0x0001, 0x00FF);
    } else if (high == 0xFE) {
      add_range(0xFE00, 0xFEFE);
    } else if (high == 0xFF) {
      add_range(0xFF00, 0xFFFD);
    } else {
      add_range(first, first | 0xFF);
    }
  }
  AppendBlocks(ranges, "bfrange", out);
  std::vector<std::string> chars;
  std::vector<std::pair<uint16_t, char32_t>> by_cid;
  for (const auto& [cp, cid] : astral_cids_) by_cid.emplace_back(cid, cp);
  std::sort(by_cid.begin(), by_cid.end());
  for (const auto& [cid, cp] : by_cid) {
    std::string utf16;
    AppendUtf16Be(cp, utf16);
    chars.push_back(absl::StrCat(Hex4(cid), " ", PdfHexString(utf16)));
  }
  AppendBlocks(chars, "bfchar", out);
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace docintake::ocr::internal
