#include "ocr/internal/pdf_glyphless_font.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"

namespace docintake::ocr::internal {
namespace {

constexpr absl::string_view kFontName = "GlyphLessFont";
constexpr int kGlyph = 1;

uint32_t U16(absl::string_view d, size_t at) {
  return (static_cast<uint32_t>(static_cast<uint8_t>(d[at])) << 8) |
         static_cast<uint8_t>(d[at + 1]);
}
int S16(absl::string_view d, size_t at) {
  const uint32_t u = U16(d, at);
  return u >= 0x8000 ? static_cast<int>(u) - 0x10000 : static_cast<int>(u);
}
uint32_t U32(absl::string_view d, size_t at) {
  return (U16(d, at) << 16) | U16(d, at + 2);
}

// The bytes of table `tag`, or nullopt if it is missing or out of bounds.
std::optional<absl::string_view> FindTable(absl::string_view font,
                                           absl::string_view tag) {
  if (font.size() < 12) return std::nullopt;
  const uint32_t count = U16(font, 4);
  for (uint32_t i = 0; i < count; ++i) {
    const size_t entry = 12 + 16 * size_t{i};
    if (entry + 16 > font.size()) return std::nullopt;
    if (font.substr(entry, 4) != tag) continue;
    const size_t offset = U32(font, entry + 8);
    const size_t length = U32(font, entry + 12);
    if (offset > font.size() || length > font.size() - offset) {
      return std::nullopt;
    }
    return font.substr(offset, length);
  }
  return std::nullopt;
}

absl::StatusOr<absl::string_view> Table(absl::string_view font,
                                        absl::string_view tag,
                                        size_t min_size) {
  const std::optional<absl::string_view> table = FindTable(font, tag);
  if (!table.has_value() || table->size() < min_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("TrueType table '", tag, "' is missing or too short"));
  }
  return *table;
}

}  // namespace

absl::StatusOr<GlyphlessFont> ParseGlyphlessFont(std::string program) {
  const absl::string_view d = program;
  if (d.size() < 12 || (U32(d, 0) != 0x00010000 && d.substr(0, 4) != "true")) {
    return absl::InvalidArgumentError("not a TrueType font");
  }
  ASSIGN_OR_RETURN(const absl::string_view head, Table(d, "head", 54));
  ASSIGN_OR_RETURN(const absl::string_view hhea, Table(d, "hhea", 36));
  ASSIGN_OR_RETURN(const absl::string_view maxp, Table(d, "maxp", 6));
  ASSIGN_OR_RETURN(const absl::string_view hmtx, Table(d, "hmtx", 0));
  const uint32_t units_per_em = U16(head, 18);
  if (units_per_em < 16 || units_per_em > 16384) {
    return absl::InvalidArgumentError("TrueType unitsPerEm out of range");
  }
  const uint32_t glyphs = U16(maxp, 4);
  const uint32_t long_metrics = U16(hhea, 34);
  if (glyphs <= kGlyph) {
    return absl::InvalidArgumentError("TrueType font has no glyph 1");
  }
  if (long_metrics == 0 || 4 * size_t{long_metrics} > hmtx.size()) {
    return absl::InvalidArgumentError(
        "TrueType hmtx is shorter than hhea says");
  }
  const uint32_t metric = std::min<uint32_t>(kGlyph, long_metrics - 1);
  // Rounded outwards, so that a descent of a fraction of a unit stays
  // below zero (Poppler takes a zero descent for "unknown").
  const auto scale = [units_per_em](int v) {
    const double scaled = v * 1000.0 / units_per_em;
    return static_cast<int>(scaled < 0 ? std::floor(scaled)
                                       : std::ceil(scaled));
  };
  GlyphlessFont font;
  // The width must match the font program's (to within a unit): nearest.
  font.advance = static_cast<int>(
      std::lround(U16(hmtx, 4 * size_t{metric}) * 1000.0 / units_per_em));
  if (font.advance <= 0) {
    return absl::InvalidArgumentError("glyph 1 of the font has no advance");
  }
  for (int i = 0; i < 4; ++i) {
    font.bbox[i] = scale(S16(head, 36 + 2 * static_cast<size_t>(i)));
  }
  font.ascent = scale(S16(hhea, 4));
  font.descent = scale(S16(hhea, 6));
  font.program = std::move(program);
  return font;
}

absl::Status WriteGlyphlessFont(const GlyphlessFont& font,
                                const std::string& to_unicode_cmap, int type0,
                                PdfObjectWriter& writer) {
  const int cid_font = writer.Reserve();
  const int descriptor = writer.Reserve();
  const int font_file = writer.Reserve();
  const int cid_to_gid = writer.Reserve();
  const int to_unicode = writer.Reserve();
  writer.WriteObject(
      type0,
      absl::StrCat("<</Type /Font /Subtype /Type0 /BaseFont /", kFontName,
                   " /Encoding /Identity-H /DescendantFonts [", cid_font,
                   " 0 R] /ToUnicode ", to_unicode, " 0 R>>"));
  // Every CID shows glyph 1, so one default width covers them all.
  writer.WriteObject(
      cid_font,
      absl::StrCat("<</Type /Font /Subtype /CIDFontType2 /BaseFont /",
                   kFontName,
                   " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) "
                   "/Supplement 0>> /FontDescriptor ",
                   descriptor, " 0 R /DW ", font.advance, " /CIDToGIDMap ",
                   cid_to_gid, " 0 R>>"));
  // Flags 5: fixed pitch, symbolic.
  writer.WriteObject(
      descriptor,
      absl::StrCat("<</Type /FontDescriptor /FontName /", kFontName,
                   " /Flags 5 /FontBBox [", font.bbox[0], " ", font.bbox[1],
                   " ", font.bbox[2], " ", font.bbox[3],
                   "] /ItalicAngle 0 /Ascent ", font.ascent, " /Descent ",
                   font.descent, " /CapHeight ", font.ascent,
                   " /StemV 80 /FontFile2 ", font_file, " 0 R>>"));
  RETURN_IF_ERROR(writer.WriteFlateStream(
      font_file, absl::StrCat(" /Length1 ", font.program.size()),
      font.program));
  std::string gids;
  gids.reserve(2 * 65536);
  for (int cid = 0; cid < 65536; ++cid) {
    gids.push_back(static_cast<char>(kGlyph >> 8));
    gids.push_back(static_cast<char>(kGlyph & 0xFF));
  }
  RETURN_IF_ERROR(writer.WriteFlateStream(cid_to_gid, "", gids));
  return writer.WriteFlateStream(to_unicode, "", to_unicode_cmap);
}

}  // namespace docintake::ocr::internal
