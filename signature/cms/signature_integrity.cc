#include "signature/cms/signature_integrity.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "signature/cms/internal/algorithms.h"
#include "signature/cms/internal/signed_data.h"
#include "signature/cms/internal/signer_verification.h"

namespace docintake::signature {
namespace {

constexpr absl::string_view kOidSha1 = "1.3.14.3.2.26";

IntegrityResult Failure(Integrity integrity, std::string detail) {
  IntegrityResult result;
  result.integrity = integrity;
  result.detail = std::move(detail);
  return result;
}

}  // namespace

std::optional<SubFilter> SubFilterFromName(absl::string_view name) {
  if (name == "adbe.pkcs7.detached") return SubFilter::kAdbePkcs7Detached;
  if (name == "adbe.pkcs7.sha1") return SubFilter::kAdbePkcs7Sha1;
  if (name == "ETSI.CAdES.detached") return SubFilter::kEtsiCadesDetached;
  return std::nullopt;
}

const char* IntegrityName(Integrity integrity) {
  switch (integrity) {
    case Integrity::kIntact:
      return "INTACT";
    case Integrity::kHashFailure:
      return "HASH_FAILURE";
    case Integrity::kSigCryptoFailure:
      return "SIG_CRYPTO_FAILURE";
    case Integrity::kFormatFailure:
      break;
  }
  return "FORMAT_FAILURE";
}

IntegrityResult VerifySignatureIntegrity(
    absl::string_view contents, SubFilter sub_filter,
    absl::Span<const absl::string_view> signed_ranges) {
  absl::StatusOr<internal::SignedDataView> view =
      internal::ParseSignedData(contents);
  if (!view.ok()) {
    return Failure(Integrity::kFormatFailure,
                   absl::StrCat("/Contents is not a usable CMS: ",
                                view.status().message()));
  }
  if (!view->is_signed_data) {
    return Failure(Integrity::kFormatFailure,
                   absl::StrCat("CMS content type ", view->content_type,
                                " is not SignedData"));
  }
  if (sub_filter != SubFilter::kAdbePkcs7Sha1) {
    if (view->econtent.has_value()) {
      return Failure(Integrity::kFormatFailure,
                     "a detached signature carries encapsulated content "
                     "(eContent)");
    }
    return internal::VerifySigner(*view, signed_ranges);
  }
  // adbe.pkcs7.sha1: the eContent is the SHA-1 of the ByteRange bytes and
  // the CMS signs that eContent.
  if (!view->econtent.has_value()) {
    return Failure(Integrity::kFormatFailure,
                   "adbe.pkcs7.sha1 signature without encapsulated content");
  }
  absl::StatusOr<std::string> sha1 =
      internal::Digest(internal::DigestForOid(kOidSha1), signed_ranges);
  if (!sha1.ok()) {
    return Failure(Integrity::kFormatFailure,
                   std::string(sha1.status().message()));
  }
  if (*sha1 != *view->econtent) {
    return Failure(Integrity::kHashFailure,
                   absl::StrCat("encapsulated SHA-1 ",
                                absl::BytesToHexString(*view->econtent),
                                " does not match the signed data's ",
                                absl::BytesToHexString(*sha1)));
  }
  return internal::VerifySigner(*view, {*view->econtent});
}

}  // namespace docintake::signature
