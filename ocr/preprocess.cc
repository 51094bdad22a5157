#include "ocr/preprocess.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace docintake::ocr {
namespace {

constexpr float kDegreesPerRadian = 57.29578f;
// Leptonica's Otsu thresholding needs tiles of at least 16 x 16 pixels.
constexpr int kMinOtsuTile = 16;

absl::StatusOr<PixPtr> Checked(Pix* pix, absl::string_view what) {
  if (pix == nullptr) {
    return absl::InternalError(absl::StrCat("Leptonica could not ", what));
  }
  return PixPtr(pix);
}

}  // namespace

absl::StatusOr<PixPtr> ToGrey(Pix* page) {
  if (pixGetDepth(page) == 8 && pixGetColormap(page) == nullptr) {
    return ClonePix(page);
  }
  return Checked(pixConvertTo8(page, 0), "convert the page to grey");
}

absl::StatusOr<PixPtr> Binarize(Pix* page) {
  if (pixGetDepth(page) == 1) return ClonePix(page);
  absl::StatusOr<PixPtr> grey = ToGrey(page);
  if (!grey.ok()) return grey.status();
  // One tile for the whole page: a global Otsu threshold, robust against
  // the even paper tone of scans.
  Pix* binary = nullptr;
  if (pixGetWidth(page) >= kMinOtsuTile && pixGetHeight(page) >= kMinOtsuTile &&
      pixOtsuAdaptiveThreshold(grey->get(), pixGetWidth(page),
                               pixGetHeight(page), 0, 0, 0.1f, nullptr,
                               &binary) == 0 &&
      binary != nullptr) {
    return PixPtr(binary);
  }
  // Too small for Otsu's tiles: a fixed mid-grey threshold.
  return Checked(pixThresholdToBinary(grey->get(), 128), "binarise the page");
}

absl::StatusOr<PixPtr> RotateUpright(Pix* page, int rotation) {
  const int quads = ((4 - (rotation / 90) % 4) % 4);
  if (quads == 0) return ClonePix(page);
  return Checked(pixRotateOrth(page, quads), "turn the page");
}

absl::StatusOr<Skew> FindSkew(Pix* binary_page) {
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(binary_page, &angle, &confidence) != 0) return Skew{};
  // Leptonica reports the angle that deskews (counter-clockwise content
  // gives a positive angle); we report how the content is turned.
  return Skew{-angle, confidence};
}

absl::StatusOr<PixPtr> Deskew(Pix* page, float degrees) {
  const int type =
      pixGetDepth(page) == 1 ? L_ROTATE_SAMPLING : L_ROTATE_AREA_MAP;
  return Checked(pixRotate(page, -degrees / kDegreesPerRadian, type,
                           L_BRING_IN_WHITE, 0, 0),
                 "deskew the page");
}

absl::StatusOr<bool> IsBlank(Pix* binary_page, int dpi, double max_ink_ratio) {
  const int w = pixGetWidth(binary_page);
  const int h = pixGetHeight(binary_page);
  const int mx = w / 20, my = h / 20;
  Box* box = boxCreate(mx, my, w - 2 * mx, h - 2 * my);
  PixPtr inner(pixClipRectangle(binary_page, box, nullptr));
  boxDestroy(&box);
  if (inner == nullptr) return true;
  // Opening with a brick of ~0.25 mm removes scanner speckle but keeps
  // strokes of text.
  const int brick = std::max(2, dpi / 100);
  PixPtr opened(pixOpenBrick(nullptr, inner.get(), brick, brick));
  if (opened == nullptr) {
    return absl::InternalError("Leptonica could not clean the page");
  }
  l_int32 ink = 0;
  pixCountPixels(opened.get(), &ink, nullptr);
  const double area = static_cast<double>(pixGetWidth(opened.get())) *
                      pixGetHeight(opened.get());
  return area <= 0 || ink / area < max_ink_ratio;
}

}  // namespace docintake::ocr
