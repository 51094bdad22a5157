// Test-only extraction of signature material from the corpus PDFs, by
// scanning raw bytes (no PDF parser): the CMS of every /ByteRange gap, its
// certificates, signature timestamp time and revocation values, plus every
// DER certificate / OCSP response / CRL stored as a (Flate) stream, which
// covers the DSS dictionary. Good enough for the corpus, not for hostile
// input.
#ifndef DOCINTAKE_TESTS_SIGNATURE_TRUST_CORPUS_PDF_H_
#define DOCINTAKE_TESTS_SIGNATURE_TRUST_CORPUS_PDF_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "signature/trust/revocation.h"

namespace docintake::signature::testing {

struct CorpusSignature {
  long gap_start = 0;  // /ByteRange[1]: orders signatures
  std::string signer_der;
  std::vector<std::string> cms_certificates;
  std::optional<absl::Time> timestamp_time;  // signature timestamp genTime
  bool is_timestamp_token = false;           // the CMS is an RFC 3161 token
  RevocationData cms_revocation;             // CMS crls + adbe archival
};

struct CorpusPdf {
  std::vector<CorpusSignature> signatures;  // ordered by gap_start
  std::vector<std::string> stream_certificates;
  RevocationData stream_revocation;
};

CorpusPdf ExtractCorpusPdf(const std::string& pdf);

}  // namespace docintake::signature::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_TRUST_CORPUS_PDF_H_
