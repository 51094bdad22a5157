#include "tests/support/signing/test_pki.h"

#include <fstream>

#include "base/status_macros.h"
#include "tests/support/signing/internal/certificate_factory.h"

namespace docintake::testing::signing {
namespace {

absl::Duration Days(int n) { return absl::Hours(24 * n); }

absl::Status WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  out.close();
  if (!out) return absl::InternalError("cannot write " + path);
  return absl::OkStatus();
}

}  // namespace

TestPki::~TestPki() = default;

absl::StatusOr<std::unique_ptr<TestPki>> TestPki::Create(absl::Time now) {
  std::unique_ptr<TestPki> pki(new TestPki(now));
  const absl::Time ca_from = now - Days(5 * 365);
  const absl::Time ca_to = now + Days(10 * 365);
  const absl::Time ee_from = now - Days(365);
  const absl::Time ee_to = now + Days(2 * 365);
  ASSIGN_OR_RETURN(pki->root_,
                   pki->Issue({"docintake Test Root CA", CertProfile::kCa,
                               KeyType::kRsa2048, ca_from, ca_to, nullptr}));
  ASSIGN_OR_RETURN(
      pki->intermediate_,
      pki->Issue({"docintake Test Qualified CA", CertProfile::kCa,
                  KeyType::kRsa2048, ca_from, ca_to, pki->root_.get()}));
  const Credential* ca = pki->intermediate_.get();
  ASSIGN_OR_RETURN(
      pki->qualified_,
      pki->Issue({"Erika Mustermann (qualified)", CertProfile::kQualified,
                  KeyType::kRsa2048, ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(
      pki->non_qualified_,
      pki->Issue({"Max Mustermann (advanced)", CertProfile::kNonQualified,
                  KeyType::kRsa2048, ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(pki->authentication_,
                   pki->Issue({"Max Mustermann (authentication)",
                               CertProfile::kAuthentication, KeyType::kRsa2048,
                               ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(
      pki->expired_,
      pki->Issue({"Erika Mustermann (expired)", CertProfile::kQualified,
                  KeyType::kRsa2048, now - Days(2 * 365), now - Days(30), ca}));
  ASSIGN_OR_RETURN(
      pki->revoked_,
      pki->Issue({"Erika Mustermann (revoked)", CertProfile::kQualified,
                  KeyType::kRsa2048, ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(
      pki->brainpool_,
      pki->Issue({"Erika Mustermann (signature card)", CertProfile::kQualified,
                  KeyType::kEcBrainpoolP256r1, ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(
      pki->ecdsa_,
      pki->Issue({"Max Mustermann (ECDSA P-256)", CertProfile::kNonQualified,
                  KeyType::kEcP256, ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(pki->tsa_,
                   pki->Issue({"docintake Test TSA", CertProfile::kTsa,
                               KeyType::kRsa2048, ee_from, ee_to, ca}));
  ASSIGN_OR_RETURN(
      pki->ocsp_responder_,
      pki->Issue({"docintake Test OCSP Responder", CertProfile::kOcspResponder,
                  KeyType::kRsa2048, ee_from, ee_to, ca}));
  return pki;
}

absl::StatusOr<std::unique_ptr<Credential>> TestPki::Issue(
    const CertificateSpec& spec) {
  return internal::MakeCredential(spec, next_serial_++);
}

std::string TestPki::AnchorsPem(bool with_intermediate) const {
  std::string pem = root_->CertPem();
  if (with_intermediate) pem += intermediate_->CertPem();
  return pem;
}

absl::Status TestPki::WriteTrustDir(const std::string& dir,
                                    bool with_intermediate) const {
  RETURN_IF_ERROR(WriteFile(dir + "/root.pem", root_->CertPem()));
  if (with_intermediate) {
    RETURN_IF_ERROR(
        WriteFile(dir + "/intermediate.pem", intermediate_->CertPem()));
  }
  return absl::OkStatus();
}

}  // namespace docintake::testing::signing
