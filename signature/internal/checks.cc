#include "signature/internal/checks.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/time_util.h"
#include "signature/cms/cms_signature.h"
#include "signature/cms/signature_integrity.h"
#include "signature/internal/common_checks.h"
#include "signature/internal/level.h"
#include "signature/internal/pdf_date.h"
#include "signature/internal/summaries.h"
#include "signature/internal/timestamp_checks.h"
#include "signature/trust/qualification.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;

// Applies the integrity verdict: the cryptographic-verification block.
void ApplyIntegrity(const IntegrityResult& r, bool evaluated, Validation& out) {
  out.set_integrity(evaluated && r.integrity == Integrity::kIntact
                        ? Validation::INTACT
                        : Validation::BROKEN);
  if (!evaluated) return;
  switch (r.integrity) {
    case Integrity::kIntact:
      break;
    case Integrity::kFormatFailure:
      Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE, r.detail);
      return;
    case Integrity::kHashFailure:
      Fail(out, v1::TOTAL_FAILED, v1::HASH_FAILURE, r.detail);
      return;
    case Integrity::kSigCryptoFailure:
      Fail(out, v1::TOTAL_FAILED, v1::SIG_CRYPTO_FAILURE, r.detail);
      return;
  }
  if (!r.verifies_over_der) {
    Fail(out, v1::TOTAL_FAILED, v1::SIG_CRYPTO_FAILURE,
         "the signed attributes are not DER-encoded, and the signature does "
         "not verify over their DER encoding (RFC 5652 §5.4)");
  } else if (!r.signed_attributes_der) {
    out.add_warnings("the signed attributes are not DER-encoded");
  }
  if (r.ess == EssBinding::kMismatch || r.ess == EssBinding::kMalformed) {
    Fail(out, v1::INDETERMINATE, v1::NO_SIGNING_CERTIFICATE_FOUND,
         r.ess_detail.empty()
             ? "the signing-certificate attribute does not match the signer"
             : r.ess_detail);
  }
}
// Whether the chain's anchor and every OCSP responder it relied on come
// from a trusted list.
bool TrustedListAnchored(const ChainResult& chain) {
  if (chain.chain.empty() || !chain.chain.back().is_anchor) return false;
  bool listed = false;
  for (const AnchorSource& source : chain.chain.back().anchor_sources) {
    listed |= source.kind == AnchorSource::Kind::kTrustedList;
  }
  for (const ChainCertificate& c : chain.chain) {
    listed &= c.revocation.responder_trust !=
              RevocationFinding::ResponderTrust::kCertificateFile;
  }
  return listed;
}
// Whether the revision a document timestamp covers (ending at `end`) has
// a DSS dictionary.
bool CoveredRevisionHasDss(const Document& doc, uint64_t end) {
  if (end >= doc.pdf().size()) return doc.facts().has_dss();
  absl::StatusOr<const internal::RevisionAnalysis*> covered = doc.Revision(end);
  return covered.ok() && (*covered)->facts().has_dss();
}
}  // namespace

