#include "ocr/page_source.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "ocr/internal/image_pages.h"

namespace docintake::ocr {
namespace {

bool StartsWith(absl::string_view bytes, absl::string_view magic) {
  return bytes.size() >= magic.size() &&
         std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

}  // namespace

absl::StatusOr<std::unique_ptr<PageSource>> OpenPages(
    absl::string_view bytes, const PageLimits& limits) {
  SilenceLeptonica();
  if (bytes.substr(0, 1024).find("%PDF-") != absl::string_view::npos) {
    return internal::OpenPdfPages(bytes, limits);
  }
  if (StartsWith(bytes, absl::string_view("II*\0", 4)) ||
      StartsWith(bytes, absl::string_view("MM\0*", 4))) {
    return internal::OpenTiffPages(bytes, limits);
  }
  if (StartsWith(bytes, "\x89PNG\r\n\x1a\n") ||
      StartsWith(bytes, "\xff\xd8\xff")) {
    return internal::OpenSingleImage(bytes, limits);
  }
  return absl::InvalidArgumentError(
      "not a page image: expected PDF, TIFF, PNG or JPEG");
}

}  // namespace docintake::ocr
