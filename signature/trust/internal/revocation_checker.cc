#include "signature/trust/internal/revocation_checker.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace docintake::signature::trust_internal {
namespace {

constexpr int kReasonCertificateHold = 6;

std::string FormatUtc(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

std::optional<absl::Time> OptionalTime(const ASN1_TIME* t) {
  if (t == nullptr) return std::nullopt;
  auto converted = AsnTimeToTime(t);
  if (!converted.ok()) return std::nullopt;
  return *converted;
}

int CrlEntryReason(X509_REVOKED* entry) {
  auto* reason = static_cast<ASN1_ENUMERATED*>(
      X509_REVOKED_get_ext_d2i(entry, NID_crl_reason, nullptr, nullptr));
  if (reason == nullptr) return -1;
  const long value = ASN1_ENUMERATED_get(reason);
  ASN1_ENUMERATED_free(reason);
  return static_cast<int>(value);
}

}  // namespace

RevocationChecker::RevocationChecker(const RevocationData& data,
                                     ResponderTrustFn trust,
                                     absl::Time validation_time,
                                     absl::Duration skew)
    : trust_(std::move(trust)), time_(validation_time), skew_(skew) {
  for (size_t i = 0; i < data.ocsp_responses.size(); ++i) {
    const std::string& der = data.ocsp_responses[i];
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
    OcspResponsePtr response(
        d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(der.size())));
    if (response == nullptr) {
      parse_notes_.push_back(
          absl::StrCat("OCSP response #", i, " is not DER OCSPResponse"));
      continue;
    }
    const int status = OCSP_response_status(response.get());
    if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
      parse_notes_.push_back(absl::StrCat("OCSP response #", i, " has status ",
                                          OCSP_response_status_str(status)));
      continue;
    }
    OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
    if (basic == nullptr) {
      parse_notes_.push_back(
          absl::StrCat("OCSP response #", i, " is not a basic response"));
      continue;
    }
    ocsp_.push_back(std::move(basic));
  }
  for (size_t i = 0; i < data.crls.size(); ++i) {
    const std::string& der = data.crls[i];
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
    X509CrlPtr crl(d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size())));
    if (crl == nullptr) {
      parse_notes_.push_back(absl::StrCat("CRL #", i, " is not a DER CRL"));
      continue;
    }
    crls_.push_back(std::move(crl));
  }
  ERR_clear_error();
}

bool RevocationChecker::CoversTime(const ASN1_GENERALIZEDTIME* this_update,
                                   const ASN1_GENERALIZEDTIME* next_update,
                                   RevocationFinding& finding,
                                   std::string* why) const {
  finding.this_update = OptionalTime(this_update);
  finding.next_update = OptionalTime(next_update);
  if (!finding.this_update.has_value()) {
    *why = "thisUpdate missing or malformed";
    return false;
  }
  // Issued after the validation time: "not revoked" then also held at it.
  if (*finding.this_update >= time_ - skew_) return true;
  if (finding.next_update.has_value() &&
      *finding.next_update + skew_ >= time_) {
    return true;
  }
  *why = absl::StrCat(
      "issued ", FormatUtc(*finding.this_update),
      finding.next_update.has_value()
          ? absl::StrCat(" and valid until ", FormatUtc(*finding.next_update))
          : std::string(" without nextUpdate"),
      ", does not cover ", FormatUtc(time_));
  return false;
}

