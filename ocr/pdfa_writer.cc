#include "ocr/pdfa_writer.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/file_system.h"
#include "base/status_macros.h"
#include "ocr/internal/pdf_cid_encoder.h"
#include "ocr/internal/pdf_glyphless_font.h"
#include "ocr/internal/pdf_image.h"
#include "ocr/internal/pdf_object_writer.h"
#include "ocr/internal/pdf_syntax.h"
#include "ocr/internal/pdf_text_layer.h"
#include "ocr/internal/pdf_xmp.h"

namespace docintake::ocr {
namespace {

using internal::PdfObjectWriter;
using internal::PdfReal;

constexpr uint64_t kMaxSupportFileBytes = 16 << 20;
// ISO 32000-1 annex C (PDF/A-2 6.1.13): page sides of 3 to 14400 units.
constexpr double kMinPageSide = 3;
constexpr double kMaxPageSide = 14400;

absl::StatusOr<std::string> ReadSupportFile(const std::string& path,
                                            absl::string_view what) {
  absl::StatusOr<std::string> data =
      base::FileSystem::Default().ReadFile(path, kMaxSupportFileBytes);
  if (!data.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot read the ", what, " ", path, ": ", data.status().message()));
  }
  return data;
}

// The output intent's profile must be an RGB monitor or printer ICC
// profile that PDF 1.7 can hold (versions 2 to 4; PDF/A-2 6.2.3).
absl::Status CheckIccProfile(absl::string_view icc, const std::string& path) {
  const auto field = [icc](size_t at, size_t n) { return icc.substr(at, n); };
  const bool usable = icc.size() >= 132 && field(36, 4) == "acsp" &&
                      field(16, 4) == "RGB " && icc[8] >= 2 && icc[8] <= 4 &&
                      (field(12, 4) == "mntr" || field(12, 4) == "prtr");
  if (!usable) {
    return absl::FailedPreconditionError(
        absl::StrCat("ICC profile ", path,
                     " is not an RGB monitor or printer profile of ICC "
                     "version 2 to 4"));
  }
  return absl::OkStatus();
}

absl::Status CheckPage(const RenditionPage& page, size_t index) {
  const std::string which = absl::StrCat("page ", index + 1);
  if (page.image == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(which, " has no image"));
  }
  if (page.dpi <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(which, " has a resolution of ", page.dpi, " dpi"));
  }
  for (const int pixels : {pixGetWidth(page.image), pixGetHeight(page.image)}) {
    const double points = pixels * 72.0 / page.dpi;
    if (points < kMinPageSide || points > kMaxPageSide) {
      return absl::InvalidArgumentError(absl::StrCat(
          which, " would be ", PdfReal(points), " pt on a side at ", page.dpi,
          " dpi; PDF/A allows 3 to 14400"));
    }
  }
  return absl::OkStatus();
}

bool HasText(const std::vector<RenditionPage>& pages) {
  for (const RenditionPage& page : pages) {
    for (const Word& word : page.words) {
      if (!word.text.empty()) return true;
    }
  }
  return false;
}

