#include "tests/signature/trust/test_pki.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace docintake::signature::testing {
namespace {

using KeyPtr = base::Owned<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = base::Owned<X509, X509_free>;

void Check(bool ok, const char* what) {
  if (!ok) {
    ADD_FAILURE() << "OpenSSL failed: " << what << " ("
                  << ERR_error_string(ERR_get_error(), nullptr) << ")";
  }
}

base::Owned<ASN1_TIME, ASN1_TIME_free> AsnTime(absl::Time t) {
  return base::Owned<ASN1_TIME, ASN1_TIME_free>(
      ASN1_TIME_set(nullptr, absl::ToTimeT(t)));
}

void AddExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  if (value.empty()) return;
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  Check(ext != nullptr, "X509V3_EXT_conf_nid");
  if (ext == nullptr) return;
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

std::string Tlv(unsigned char tag, const std::string& content) {
  std::string out(1, static_cast<char>(tag));
  const size_t n = content.size();
  if (n < 0x80) {
    out += static_cast<char>(n);
  } else if (n < 0x100) {
    out += '\x81';
    out += static_cast<char>(n);
  } else {
    out += '\x82';
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(n & 0xff);
  }
  return out + content;
}

std::string OidDer(const std::string& dotted) {
  ASN1_OBJECT* obj = OBJ_txt2obj(dotted.c_str(), 1);
  unsigned char* out = nullptr;
  const int len = i2d_ASN1_OBJECT(obj, &out);
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  ASN1_OBJECT_free(obj);
  return der;
}

}  // namespace

absl::Time Utc(int y, int mo, int d, int h, int mi, int s) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

TestIdentity::TestIdentity(KeyPtr key, CertPtr cert)
    : key_(std::move(key)), cert_(std::move(cert)) {}

std::string TestIdentity::der() const {
  unsigned char* out = nullptr;
  const int len = i2d_X509(cert_.get(), &out);
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

std::unique_ptr<TestIdentity> Issue(const CertSpec& spec,
                                    const TestIdentity* issuer,
                                    const TestIdentity* reuse_key) {
  KeyPtr key;
  if (reuse_key != nullptr) {
    EVP_PKEY_up_ref(reuse_key->key());
    key.reset(reuse_key->key());
  } else {
    key.reset(EVP_EC_gen("P-256"));
  }
  Check(key != nullptr, "key generation");
  CertPtr cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), spec.serial);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(
      name, "CN", MBSTRING_UTF8,
      reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1, -1,
      0);
  X509_set_issuer_name(cert.get(), issuer != nullptr
                                       ? X509_get_subject_name(issuer->cert())
                                       : name);
  X509_set1_notBefore(cert.get(), AsnTime(spec.not_before).get());
  X509_set1_notAfter(cert.get(), AsnTime(spec.not_after).get());
  X509_set_pubkey(cert.get(), key.get());
  X509* issuer_cert = issuer != nullptr ? issuer->cert() : cert.get();
  AddExtension(cert.get(), issuer_cert, NID_basic_constraints,
               spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  AddExtension(cert.get(), issuer_cert, NID_subject_key_identifier, "hash");
  if (issuer != nullptr) {
    AddExtension(cert.get(), issuer_cert, NID_authority_key_identifier,
                 "keyid:always");
  }
  AddExtension(cert.get(), issuer_cert, NID_key_usage, spec.key_usage);
  AddExtension(cert.get(), issuer_cert, NID_ext_key_usage,
               spec.extended_key_usage);
  AddExtension(cert.get(), issuer_cert, NID_certificate_policies,
               spec.policies);
  if (!spec.qc_statements_der.empty()) {
    base::Owned<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free> value(
        ASN1_OCTET_STRING_new());
    ASN1_OCTET_STRING_set(
        value.get(),
        reinterpret_cast<const unsigned char*>(spec.qc_statements_der.data()),
        static_cast<int>(spec.qc_statements_der.size()));
    X509_EXTENSION* ext =
        X509_EXTENSION_create_by_NID(nullptr, NID_qcStatements, 0, value.get());
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  EVP_PKEY* signing_key = issuer != nullptr ? issuer->key() : key.get();
  Check(X509_sign(cert.get(), signing_key, EVP_sha256()) > 0, "X509_sign");
  return std::make_unique<TestIdentity>(std::move(key), std::move(cert));
}

std::string MakeCrl(const TestIdentity& issuer, absl::Time this_update,
                    std::optional<absl::Time> next_update,
                    const std::vector<RevokedEntry>& revoked) {
  base::Owned<X509_CRL, X509_CRL_free> crl(X509_CRL_new());
  X509_CRL_set_version(crl.get(), 1);
  X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer.cert()));
  X509_CRL_set1_lastUpdate(crl.get(), AsnTime(this_update).get());
  if (next_update.has_value()) {
    X509_CRL_set1_nextUpdate(crl.get(), AsnTime(*next_update).get());
  }
  for (const RevokedEntry& entry : revoked) {
    X509_REVOKED* r = X509_REVOKED_new();
    X509_REVOKED_set_serialNumber(r, X509_get_serialNumber(entry.cert->cert()));
    X509_REVOKED_set_revocationDate(r, AsnTime(entry.when).get());
    X509_CRL_add0_revoked(crl.get(), r);
  }
  X509_CRL_sort(crl.get());
  Check(X509_CRL_sign(crl.get(), issuer.key(), EVP_sha256()) > 0,
        "X509_CRL_sign");
  unsigned char* out = nullptr;
  const int len = i2d_X509_CRL(crl.get(), &out);
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