void RevocationChecker::CheckOcsp(X509* cert, X509* issuer,
                                  const std::vector<X509*>& pool,
                                  std::vector<RevocationFinding>& out,
                                  std::vector<std::string>& notes) const {
  for (const OcspBasicPtr& basic : ocsp_) {
    OCSP_SINGLERESP* single = nullptr;
    for (int i = 0; i < OCSP_resp_count(basic.get()) && single == nullptr;
         ++i) {
      OCSP_SINGLERESP* candidate = OCSP_resp_get0(basic.get(), i);
      const OCSP_CERTID* id = OCSP_SINGLERESP_get0_id(candidate);
      ASN1_OBJECT* md_oid = nullptr;
      if (OCSP_id_get0_info(nullptr, &md_oid, nullptr, nullptr,
                            const_cast<OCSP_CERTID*>(id)) != 1) {
        continue;
      }
      const EVP_MD* md = EVP_get_digestbyobj(md_oid);
      if (md == nullptr) continue;
      OcspCertIdPtr mine(OCSP_cert_to_id(md, cert, issuer));
      if (mine != nullptr && OCSP_id_cmp(mine.get(), id) == 0)
        single = candidate;
    }
    if (single == nullptr) continue;

    RevocationFinding finding;
    finding.source = "OCSP";
    finding.produced_at = OptionalTime(OCSP_resp_get0_produced_at(basic.get()));
    std::vector<X509*> extra(pool);
    extra.push_back(issuer);
    const STACK_OF(X509)* embedded = OCSP_resp_get0_certs(basic.get());
    for (int i = 0; i < sk_X509_num(embedded); ++i) {
      extra.push_back(sk_X509_value(embedded, i));
    }
    X509StackPtr extra_stack(sk_X509_new_null());
    for (X509* c : extra) {
      if (X509_up_ref(c) == 1) sk_X509_push(extra_stack.get(), c);
    }
    X509* signer = nullptr;
    if (OCSP_resp_get0_signer(basic.get(), &signer, extra_stack.get()) != 1 ||
        signer == nullptr) {
      notes.push_back("OCSP response: responder certificate not found");
      continue;
    }
    finding.issuer = NameToString(X509_get_subject_name(signer));
    if (OCSP_basic_verify(basic.get(), extra_stack.get(), nullptr,
                          OCSP_NOVERIFY) != 1) {
      notes.push_back(absl::StrCat("OCSP response of ", finding.issuer,
                                   ": signature does not verify"));
      ERR_clear_error();
      continue;
    }
    const absl::Time signed_at = finding.produced_at.value_or(time_);
    std::string why;
    using ResponderTrust = RevocationFinding::ResponderTrust;
    finding.responder_trust = ResponderTrust::kNone;
    if (SameSubjectAndKey(signer, issuer) ||
        (X509_check_issued(issuer, signer) == X509_V_OK &&
         X509_verify(signer, X509_get0_pubkey(issuer)) == 1 &&
         HasExtendedKeyUsage(signer, NID_OCSP_sign))) {
      // The certificate's CA, or its delegated responder.
      finding.responder_trust = ResponderTrust::kIssuer;
    } else {
      finding.responder_trust = trust_(signer, extra, signed_at, &why);
    }
    const bool authorised = finding.responder_trust != ResponderTrust::kNone;
    ERR_clear_error();
    if (!authorised) {
      notes.push_back(absl::StrCat("OCSP response of ", finding.issuer,
                                   ": responder not authorised or trusted (",
                                   why, ")"));
      continue;
    }
    int reason = -1;
    ASN1_GENERALIZEDTIME* revoked_at = nullptr;
    ASN1_GENERALIZEDTIME* this_update = nullptr;
    ASN1_GENERALIZEDTIME* next_update = nullptr;
    const int status = OCSP_single_get0_status(single, &reason, &revoked_at,
                                               &this_update, &next_update);
    const bool covers = CoversTime(this_update, next_update, finding, &why);
    if (status == V_OCSP_CERTSTATUS_REVOKED) {
      finding.revocation_time = OptionalTime(revoked_at);
      finding.revocation_reason = reason;
      if (finding.revocation_time.has_value() &&
          *finding.revocation_time <= time_) {
        finding.state = RevocationState::kRevoked;
        out.push_back(std::move(finding));
        continue;
      }
    } else if (status != V_OCSP_CERTSTATUS_GOOD) {
      notes.push_back(absl::StrCat("OCSP response of ", finding.issuer,
                                   ": status unknown"));
      continue;
    }
    if (!covers) {
      notes.push_back(
          absl::StrCat("OCSP response of ", finding.issuer, ": ", why));
      continue;
    }
    finding.state = RevocationState::kGood;
    out.push_back(std::move(finding));
  }
}

void RevocationChecker::CheckCrls(X509* cert, X509* issuer,
                                  std::vector<RevocationFinding>& out,
                                  std::vector<std::string>& notes) const {
  for (const X509CrlPtr& crl : crls_) {
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()),
                      X509_get_issuer_name(cert)) != 0) {
      continue;
    }
    RevocationFinding finding;
    finding.source = "CRL";
    finding.issuer = NameToString(X509_CRL_get_issuer(crl.get()));
    if (X509_CRL_verify(crl.get(), X509_get0_pubkey(issuer)) != 1) {
      ERR_clear_error();
      notes.push_back(absl::StrCat("CRL of ", finding.issuer,
                                   ": not signed by the certificate's issuer"));
      continue;
    }
    std::string why;
    const bool covers =
        CoversTime(X509_CRL_get0_lastUpdate(crl.get()),
                   X509_CRL_get0_nextUpdate(crl.get()), finding, &why);
    X509_REVOKED* entry = nullptr;
    if (X509_CRL_get0_by_cert(crl.get(), &entry, cert) == 1 &&
        entry != nullptr) {
      finding.revocation_time =
          OptionalTime(X509_REVOKED_get0_revocationDate(entry));
      finding.revocation_reason = CrlEntryReason(entry);
      if (finding.revocation_time.has_value() &&
          *finding.revocation_time <= time_) {
        if (finding.revocation_reason == kReasonCertificateHold) {
          finding.notes.push_back("certificate on hold");
        }
        finding.state = RevocationState::kRevoked;
        out.push_back(std::move(finding));
        continue;
      }
    }
    if (!covers) {
      notes.push_back(absl::StrCat("CRL of ", finding.issuer, ": ", why));
      continue;
    }
    finding.state = RevocationState::kGood;
    out.push_back(std::move(finding));
  }
}

RevocationFinding RevocationChecker::Check(
    X509* cert, X509* issuer, const std::vector<X509*>& pool) const {
  std::vector<RevocationFinding> findings;
  std::vector<std::string> notes;
  CheckOcsp(cert, issuer, pool, findings, notes);
  CheckCrls(cert, issuer, findings, notes);
  ERR_clear_error();
  RevocationFinding result;
  result.state = RevocationState::kUnknown;
  for (RevocationFinding& f : findings) {
    if (f.state == RevocationState::kRevoked) {
      result = std::move(f);
      break;
    }
    if (f.state == RevocationState::kGood &&
        result.state != RevocationState::kGood) {
      result = std::move(f);
    }
  }
  for (std::string& note : notes) result.notes.push_back(std::move(note));
  if (result.state == RevocationState::kUnknown && notes.empty()) {
    result.notes.push_back("no OCSP response or CRL for this certificate");
  }
  return result;
}

}  // namespace docintake::signature::trust_internal