// Writes page `index` (image, content, page object) and returns the page
// object's number. `font` is 0 when the document has no text.
absl::StatusOr<int> WritePage(const RenditionPage& page, size_t index,
                              int parent, int font,
                              const internal::GlyphlessFont& font_metrics,
                              const RenditionOptions& options,
                              internal::CidEncoder& encoder,
                              PdfObjectWriter& writer) {
  absl::StatusOr<internal::PdfImage> image =
      internal::EncodePdfImage(page.image, page.jpeg, options.jpeg_quality);
  if (!image.ok()) {
    return absl::Status(
        image.status().code(),
        absl::StrCat("page ", index + 1, ": ", image.status().message()));
  }
  const int width_px = pixGetWidth(page.image);
  const int height_px = pixGetHeight(page.image);
  const std::string width = PdfReal(width_px * 72.0 / page.dpi);
  const std::string height = PdfReal(height_px * 72.0 / page.dpi);

  internal::TextLayerParams params;
  params.image_height = height_px;
  params.dpi = page.dpi;
  params.glyph_advance = font_metrics.advance;
  const std::string text =
      internal::TextLayerOperators(page.words, params, encoder);
  const std::string content = absl::StrCat("q\n", width, " 0 0 ", height,
                                           " 0 0 cm\n/Im0 Do\nQ\n", text);

  const int page_num = writer.Reserve();
  const int image_num = writer.Reserve();
  const int content_num = writer.Reserve();
  writer.WriteStream(image_num, image->dict_entries, image->data);
  RETURN_IF_ERROR(writer.WriteFlateStream(content_num, "", content));
  std::string resources =
      absl::StrCat("<</XObject <</Im0 ", image_num, " 0 R>>");
  if (!text.empty()) {
    absl::StrAppend(&resources, " /Font <</F0 ", font, " 0 R>>");
  }
  resources += ">>";
  writer.WriteObject(
      page_num,
      absl::StrCat("<</Type /Page /Parent ", parent, " 0 R /MediaBox [0 0 ",
                   width, " ", height, "] /Resources ", resources,
                   " /Contents ", content_num, " 0 R>>"));
  return page_num;
}

}  // namespace

absl::StatusOr<std::string> WritePdfA(const std::vector<RenditionPage>& pages,
                                      const RenditionOptions& options) {
  SilenceLeptonica();
  if (pages.empty()) {
    return absl::InvalidArgumentError("a rendition needs at least one page");
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    RETURN_IF_ERROR(CheckPage(pages[i], i));
  }
  ASSIGN_OR_RETURN(const std::string icc,
                   ReadSupportFile(options.icc_profile_path, "ICC profile"));
  RETURN_IF_ERROR(CheckIccProfile(icc, options.icc_profile_path));
  ASSIGN_OR_RETURN(
      std::string font_program,
      ReadSupportFile(options.glyphless_font_path, "glyph-less font"));
  absl::StatusOr<internal::GlyphlessFont> font =
      internal::ParseGlyphlessFont(std::move(font_program));
  if (!font.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("glyph-less font ", options.glyphless_font_path,
                     " is unusable: ", font.status().message()));
  }
  const std::string title = internal::CleanTitle(options.title);
  ASSIGN_OR_RETURN(const std::string xmp,
                   internal::XmpPacket(title, options.created));

  PdfObjectWriter writer;
  const int catalog = writer.Reserve();
  const int page_tree = writer.Reserve();
  const int metadata = writer.Reserve();
  const int output_profile = writer.Reserve();
  const int info = writer.Reserve();
  const int type0_font = HasText(pages) ? writer.Reserve() : 0;

  writer.WriteObject(
      catalog, absl::StrCat("<</Type /Catalog /Pages ", page_tree,
                            " 0 R /Metadata ", metadata,
                            " 0 R /OutputIntents [<</Type /OutputIntent "
                            "/S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) "
                            "/Info (sRGB IEC61966-2.1) /DestOutputProfile ",
                            output_profile, " 0 R>>]>>"));
  // PDF/A wants the metadata readable without decoding: no filter.
  writer.WriteStream(metadata, " /Type /Metadata /Subtype /XML", xmp);
  RETURN_IF_ERROR(writer.WriteFlateStream(output_profile, " /N 3", icc));
  writer.WriteObject(info, internal::PdfaInfoDict(title));

  internal::CidEncoder encoder;
  std::vector<std::string> kids;
  for (size_t i = 0; i < pages.size(); ++i) {
    ASSIGN_OR_RETURN(const int page,
                     WritePage(pages[i], i, page_tree, type0_font, *font,
                               options, encoder, writer));
    kids.push_back(absl::StrCat(page, " 0 R"));
  }
  writer.WriteObject(page_tree, absl::StrCat("<</Type /Pages /Kids [",
                                             absl::StrJoin(kids, " "),
                                             "] /Count ", kids.size(), ">>"));
  if (type0_font != 0) {
    RETURN_IF_ERROR(internal::WriteGlyphlessFont(*font, encoder.ToUnicodeCMap(),
                                                 type0_font, writer));
  }
  return writer.Finish(catalog, info);
}

}  // namespace docintake::ocr
