// TestPki's RFC 3161 timestamp tokens, built without TS_RESP_CTX so that no
// wall-clock time ends up in them.
#include <openssl/objects.h>
#include <openssl/ts.h>

#include "base/status_macros.h"
#include "tests/support/signing/internal/cms_signer.h"
#include "tests/support/signing/internal/openssl_util.h"
#include "tests/support/signing/test_pki.h"

namespace docintake::testing::signing {
namespace {

constexpr char kPolicyOid[] = "1.3.6.1.4.1.99999.3161.2";  // test-only
constexpr char kTstInfoOid[] = "1.2.840.113549.1.9.16.1.4";

}  // namespace

absl::StatusOr<std::string> TestPki::MakeTimestampToken(
    absl::string_view data, const TimestampSpec& spec) const {
  using internal::OpenSslError;
  const Credential* tsa = spec.tsa != nullptr ? spec.tsa : tsa_.get();
  const EVP_MD* md = internal::DigestByName(spec.digest);
  ASSIGN_OR_RETURN(const std::string digest, internal::Digest(md, data));
  internal::TstInfoPtr tst(TS_TST_INFO_new());
  internal::Asn1ObjectPtr policy(OBJ_txt2obj(kPolicyOid, 1));
  internal::MsgImprintPtr imprint(TS_MSG_IMPRINT_new());
  internal::AlgorPtr algorithm(X509_ALGOR_new());
  internal::Asn1IntegerPtr serial(ASN1_INTEGER_new());
  internal::GeneralizedTimePtr gen_time =
      internal::ToGeneralizedTime(spec.gen_time);
  if (tst == nullptr || policy == nullptr || imprint == nullptr ||
      algorithm == nullptr || serial == nullptr || gen_time == nullptr) {
    return OpenSslError("TSTInfo structures");
  }
  X509_ALGOR_set_md(algorithm.get(), md);
  if (TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1 ||
      TS_MSG_IMPRINT_set_msg(
          imprint.get(),
          reinterpret_cast<unsigned char*>(const_cast<char*>(digest.data())),
          static_cast<int>(digest.size())) != 1 ||
      ASN1_INTEGER_set(serial.get(), spec.serial) != 1 ||
      TS_TST_INFO_set_version(tst.get(), 1) != 1 ||
      TS_TST_INFO_set_policy_id(tst.get(), policy.get()) != 1 ||
      TS_TST_INFO_set_msg_imprint(tst.get(), imprint.get()) != 1 ||
      TS_TST_INFO_set_serial(tst.get(), serial.get()) != 1 ||
      TS_TST_INFO_set_time(tst.get(), gen_time.get()) != 1) {
    return OpenSslError("TSTInfo fields");
  }
  unsigned char* der = nullptr;
  const int len = i2d_TS_TST_INFO(tst.get(), &der);
  if (len <= 0) return OpenSslError("i2d_TS_TST_INFO");
  const std::string tst_der(reinterpret_cast<char*>(der),
                            static_cast<size_t>(len));
  OPENSSL_free(der);

  internal::CmsRequest request;
  request.signer = tsa;
  for (const Credential* c = tsa->issuer; c != nullptr && c->issuer != nullptr;
       c = c->issuer) {
    request.extra_certs.push_back(c);
  }
  request.md = EVP_sha256();
  request.content = tst_der;
  request.detached = false;
  request.econtent_type = kTstInfoOid;
  request.signing_time = spec.gen_time;
  ASSIGN_OR_RETURN(internal::CmsPtr cms, internal::SignCms(request));
  return internal::CmsToDer(cms.get());
}

}  // namespace docintake::testing::signing
