#include "ocr/barcode_reader.h"

#include <zbar.h>  // C++: declares the C API in namespace zbar

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/owned.h"

namespace docintake::ocr {
namespace {

using ZbarImage = base::Owned<zbar::zbar_image_t, zbar::zbar_image_destroy>;
using ZbarScanner =
    base::Owned<zbar::zbar_image_scanner_t, zbar::zbar_image_scanner_destroy>;

// The grey pixels of `grey` (8 bpp, no colormap) row after row without
// padding, as zbar's Y800 format expects. Leptonica keeps pixels in 32-bit
// words in native byte order, so the rows cannot be handed over as they are.
std::vector<uint8_t> PackedGrey(Pix* grey) {
  const int width = pixGetWidth(grey);
  const int height = pixGetHeight(grey);
  const int wpl = pixGetWpl(grey);
  const l_uint32* const data = pixGetData(grey);
  std::vector<uint8_t> packed(static_cast<size_t>(width) * height);
  uint8_t* out = packed.data();
  for (int y = 0; y < height; ++y) {
    const l_uint32* const line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < width; ++x) {
      *out++ = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
    }
  }
  return packed;
}

// What zbar finds on `grey` (8 bpp, no colormap), each (symbology, value)
// pair once.
absl::StatusOr<std::vector<Barcode>> ScanGrey(Pix* grey) {
  const std::vector<uint8_t> pixels = PackedGrey(grey);
  ZbarScanner scanner(zbar::zbar_image_scanner_create());
  ZbarImage image(zbar::zbar_image_create());
  if (scanner == nullptr || image == nullptr) {
    return absl::ResourceExhaustedError("zbar cannot allocate a scanner");
  }
  // ZBAR_NONE addresses every symbology the decoder knows.
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE,
                                      zbar::ZBAR_CFG_ENABLE, 1);
  zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(image.get(),
                            static_cast<unsigned>(pixGetWidth(grey)),
                            static_cast<unsigned>(pixGetHeight(grey)));
  // No cleanup handler: `pixels` stays ours and outlives `image`.
  zbar::zbar_image_set_data(image.get(), pixels.data(), pixels.size(), nullptr);
  if (zbar::zbar_scan_image(scanner.get(), image.get()) < 0) {
    return absl::InternalError("zbar failed to scan the page image");
  }
  std::vector<Barcode> found;
  for (const zbar::zbar_symbol_t* symbol =
           zbar::zbar_image_first_symbol(image.get());
       symbol != nullptr; symbol = zbar::zbar_symbol_next(symbol)) {
    Barcode barcode;
    barcode.symbology =
        zbar::zbar_get_symbol_name(zbar::zbar_symbol_get_type(symbol));
    barcode.value.assign(zbar::zbar_symbol_get_data(symbol),
                         zbar::zbar_symbol_get_data_length(symbol));
    bool seen = false;
    for (const Barcode& other : found) {
      seen = seen || (other.symbology == barcode.symbology &&
                      other.value == barcode.value);
    }
    if (!seen) found.push_back(std::move(barcode));
  }
  return found;
}

}  // namespace

absl::StatusOr<std::vector<Barcode>> ReadBarcodes(Pix* page) {
  if (page == nullptr || pixGetWidth(page) <= 0 || pixGetHeight(page) <= 0) {
    return absl::InvalidArgumentError("no page image to read barcodes from");
  }
  // Removes a colormap too (cmapflag 0: to grey).
  const PixPtr grey(pixConvertTo8(page, 0));
  if (grey == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read barcodes from a ", pixGetDepth(page), " bpp image"));
  }
  // One full-size scan: on the separator corpus it finds every code at 150,
  // 300 and 600 dpi and at 1, 8 and 32 bpp, so no reduced retry.
  return ScanGrey(grey.get());
}

}  // namespace docintake::ocr
