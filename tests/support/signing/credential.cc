#include "tests/support/signing/credential.h"

#include "tests/support/signing/internal/openssl_util.h"

namespace docintake::testing::signing {

std::string Credential::CertDer() const {
  return internal::CertDer(cert.get());
}

std::string Credential::CertPem() const {
  return internal::CertPem(cert.get());
}

long Credential::Serial() const {
  return ASN1_INTEGER_get(X509_get0_serialNumber(cert.get()));
}

}  // namespace docintake::testing::signing
