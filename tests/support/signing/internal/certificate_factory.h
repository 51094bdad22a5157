// Makes keys and X.509 certificates for TestPki from a CertificateSpec.
// Internal to tests/support/signing. Stateless; thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_CERTIFICATE_FACTORY_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_CERTIFICATE_FACTORY_H_

#include <memory>

#include "absl/status/statusor.h"
#include "tests/support/signing/credential.h"
#include "tests/support/signing/test_pki.h"

namespace docintake::testing::signing::internal {

// A fresh key of `spec.key_type` and a certificate for it with serial
// `serial`, signed (SHA-256) by spec.issuer or self-signed.
absl::StatusOr<std::unique_ptr<Credential>> MakeCredential(
    const CertificateSpec& spec, long serial);

// The DER value of a QCStatements extension with QcCompliance, QcType esign
// and QcSSCD.
std::string QualifiedStatementsDer();

}  // namespace docintake::testing::signing::internal

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_CERTIFICATE_FACTORY_H_