Validation CheckSignature(CheckContext& context, size_t i) {
  Document& doc = context.doc;
  const RawSignature& raw = doc.raw()[i];
  Validation out;
  SignedData signed_data = DescribeSignature(doc, i, out);
  CheckLaterChanges(doc, i, signed_data, out);
  if (std::optional<absl::Time> m = ParsePdfDate(raw.signing_time)) {
    *out.mutable_claimed_signing_time() = base::ToProtoTime(*m);
  }

  // Format checking.
  for (const std::string& f : signed_data.format_failures) {
    Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE, f);
  }
  const std::optional<SubFilter> sub_filter = SubFilterFromName(raw.sub_filter);
  if (!sub_filter.has_value()) {
    Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE,
         absl::StrCat("unsupported /SubFilter \"", raw.sub_filter, "\""));
  }
  absl::StatusOr<CmsSignature> cms = ParseCmsSignature(raw.contents);
  if (!cms.ok() || !cms->is_signed_data) {
    Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE,
         cms.ok() ? "/Contents is not a CMS SignedData"
                  : absl::StrCat("/Contents is not a CMS signature: ",
                                 cms.status().message()));
    out.set_integrity(Validation::BROKEN);
    Finish(out);
    return out;
  }
  if (cms->signer_info_count != 1) {
    Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE,
         absl::StrCat("the CMS has ", cms->signer_info_count,
                      " signer infos; a PDF signature has exactly one"));
  }
  for (const std::string& anomaly : cms->anomalies) out.add_warnings(anomaly);
  out.set_digest_algorithm(cms->digest_algorithm);
  out.set_signature_algorithm(SignatureAlgorithmName(cms->signature_algorithm));
  if (cms->signing_time.has_value()) {
    *out.mutable_claimed_signing_time() = base::ToProtoTime(*cms->signing_time);
  }

  // Signing certificate and cryptographic verification.
  if (!cms->signer_certificate.has_value()) {
    Fail(out, v1::INDETERMINATE, v1::NO_SIGNING_CERTIFICATE_FOUND,
         "the CMS does not contain the signer's certificate");
  }
  const bool evaluable = sub_filter.has_value() &&
                         !signed_data.ranges.empty() && raw.has_hex_contents;
  IntegrityResult integrity;
  if (evaluable) {
    integrity =
        VerifySignatureIntegrity(raw.contents, *sub_filter, signed_data.ranges);
  }
  ApplyIntegrity(integrity, evaluable, out);

  // Proof of existence: signature timestamps and covering document
  // timestamps.
  std::optional<absl::Time> best;
  bool signature_timestamped = false;
  for (const std::string& token : cms->signature_timestamps) {
    std::optional<absl::Time> poe;
    const absl::string_view value = cms->signature_value;
    v1::TimestampValidation ts =
        CheckToken(context, token, absl::MakeConstSpan(&value, 1),
                   v1::TimestampValidation::SIGNATURE_TIMESTAMP, poe);
    if (poe.has_value()) {
      signature_timestamped = true;
      best = best.has_value() ? std::min(*best, *poe) : *poe;
    } else {
      out.add_warnings("a signature timestamp does not verify");
    }
    *out.add_timestamps() = std::move(ts);
  }
  bool covered_by_document_timestamp = false;
  bool validation_data_timestamped = false;
  const uint64_t my_end = signed_data.signed_end.value_or(doc.pdf().size());
  for (const DocumentTimestamp& dt : doc.document_timestamps()) {
    if (dt.index == i || dt.signed_end <= my_end) continue;
    if (!dt.proper) continue;
    covered_by_document_timestamp = true;
    best = best.has_value() ? std::min(*best, dt.gen_time) : dt.gen_time;
    validation_data_timestamped |= CoveredRevisionHasDss(doc, dt.signed_end);
    v1::TimestampValidation& ts = *out.add_timestamps();
    ts.set_kind(v1::TimestampValidation::DOCUMENT_TIMESTAMP);
    *ts.mutable_gen_time() = base::ToProtoTime(dt.gen_time);
    ts.set_intact(true);
  }
  const absl::Time control = best.value_or(context.validation_time);
  *out.mutable_best_signature_time() = base::ToProtoTime(control);

  // X.509 validation at the best signature time.
  std::optional<ChainResult> chain;
  if (cms->signer_certificate.has_value()) {
    std::vector<std::string> pool = cms->certificates;
    const std::vector<std::string> dss = doc.DssCertificates();
    pool.insert(pool.end(), dss.begin(), dss.end());
    RevocationData revocation = doc.DssRevocation();
    for (const EmbeddedRevocation& r : cms->revocation) {
      (r.kind == EmbeddedRevocation::Kind::kCrl ? revocation.crls
                                                : revocation.ocsp_responses)
          .push_back(r.der);
    }
    ChainOptions options;
    options.fetcher = context.fetcher;
    options.purpose = CertificatePurpose::kSigning;
    options.validation_time = control;
    options.time_is_proof_of_existence = best.has_value();
    absl::StatusOr<ChainResult> result = context.chains.Validate(
        *cms->signer_certificate, pool, revocation, options);
    if (result.ok()) {
      chain = *std::move(result);
      if (!chain->chain.empty()) {
        *out.mutable_signer() = Summary(chain->chain.front());
      }
      AddChain(*chain, *out.mutable_chain(), out.mutable_revocation());
      out.set_trusted_list_anchored(TrustedListAnchored(*chain));
      if (chain->status != ChainStatus::kValid) {
        for (const std::string& reason : chain->reasons) {
          Fail(out, ChainIndicationOf(chain->status),
               ChainSubIndicationOf(chain->status), reason);
        }
        if (chain->reasons.empty()) {
          Fail(out, ChainIndicationOf(chain->status),
               ChainSubIndicationOf(chain->status),
               ChainStatusName(chain->status));
        }
      }
    } else {
      Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE,
           absl::StrCat("the signer certificate is not a valid DER "
                        "certificate: ",
                        result.status().message()));
    }
  }

  LevelFacts level;
  level.sub_filter = raw.sub_filter;
  level.parsed = true;
  level.has_signed_attributes = cms->has_signed_attributes;
  level.has_ess_signing_certificate =
      cms->has_ess_signing_certificate || cms->has_ess_signing_certificate_v2;
  level.has_signature_timestamp = signature_timestamped;
  level.covered_by_document_timestamp = covered_by_document_timestamp;
  // EN 319 142-1: B-LT validation data lives in the DSS dictionary.
  level.has_validation_data =
      cms->signer_certificate.has_value() &&
      HasRevocationDataFor(*cms->signer_certificate, doc.DssRevocation());
  level.validation_data_timestamped = validation_data_timestamped;
  out.set_level(PadesLevel(level));

  Finish(out);
  // Qualification of what passed (or is indeterminate) with its chain.
  if (chain.has_value() && !chain->chain.empty()) {
    QualificationInput input;
    input.ades = out.indication() == v1::TOTAL_PASSED ? AdesOutcome::kPassed
                 : out.indication() == v1::TOTAL_FAILED
                     ? AdesOutcome::kFailed
                     : AdesOutcome::kIndeterminate;
    for (const ChainCertificate& c : chain->chain) input.chain.push_back(c.der);
    input.signing_time = control;
    absl::StatusOr<QualificationResult> q =
        DetermineQualification(input, context.trust);
    if (q.ok()) {
      out.set_qualification(ToProto(q->qualification));
      for (const std::string& r : q->reasons) out.add_qualification_reasons(r);
    } else {
      out.set_qualification(Validation::QUALIFICATION_INDETERMINATE);
      out.add_qualification_reasons(std::string(q.status().message()));
    }
  } else {
    out.set_qualification(out.indication() == v1::TOTAL_FAILED
                              ? Validation::NOT_ADES
                              : Validation::QUALIFICATION_INDETERMINATE);
  }
  return out;
}

}  // namespace docintake::signature
