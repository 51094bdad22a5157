#include "ocr/page_extract.h"

#include "absl/strings/str_cat.h"
#include "base/owned.h"
#include "base/status_macros.h"

namespace docintake::ocr {
namespace {

void FreePixa(Pixa* pixa) { pixaDestroy(&pixa); }
void FreeBytes(l_uint8* data) { lept_free(data); }

}  // namespace

absl::StatusOr<std::string> ExtractPagesAsTiff(absl::string_view bytes,
                                               const std::vector<int>& pages,
                                               const PageLimits& limits) {
  if (pages.empty()) return absl::InvalidArgumentError("no pages to extract");
  ASSIGN_OR_RETURN(std::unique_ptr<PageSource> source,
                   OpenPages(bytes, limits));
  base::Owned<Pixa, FreePixa> pixa(
      pixaCreate(static_cast<l_int32>(pages.size())));
  if (pixa == nullptr) return absl::ResourceExhaustedError("no memory");
  for (int index : pages) {
    ASSIGN_OR_RETURN(PageImage page, source->Page(index));
    // The pixa takes over the page's reference.
    if (pixaAddPix(pixa.get(), page.pix.release(), L_INSERT) != 0) {
      return absl::InternalError("Leptonica could not collect the pages");
    }
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixaWriteMemMultipageTiff(&data, &size, pixa.get()) != 0) {
    return absl::InternalError("Leptonica could not write the TIFF");
  }
  base::Owned<l_uint8, FreeBytes> owned(data);
  return std::string(reinterpret_cast<const char*>(owned.get()), size);
}

}  // namespace docintake::ocr
