// Fuzz target: media sniffing of a document's first bytes (SniffMedia) and
// the check of a declared MIME type against the sniffed kind.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "docintake/v1/record.pb.h"
#include "intake/media_sniffer.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::intake {
namespace {

constexpr v1::MediaKind kKinds[] = {v1::MEDIA_KIND_UNSPECIFIED,
                                    v1::PDF,
                                    v1::TIFF,
                                    v1::PNG,
                                    v1::JPEG,
                                    v1::UBL_INVOICE,
                                    v1::UBL_CREDIT_NOTE,
                                    v1::CII_INVOICE};

void FuzzOne(absl::string_view bytes) {
  const absl::StatusOr<SniffedMedia> media = SniffMedia(bytes);
  if (media.ok()) {
    // The type we name must be one a client may declare for that kind.
    FUZZ_CHECK(DeclaredTypeMatches(media->media_type, media->kind),
               media->media_type);
  } else {
    FUZZ_CHECK(media.status().code() == absl::StatusCode::kInvalidArgument,
               media.status().ToString());
  }
  // Only the first kSniffBytes matter.
  if (bytes.size() > kSniffBytes) {
    const absl::StatusOr<SniffedMedia> head =
        SniffMedia(bytes.substr(0, kSniffBytes));
    FUZZ_CHECK(
        head.ok() == media.ok() && (!head.ok() || head->kind == media->kind),
        "the verdict depends on bytes after kSniffBytes");
  }
  // The input's first line as a declared Content-Type, against every kind.
  const absl::string_view declared = bytes.substr(0, bytes.find('\n'));
  for (v1::MediaKind kind : kKinds) (void)DeclaredTypeMatches(declared, kind);
}

}  // namespace
}  // namespace docintake::intake

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::intake::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
