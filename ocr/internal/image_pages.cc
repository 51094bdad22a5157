#include "ocr/internal/image_pages.h"

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace docintake::ocr::internal {
namespace {

const l_uint8* Data(absl::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

// Resolutions outside this range are treated as missing.
constexpr int kMinPlausibleDpi = 50;
constexpr int kMaxPlausibleDpi = 2400;

// libjpeg visits every block of the image in every scan, even an empty one,
// so a small file of thousands of scans costs minutes. Real progressive
// JPEGs have about ten.
constexpr int kMaxJpegScans = 100;

// The number of scans (SOS segments) of a JPEG, found by walking its
// markers up to EOI or the end of the data; linear in the size.
int CountJpegScans(absl::string_view jpeg) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(jpeg[i]); };
  int scans = 0;
  size_t i = 2;  // past SOI
  while (i + 1 < jpeg.size()) {
    const uint8_t marker = byte(i + 1);
    if (byte(i) != 0xFF || marker == 0xFF) {
      ++i;  // entropy-coded data, or fill before a marker
    } else if (marker == 0x00 || marker == 0x01 ||
               (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;  // stuffed byte, TEM, RSTn: no length field
    } else if (marker == 0xD9 || i + 3 >= jpeg.size()) {
      break;  // EOI, or a truncated header
    } else {
      if (marker == 0xDA) ++scans;
      i += 2 + (static_cast<size_t>(byte(i + 2)) << 8 | byte(i + 3));
    }
  }
  return scans;
}

class TiffPages final : public PageSource {
 public:
  TiffPages(absl::string_view bytes, const PageLimits& limits, int pages)
      : bytes_(bytes), limits_(limits), pages_(pages) {}

  int page_count() const override { return pages_; }

  absl::StatusOr<PageImage> Page(int index) override {
    if (index < 0 || index >= pages_) {
      return absl::OutOfRangeError(absl::StrCat("no page ", index + 1));
    }
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderMemTiff(Data(bytes_), bytes_.size(), index, &w, &h, &bps,
                          &spp, &res, &cmap, &format) != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("TIFF page ", index + 1, " has an unreadable header"));
    }
    RETURN_IF_ERROR(CheckPixels(index + 1, w, h, limits_));
    PixPtr pix(pixReadMemTiff(Data(bytes_), bytes_.size(), index));
    if (pix == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("TIFF page ", index + 1, " cannot be decoded"));
    }
    return NormalizePage(std::move(pix), limits_);
  }

 private:
  const absl::string_view bytes_;
  const PageLimits limits_;
  const int pages_;
};

class SingleImage final : public PageSource {
 public:
  SingleImage(absl::string_view bytes, const PageLimits& limits, bool jpeg)
      : bytes_(bytes), limits_(limits), jpeg_(jpeg) {}

  int page_count() const override { return 1; }

  absl::StatusOr<PageImage> Page(int index) override {
    if (index != 0) {
      return absl::OutOfRangeError(absl::StrCat("no page ", index + 1));
    }
    // Leptonica's JPEG reader fails on corrupt or truncated data by default.
    PixPtr pix(
        jpeg_ ? pixReadMemJpeg(Data(bytes_), bytes_.size(), 0, 1, nullptr, 0)
              : pixReadMem(Data(bytes_), bytes_.size()));
    if (pix == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(jpeg_ ? "JPEG" : "PNG",
                       " image cannot be decoded (corrupt or truncated)"));
    }
    ASSIGN_OR_RETURN(PageImage page, NormalizePage(std::move(pix), limits_));
    const int depth = pixGetDepth(page.pix.get());
    if (jpeg_ && (depth == 8 || depth == 32)) page.jpeg = std::string(bytes_);
    return page;
  }

 private:
  const absl::string_view bytes_;
  const PageLimits limits_;
  const bool jpeg_;
};

}  // namespace

absl::Status CheckPixels(int page_number, int64_t width, int64_t height,
                         const PageLimits& limits) {
  if (width <= 0 || height <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "page ", page_number, " has no pixels (", width, "x", height, ")"));
  }
  if (width * height > limits.max_pixels) {
    return absl::ResourceExhaustedError(
        absl::StrCat("page ", page_number, " is ", width, "x", height,
                     " pixels, more than the limit of ", limits.max_pixels,
                     " pixels per page (max_pixels)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<PageImage> NormalizePage(PixPtr pix, const PageLimits& limits) {
  if (pixGetColormap(pix.get()) != nullptr) {
    pix.reset(pixRemoveColormap(pix.get(), REMOVE_CMAP_BASED_ON_SRC));
  }
  if (pix != nullptr) {
    const int depth = pixGetDepth(pix.get());
    if (depth != 1 && depth != 8 && depth != 32) {
      pix.reset(pixConvertTo8(pix.get(), 0));
    }
  }
  if (pix == nullptr) {
    return absl::InvalidArgumentError("image has an unsupported pixel format");
  }
  PageImage page;
  const int xres = pixGetXRes(pix.get());
  if (xres >= kMinPlausibleDpi && xres <= kMaxPlausibleDpi) {
    page.dpi = xres;
  } else {
    page.dpi = limits.default_dpi;
    page.dpi_assumed = true;
    pixSetResolution(pix.get(), page.dpi, page.dpi);
  }
  page.pix = std::move(pix);
  return page;
}

absl::StatusOr<std::unique_ptr<PageSource>> OpenTiffPages(
    absl::string_view bytes, const PageLimits& limits) {
  // Leptonica counts TIFF directories through a stdio stream.
  FILE* stream = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "r");
  if (stream == nullptr) return absl::InternalError("fmemopen failed");
  l_int32 pages = 0;
  const bool ok = tiffGetCount(stream, &pages) == 0;
  std::fclose(stream);
  if (!ok || pages <= 0) {
    return absl::InvalidArgumentError("TIFF has no readable pages");
  }
  if (pages > limits.max_pages) {
    return absl::ResourceExhaustedError(
        absl::StrCat("TIFF has ", pages, " pages, more than the limit of ",
                     limits.max_pages, " (max_pages)"));
  }
  return std::make_unique<TiffPages>(bytes, limits, pages);
}

absl::StatusOr<std::unique_ptr<PageSource>> OpenSingleImage(
    absl::string_view bytes, const PageLimits& limits) {
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(Data(bytes), bytes.size(), &format, &w, &h, &bps, &spp,
                       &cmap) != 0) {
    return absl::InvalidArgumentError("image header cannot be read");
  }
  RETURN_IF_ERROR(CheckPixels(1, w, h, limits));
  if (format == IFF_JFIF_JPEG) {
    const int scans = CountJpegScans(bytes);
    if (scans > kMaxJpegScans) {
      return absl::InvalidArgumentError(
          absl::StrCat("JPEG has ", scans, " scans, more than ", kMaxJpegScans,
                       " (a corrupt or hostile progressive JPEG)"));
    }
  }
  return std::make_unique<SingleImage>(bytes, limits, format == IFF_JFIF_JPEG);
}

}  // namespace docintake::ocr::internal