std::string MakeOcspResponse(const OcspSpec& spec) {
  base::Owned<OCSP_BASICRESP, OCSP_BASICRESP_free> basic(OCSP_BASICRESP_new());
  OCSP_CERTID* id =
      OCSP_cert_to_id(EVP_sha1(), spec.subject->cert(), spec.issuer->cert());
  auto this_update = AsnTime(spec.this_update);
  base::Owned<ASN1_TIME, ASN1_TIME_free> next_update;
  if (spec.next_update.has_value()) next_update = AsnTime(*spec.next_update);
  auto revoked_at = AsnTime(spec.revocation_time);
  Check(OCSP_basic_add1_status(
            basic.get(), id,
            spec.revoked ? V_OCSP_CERTSTATUS_REVOKED : V_OCSP_CERTSTATUS_GOOD,
            spec.revoked ? OCSP_REVOKED_STATUS_KEYCOMPROMISE : 0,
            spec.revoked ? revoked_at.get() : nullptr, this_update.get(),
            next_update.get()) != nullptr,
        "OCSP_basic_add1_status");
  OCSP_CERTID_free(id);
  Check(OCSP_basic_sign(basic.get(), spec.responder->cert(),
                        spec.responder->key(), EVP_sha256(), nullptr,
                        spec.include_responder_cert ? 0 : OCSP_NOCERTS) == 1,
        "OCSP_basic_sign");
  base::Owned<OCSP_RESPONSE, OCSP_RESPONSE_free> response(
      OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
  unsigned char* out = nullptr;
  const int len = i2d_OCSP_RESPONSE(response.get(), &out);
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

std::string QcStatementsDer(bool compliance, bool sscd,
                            const std::vector<std::string>& types) {
  std::string statements;
  if (compliance) statements += Tlv(0x30, OidDer("0.4.0.1862.1.1"));
  if (sscd) statements += Tlv(0x30, OidDer("0.4.0.1862.1.4"));
  if (!types.empty()) {
    std::string list;
    for (const std::string& t : types) list += OidDer(t);
    statements += Tlv(0x30, OidDer("0.4.0.1862.1.6") + Tlv(0x30, list));
  }
  return Tlv(0x30, statements);
}

}  // namespace docintake::signature::testing

namespace docintake::signature::testing {
namespace {

std::string ServiceInformationXml(const MiniService& s, const std::string& tag,
                                  const std::string& status,
                                  const std::string& start, bool with_cert) {
  std::string xml = "<" + tag + "><ServiceTypeIdentifier>" + s.type_uri +
                    "</ServiceTypeIdentifier><ServiceName><Name "
                    "xml:lang=\"en\">" +
                    s.name + "</Name></ServiceName><ServiceDigitalIdentity>";
  if (with_cert) {
    std::string b64;
    absl::Base64Escape(s.cert_der, &b64);
    xml +=
        "<DigitalId><X509Certificate>" + b64 + "</X509Certificate></DigitalId>";
  }
  xml += "<DigitalId><X509SubjectName>CN=" + s.name +
         "</X509SubjectName></DigitalId></ServiceDigitalIdentity>"
         "<ServiceStatus>" +
         status + "</ServiceStatus><StatusStartingTime>" + start +
         "</StatusStartingTime><ServiceInformationExtensions>";
  if (!s.qualifications_xml.empty()) {
    xml += "<Extension Critical=\"true\"><q:Qualifications>" +
           s.qualifications_xml + "</q:Qualifications></Extension>";
  }
  for (const std::string& uri : s.additional_info) {
    xml +=
        "<Extension Critical=\"true\"><AdditionalServiceInformation><URI "
        "xml:lang=\"en\">" +
        uri + "</URI></AdditionalServiceInformation></Extension>";
  }
  return xml + "</ServiceInformationExtensions></" + tag + ">";
}

}  // namespace

std::string MiniTrustedListXml(const std::string& territory, int sequence,
                               const std::vector<MiniService>& services) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\" "
      "xmlns:q=\"http://uri.etsi.org/TrstSvc/SvcInfoExt/"
      "eSigDir-1999-93-EC-TrustedList/#\">"
      "<SchemeInformation><TSLVersionIdentifier>5</TSLVersionIdentifier>"
      "<TSLSequenceNumber>" +
      std::to_string(sequence) +
      "</TSLSequenceNumber><TSLType>http://uri.etsi.org/TrstSvc/TrustedList/"
      "TSLType/EUgeneric</TSLType><SchemeOperatorName><Name "
      "xml:lang=\"en\">Test Operator</Name></SchemeOperatorName>"
      "<SchemeTerritory>" +
      territory +
      "</SchemeTerritory><ListIssueDateTime>2023-01-02T03:04:05Z"
      "</ListIssueDateTime><NextUpdate><dateTime>2023-07-02T03:04:05Z"
      "</dateTime></NextUpdate></SchemeInformation>"
      "<TrustServiceProviderList><TrustServiceProvider><TSPInformation>"
      "<TSPName><Name xml:lang=\"de\">Test-TSP</Name><Name "
      "xml:lang=\"en\">Test TSP</Name></TSPName></TSPInformation>"
      "<TSPServices>";
  for (const MiniService& s : services) {
    xml += "<TSPService>" + ServiceInformationXml(s, "ServiceInformation",
                                                  s.status_uri, s.status_start,
                                                  true);
    if (!s.history.empty()) {
      xml += "<ServiceHistory>";
      for (const auto& [status, start] : s.history) {
        xml += ServiceInformationXml(s, "ServiceHistoryInstance", status, start,
                                     false);
      }
      xml += "</ServiceHistory>";
    }
    xml += "</TSPService>";
  }
  return xml +
         "</TSPServices></TrustServiceProvider></TrustServiceProviderList>"
         "</TrustServiceStatusList>";
}

}  // namespace docintake::signature::testing
