// Builds CMS SignedData for the test signers with full control over what
// OpenSSL would otherwise decide: the signingTime attribute (OpenSSL adds the
// wall clock if absent — here it is either the given time or removed),
// extra signed attributes, RSA-PSS, BSI TR-03111 plain-ECDSA (r||s) and a
// deliberately corrupted signature value. Internal to tests/support/signing.
// Stateless; thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_CMS_SIGNER_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_CMS_SIGNER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "tests/support/signing/credential.h"
#include "tests/support/signing/internal/openssl_util.h"

namespace docintake::testing::signing::internal {

enum class SignatureScheme {
  kDefault,     // PKCS#1 v1.5 for RSA, DER ECDSA-Sig-Value for EC
  kRsaPss,      // RSASSA-PSS, MGF1 with the same digest, salt = digest size
  kPlainEcdsa,  // BSI TR-03111 ecdsa-plain-SHAxxx, value r||s
};

struct CmsRequest {
  const Credential* signer = nullptr;
  std::vector<const Credential*> extra_certs;  // besides the signer's
  const EVP_MD* md = nullptr;
  absl::string_view content;
  bool detached = true;
  const char* econtent_type = nullptr;  // dotted OID; null = id-data
  bool signed_attributes = true;
  bool ess_signing_certificate_v2 = true;
  std::optional<absl::Time> signing_time;  // signingTime attribute
  // Further signed attributes: (dotted OID, DER of the single value).
  std::vector<std::pair<std::string, std::string>> extra_signed_attributes;
  SignatureScheme scheme = SignatureScheme::kDefault;
  bool corrupt_signature = false;  // flip a bit of the signature value
};

// The signed CMS. INVALID_ARGUMENT for a missing signer or a scheme that
// does not fit the key; INTERNAL for OpenSSL failures.
absl::StatusOr<CmsPtr> SignCms(const CmsRequest& request);

// The first SignerInfo's signature value.
std::string SignatureValue(CMS_ContentInfo* cms);
// Adds an unsigned attribute (dotted OID, DER value) to the first
// SignerInfo.
absl::Status AddUnsignedAttribute(CMS_ContentInfo* cms, const char* oid,
                                  absl::string_view der);
// DER of the whole ContentInfo.
absl::StatusOr<std::string> CmsToDer(CMS_ContentInfo* cms);

}  // namespace docintake::testing::signing::internal

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_CMS_SIGNER_H_
