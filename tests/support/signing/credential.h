// Credential: an X.509 certificate with its private key, as made by TestPki
// for tests. Owns both handles; move-only. The handles stay valid as long as
// the Credential lives. Thread-compatible.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_CREDENTIAL_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_CREDENTIAL_H_

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>

#include "base/owned.h"

namespace docintake::testing::signing {

struct Credential {
  std::string name;  // the subject's common name
  base::Owned<X509, X509_free> cert;
  base::Owned<EVP_PKEY, EVP_PKEY_free> key;
  // The issuer's certificate; null for a self-signed one. Not owned: points
  // into the TestPki (or the caller's Credential) that issued this one.
  const Credential* issuer = nullptr;

  // DER / PEM of the certificate.
  std::string CertDer() const;
  std::string CertPem() const;
  // The serial number (fits in a long for TestPki certificates).
  long Serial() const;
};

}  // namespace docintake::testing::signing

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_CREDENTIAL_H_
