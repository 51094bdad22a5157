// Signs TestPdf documents the way PDF signers do — an incremental update
// that fills (or adds) a signature field with a signature dictionary whose
// /Contents placeholder receives the CMS computed over the /ByteRange bytes —
// and makes the anomalies a validator must catch. Certificates, timestamps
// and revocation data come from a TestPki. Times are parameters.
// On error the PDF may be left with an unfilled signature revision.
// Not thread-safe (it edits the TestPdf).
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_PDF_SIGNER_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_PDF_SIGNER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tests/support/signing/credential.h"
#include "tests/support/signing/test_pdf.h"
#include "tests/support/signing/test_pki.h"

namespace docintake::testing::signing {

enum class SubFilter {
  kCadesDetached,  // ETSI.CAdES.detached: ESS signing-certificate-v2, no
                   // signingTime attribute (the time is /M)
  kPkcs7Detached,  // adbe.pkcs7.detached
  kPkcs7Sha1,      // adbe.pkcs7.sha1: eContent = SHA-1 of the ByteRange bytes
};

enum class SignatureAlgorithm {
  kDefault,     // RSA PKCS#1 v1.5 / ECDSA (DER)
  kRsaPss,      // RSASSA-PSS, MGF1 = digest, salt length = digest length
  kPlainEcdsa,  // BSI TR-03111 ecdsa-plain-SHAxxx (0.4.0.127.0.7.1.1.4.1.x),
                // value r||s — CMS_verify and pdfsig cannot check it
};

// How /ByteRange is written. Unless noted, the CMS is computed over exactly
// the bytes the written ByteRange selects (so a bare CMS check passes).
// Let [c0, c1) be the /Contents hex string "<...>", L the revision's end.
enum class ByteRangeVariant {
  kCorrect,           // [0 c0 c1 L-c1]
  kThreeNumbers,      // [0 c0 c1]; CMS over [0,c0) and [c1,L)
  kGapNotAtContents,  // [0 c0-2 c1-2 L-c1+2]: gap shifted two bytes left
  kOverlapping,       // [0 c0 c0-20 20]: second range inside the first
  kBeyondEof,         // [0 c0 c1 L-c1+100]; CMS over the bytes that exist
  kPartial,           // [0 c0 c1 S-c1], S = offset of this revision's
                      // "startxref": does not end at %%EOF
};

// A FieldMDP lock: /Lock on the field and a FieldMDP /Reference.
struct FieldLock {
  enum class Action { kAll, kInclude, kExclude };
  Action action = Action::kAll;
  std::vector<std::string> fields;  // for kInclude / kExclude
};

struct SignOptions {
  const Credential* signer = nullptr;  // required
  // The CMS carries the signer's certificate, its issuers below the
  // self-signed root (if include_issuers) and `certificates`.
  bool include_issuers = true;
  std::vector<const Credential*> certificates;
  SubFilter sub_filter = SubFilter::kCadesDetached;
  std::string digest = "sha256";  // "sha1", "sha256", "sha384", "sha512"
  SignatureAlgorithm algorithm = SignatureAlgorithm::kDefault;
  // An existing empty signature field, else a new invisible one on page 0.
  std::string field_name = "Signature1";
  absl::Time signing_time = absl::UnixEpoch();  // written as /M
  bool signing_time_attribute = false;  // CMS signingTime = signing_time
  bool ess_signing_certificate_v2 = true;
  bool signed_attributes = true;  // false: signature over the data itself
  // genTime of a signature timestamp by pki.tsa() (unsigned attribute
  // id-aa-signatureTimeStampToken, imprint = SHA-256 of the signature value).
  std::optional<absl::Time> signature_timestamp;
  // 1, 2 or 3: certification signature (DocMDP /P) with /Perms /DocMDP.
  int docmdp_permissions = 0;
  std::optional<FieldLock> lock;
  // DER CRLs / OCSPResponses for the signed adbe-revocationInfoArchival
  // attribute (1.2.840.113583.1.1.8).
  std::vector<std::string> crls;
  std::vector<std::string> ocsps;
  size_t reserved_bytes = 16000;  // /Contents capacity (hex: twice that)
  ByteRangeVariant byte_range = ByteRangeVariant::kCorrect;
  bool corrupt_signature_value = false;  // flip a bit of the signature value
  bool zero_contents = false;            // leave /Contents all zeros
};

struct DocTimestampOptions {
  absl::Time gen_time;
  std::string digest = "sha256";  // message imprint algorithm
  std::string field_name = "DocTimeStamp1";
  size_t reserved_bytes = 16000;
  ByteRangeVariant byte_range = ByteRangeVariant::kCorrect;
};

struct SignatureResult {
  int field = 0;                    // the signature field's object number
  int signature_dict = 0;           // the /Sig or /DocTimeStamp dictionary
  int revision = 0;                 // index of the revision that holds it
  std::vector<int64_t> byte_range;  // as written
  size_t contents_offset = 0;       // offset of /Contents' '<'
  std::string contents;             // decoded /Contents, zero padding included
  std::string cms;           // the CMS (or timestamp token) DER, no padding
  std::string signed_bytes;  // the bytes the CMS was computed over
  std::string vri_key;  // upper-case hex SHA-1 of `contents` (DSS /VRI key)
};

// Adds a signature revision to `pdf`. INVALID_ARGUMENT for bad options
// (no signer, unknown digest, algorithm not fitting the key, DocMDP P out
// of range, CMS larger than reserved_bytes); FAILED_PRECONDITION if the
// field is already signed.
absl::StatusOr<SignatureResult> SignPdf(TestPdf& pdf, const TestPki& pki,
                                        const SignOptions& options);

// Adds a document timestamp revision (/Type /DocTimeStamp, /SubFilter
// /ETSI.RFC3161, /Contents = pki token over the ByteRange bytes).
absl::StatusOr<SignatureResult> AddDocumentTimestamp(
    TestPdf& pdf, const TestPki& pki, const DocTimestampOptions& options);

// Flips the case of the first letter of the text in page `page_index`'s
// content stream (as last written), in place: a change inside the signed
// range of every signature that covers that revision.
absl::Status TamperPageText(TestPdf& pdf, int page_index = 0);

}  // namespace docintake::testing::signing

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_PDF_SIGNER_H_
