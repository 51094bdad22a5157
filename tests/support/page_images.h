// Page files made in code for the page-source tests and fuzz seeds: minimal
// TIFF, PNG and PDF files written byte by byte (so their headers can claim
// anything), and real images encoded with Leptonica from generated pages.
// Header-only; whoever includes it links Leptonica and zlib. Thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_PAGE_IMAGES_H_
#define DOCINTAKE_TESTS_SUPPORT_PAGE_IMAGES_H_

#include <leptonica/allheaders.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "base/owned.h"
#include "ocr/pix.h"

namespace docintake::testing {

namespace page_images_internal {

inline void AppendLe(std::string& out, uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out += static_cast<char>((value >> (8 * i)) & 0xff);
  }
}

inline void AppendBe32(std::string& out, uint32_t value) {
  for (int i = 3; i >= 0; --i)
    out += static_cast<char>((value >> (8 * i)) & 0xff);
}

inline void AppendPngChunk(std::string& out, absl::string_view type,
                           absl::string_view data) {
  AppendBe32(out, static_cast<uint32_t>(data.size()));
  const std::string body = absl::StrCat(type, data);
  out += body;
  AppendBe32(out, static_cast<uint32_t>(
                      crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                            static_cast<uInt>(body.size()))));
}

inline void FreeBytes(l_uint8* data) { lept_free(data); }
inline void FreePixa(Pixa* pixa) { pixaDestroy(&pixa); }

// Takes over a buffer Leptonica wrote; "" if the writer failed.
inline std::string TakeBytes(int rc, l_uint8* data, size_t size) {
  base::Owned<l_uint8, FreeBytes> owned(data);
  if (rc != 0 || owned == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(owned.get()), size);
}

}  // namespace page_images_internal

// A little-endian, uncompressed, 1 bpp, single-strip TIFF whose header says
// `width` x `height` and whose strip is `strip` (which need not fit). No
// resolution tags.
inline std::string MinimalTiff(uint32_t width, uint32_t height,
                               absl::string_view strip) {
  using page_images_internal::AppendLe;
  constexpr uint16_t kShort = 3, kLong = 4;
  struct Entry {
    uint16_t tag, type;
    uint32_t value;
  };
  constexpr uint32_t kEntries = 9;
  const uint32_t strip_offset = 8 + 2 + kEntries * 12 + 4;
  const Entry entries[kEntries] = {
      {256, kLong, width},         // ImageWidth
      {257, kLong, height},        // ImageLength
      {258, kShort, 1},            // BitsPerSample
      {259, kShort, 1},            // Compression: none
      {262, kShort, 0},            // PhotometricInterpretation: WhiteIsZero
      {273, kLong, strip_offset},  // StripOffsets
      {277, kShort, 1},            // SamplesPerPixel
      {278, kLong, height},        // RowsPerStrip
      {279, kLong, static_cast<uint32_t>(strip.size())},  // StripByteCounts
  };
  std::string tiff("II*\0", 4);
  AppendLe(tiff, 8, 4);  // first IFD
  AppendLe(tiff, kEntries, 2);
  for (const Entry& e : entries) {
    AppendLe(tiff, e.tag, 2);
    AppendLe(tiff, e.type, 2);
    AppendLe(tiff, 1, 4);  // count
    AppendLe(tiff, e.value, 4);
  }
  AppendLe(tiff, 0, 4);  // no next IFD
  return tiff + std::string(strip);
}

