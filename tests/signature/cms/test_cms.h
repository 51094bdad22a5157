// Test-only builders of CMS signatures: key pairs with self-signed
// certificates (RSA, P-256, brainpoolP256r1), OpenSSL CMS_sign output, and
// hand-assembled SignedData for what CMS_sign cannot make (plain-ECDSA,
// unsorted SignedAttributes, chosen attributes and revocation values). The
// DER helpers here are independent of signature/cms/internal on purpose.
#ifndef DOCINTAKE_TESTS_SIGNATURE_CMS_TEST_CMS_H_
#define DOCINTAKE_TESTS_SIGNATURE_CMS_TEST_CMS_H_

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/owned.h"

namespace docintake::testing {

enum class KeyKind { kRsa, kP256, kBrainpoolP256 };

struct TestIdentity {
  base::Owned<EVP_PKEY, EVP_PKEY_free> key;
  base::Owned<X509, X509_free> cert;
  std::string cert_der;
};

// A key and a self-signed certificate valid 2023-01-01..2033-01-01, with a
// subject key identifier.
absl::StatusOr<TestIdentity> MakeIdentity(KeyKind kind, const char* cn);

// CMS_sign over `data` (flags e.g. CMS_DETACHED | CMS_CADES); `pss` switches
// an RSA signer to RSASSA-PSS. A second identity adds a second SignerInfo.
absl::StatusOr<std::string> CmsSign(const TestIdentity& signer,
                                    absl::string_view data, unsigned flags,
                                    bool pss = false,
                                    const TestIdentity* second = nullptr);

// The SignerInfo signature value of the first signer, read with OpenSSL.
absl::StatusOr<std::string> OpenSslSignatureValue(absl::string_view cms_der);

// DER building blocks.
std::string Der(int tag, absl::string_view contents);
std::string OidDer(const char* dotted);
std::string Attribute(const char* oid, absl::string_view value_der);
std::string Sha256(absl::string_view data);
std::string Sha1(absl::string_view data);

struct HandCmsOptions {
  // Attribute encodings in emission order; empty: no SignedAttributes.
  std::vector<std::string> signed_attributes;
  // Sign the DER-sorted SET even if emitted in another order.
  bool sign_sorted = false;
  // EC keys: ecdsa-plain-SHA256 (0.4.0.127.0.7.1.1.4.1.3), value r‖s.
  bool plain_ecdsa = false;
  std::vector<std::string> unsigned_attributes;
  // RevocationInfoChoice encodings for SignedData.crls.
  std::vector<std::string> revocation_choices;
  bool flip_signature_byte = false;
};

// A detached SHA-256 SignedData over `data` signed by `signer`.
absl::StatusOr<std::string> BuildCms(const TestIdentity& signer,
                                     absl::string_view data,
                                     const HandCmsOptions& options);

// The standard CAdES attributes over `data`: contentType id-data,
// signingTime 2023-06-01T10:20:30Z (UTCTime), messageDigest SHA-256 and
// signing-certificate-v2 over `ess_cert_der`.
std::vector<std::string> CadesAttributes(absl::string_view data,
                                         absl::string_view ess_cert_der);

// A CRL (DER) issued by `issuer`.
absl::StatusOr<std::string> MakeCrl(const TestIdentity& issuer);
// A successful OCSPResponse (DER) `responder` signs for its own
// certificate; its BasicOCSPResponse goes to `basic_der` if given.
absl::StatusOr<std::string> MakeOcspResponse(const TestIdentity& responder,
                                             std::string* basic_der = nullptr);

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_CMS_TEST_CMS_H_
