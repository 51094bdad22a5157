#include "ocr/internal/pdf_image.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "base/owned.h"

namespace docintake::ocr::internal {
namespace {

void FreeCompData(L_COMP_DATA* data) { l_CIDataDestroy(&data); }
using CompDataPtr = base::Owned<L_COMP_DATA, FreeCompData>;
using LeptBytes = base::Owned<l_uint8, lept_free>;

std::string ImageDict(int width, int height, absl::string_view color_space,
                      int bits, absl::string_view filter) {
  return absl::StrCat(" /Type /XObject /Subtype /Image /Width ", width,
                      " /Height ", height, " /ColorSpace /", color_space,
                      " /BitsPerComponent ", bits, " /Filter /", filter);
}

absl::StatusOr<PdfImage> PassThroughJpeg(Pix* pix, absl::string_view jpeg) {
  l_int32 width = 0, height = 0, components = 0, ycck = 0, cmyk = 0;
  if (readHeaderMemJpeg(reinterpret_cast<const l_uint8*>(jpeg.data()),
                        jpeg.size(), &width, &height, &components, &ycck,
                        &cmyk) != 0) {
    return absl::InvalidArgumentError("page jpeg is not a readable JPEG");
  }
  if (width != pixGetWidth(pix) || height != pixGetHeight(pix)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "page jpeg is ", width, "x", height, " pixels but its image is ",
        pixGetWidth(pix), "x", pixGetHeight(pix)));
  }
  const int depth = pixGetDepth(pix);
  const bool colormapped = pixGetColormap(pix) != nullptr;
  const bool fits = components == 3   ? depth == 32 || colormapped
                    : components == 1 ? depth != 32 || colormapped
                                      : false;
  if (!fits) {
    return absl::InvalidArgumentError(absl::StrCat(
        "page jpeg has ", components,
        " colour components, which does not match its ", depth, " bpp image"));
  }
  return PdfImage{
      ImageDict(width, height, components == 3 ? "DeviceRGB" : "DeviceGray", 8,
                "DCTDecode"),
      std::string(jpeg)};
}

absl::StatusOr<PdfImage> EncodeG4(Pix* pix) {
  L_COMP_DATA* raw = nullptr;
  const l_ok rc = pixGenerateCIData(pix, L_G4_ENCODE, 0, 0, &raw);
  CompDataPtr cid(raw);
  if (rc != 0 || cid == nullptr || cid->datacomp == nullptr) {
    return absl::InternalError("Leptonica cannot encode the page as CCITT G4");
  }
  // Leptonica's 1 bpp convention is 1 = black, which it stores as a
  // min-is-white image: CCITT "black" runs are black, the PDF default.
  const absl::string_view black_is_1 = cid->minisblack ? " /BlackIs1 true" : "";
  return PdfImage{
      absl::StrCat(ImageDict(cid->w, cid->h, "DeviceGray", 1, "CCITTFaxDecode"),
                   " /DecodeParms <</K -1 /Columns ", cid->w, " /Rows ", cid->h,
                   black_is_1, ">>"),
      std::string(reinterpret_cast<const char*>(cid->datacomp),
                  cid->nbytescomp)};
}

absl::StatusOr<PdfImage> EncodeJpeg(Pix* pix, int quality) {
  l_uint8* raw = nullptr;
  size_t size = 0;
  const l_ok rc = pixWriteMemJpeg(&raw, &size, pix, quality, 0);
  LeptBytes bytes(raw);
  if (rc != 0 || bytes == nullptr) {
    return absl::InternalError("Leptonica cannot encode the page as JPEG");
  }
  return PdfImage{
      ImageDict(pixGetWidth(pix), pixGetHeight(pix),
                pixGetDepth(pix) == 32 ? "DeviceRGB" : "DeviceGray", 8,
                "DCTDecode"),
      std::string(reinterpret_cast<const char*>(bytes.get()), size)};
}

}  // namespace

absl::StatusOr<PdfImage> EncodePdfImage(Pix* pix, absl::string_view jpeg,
                                        int jpeg_quality) {
  if (!jpeg.empty()) return PassThroughJpeg(pix, jpeg);
  PixPtr plain;
  if (pixGetColormap(pix) != nullptr) {
    plain.reset(pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC));
  } else {
    plain = ClonePix(pix);
  }
  if (plain == nullptr) {
    return absl::InternalError("Leptonica cannot remove the colormap");
  }
  const int depth = pixGetDepth(plain.get());
  if (depth == 1) return EncodeG4(plain.get());
  if (depth == 24) {
    plain.reset(pixConvertTo32(plain.get()));
  } else if (depth != 8 && depth != 32) {
    plain.reset(pixConvertTo8(plain.get(), 0));
    if (plain == nullptr) {
      return absl::InternalError(
          absl::StrCat("Leptonica cannot convert the ", depth, " bpp image"));
    }
  }
  return EncodeJpeg(plain.get(), std::clamp(jpeg_quality, 1, 100));
}

}  // namespace docintake::ocr::internal