// A 1 bpp greyscale PNG whose IHDR says `width` x `height` (with a correct
// CRC). Its IDAT holds all rows (white) when they take at most 64 KiB, else
// only the first: a complete image when small, a hostile header when not.
inline std::string MinimalPng(uint32_t width, uint32_t height) {
  using page_images_internal::AppendBe32;
  using page_images_internal::AppendPngChunk;
  std::string ihdr;
  AppendBe32(ihdr, width);
  AppendBe32(ihdr, height);
  ihdr += std::string("\x01\x00\x00\x00\x00", 5);  // 1 bit grey, no interlace
  const uint64_t row = 1 + (uint64_t{width} + 7) / 8;
  const uint64_t rows = row * height <= (64 << 10) ? height : 1;
  std::string raw;
  for (uint64_t y = 0; y < rows; ++y) {
    raw += '\0';                                       // filter: none
    raw.append(static_cast<size_t>(row - 1), '\xff');  // white
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(packed_size, '\0');
  compress(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
           reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  packed.resize(packed_size);
  std::string png("\x89PNG\r\n\x1a\n", 8);
  AppendPngChunk(png, "IHDR", ihdr);
  AppendPngChunk(png, "IDAT", packed);
  AppendPngChunk(png, "IEND", "");
  return png;
}

// A PDF of `objects` (object i + 1 is objects[i], the first the catalog)
// with a correct cross-reference table, unless `xref_shift` moves every
// offset; `trailer_extra` is added to the trailer dictionary.
inline std::string PdfFromObjects(const std::vector<std::string>& objects,
                                  long xref_shift = 0,
                                  absl::string_view trailer_extra = "") {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    absl::StrAppend(&pdf, i + 1, " 0 obj\n", objects[i], "\nendobj\n");
  }
  const size_t xref = pdf.size();
  absl::StrAppend(&pdf, "xref\n0 ", objects.size() + 1,
                  "\n0000000000 65535 f \n");
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof(entry), "%010ld 00000 n \n",
                  static_cast<long>(offset) + xref_shift);
    pdf += entry;
  }
  absl::StrAppend(&pdf, "trailer\n<< /Size ", objects.size() + 1,
                  " /Root 1 0 R", trailer_extra, " >>\nstartxref\n", xref,
                  "\n%%EOF\n");
  return pdf;
}

// A PDF of `pages` pages (0 gives /Kids [] /Count 0), each `width` x
// `height` points showing a black bar.
inline std::string PdfWithPages(int pages, int width = 300, int height = 200) {
  const std::string content = "0 0 0 rg 20 20 100 30 re f";
  std::vector<std::string> kids;
  for (int i = 0; i < pages; ++i) kids.push_back(absl::StrCat(i + 4, " 0 R"));
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      absl::StrCat("<< /Type /Pages /Kids [", absl::StrJoin(kids, " "),
                   "] /Count ", pages, " >>"),
      absl::StrCat("<< /Length ", content.size(), " >>\nstream\n", content,
                   "\nendstream")};
  for (int i = 0; i < pages; ++i) {
    objects.push_back(
        absl::StrCat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ", width, " ",
                     height, "] /Contents 3 0 R >>"));
  }
  return PdfFromObjects(objects);
}

// A white `width` x `height` page of depth 1 or 8 with black bars like
// lines of text.
inline ocr::PixPtr GeneratedPage(int width, int height, int depth) {
  ocr::PixPtr pix(pixCreate(width, height, depth));
  if (pix == nullptr) return pix;
  // 1 bpp: 0 is white; 8 bpp: 255 is.
  const int paper = depth == 1 ? PIX_CLR : PIX_SET;
  const int ink = depth == 1 ? PIX_SET : PIX_CLR;
  pixRasterop(pix.get(), 0, 0, width, height, paper, nullptr, 0, 0);
  for (int y = height / 8; y + height / 16 < height * 7 / 8; y += height / 8) {
    pixRasterop(pix.get(), width / 10, y, width * 7 / 10, height / 16, ink,
                nullptr, 0, 0);
  }
  return pix;
}

inline std::string EncodeJpeg(Pix* pix, bool progressive = false) {
  l_uint8* data = nullptr;
  size_t size = 0;
  const int rc = pixWriteMemJpeg(&data, &size, pix, 75, progressive ? 1 : 0);
  return page_images_internal::TakeBytes(rc, data, size);
}

inline std::string EncodePng(Pix* pix) {
  l_uint8* data = nullptr;
  size_t size = 0;
  const int rc = pixWriteMemPng(&data, &size, pix, 0);
  return page_images_internal::TakeBytes(rc, data, size);
}

// `compression` e.g. IFF_TIFF_G4 (1 bpp only), IFF_TIFF_ZIP.
inline std::string EncodeTiff(Pix* pix, int compression) {
  l_uint8* data = nullptr;
  size_t size = 0;
  const int rc = pixWriteMemTiff(&data, &size, pix, compression);
  return page_images_internal::TakeBytes(rc, data, size);
}

// A multi-page TIFF of `pages` generated 1 bpp pages of 64 x 48 (G4).
inline std::string MultipageTiff(int pages) {
  base::Owned<Pixa, page_images_internal::FreePixa> pixa(pixaCreate(pages));
  for (int i = 0; i < pages; ++i) {
    pixaAddPix(pixa.get(), GeneratedPage(64, 48, 1).release(), L_INSERT);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  const int rc = pixaWriteMemMultipageTiff(&data, &size, pixa.get());
  return page_images_internal::TakeBytes(rc, data, size);
}

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_PAGE_IMAGES_H_
