#include "signature/internal/timestamp_checks.h"

#include <string>
#include <vector>

#include "base/time_util.h"
#include "signature/cms/timestamp_token.h"
#include "signature/internal/common_checks.h"
#include "signature/internal/summaries.h"
#include "signature/trust/trusted_list.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;

// Copies a timestamp's verdict onto the document timestamp's own entry.
void ApplyTimestampVerdict(const v1::TimestampValidation& ts, Validation& out) {
  for (const std::string& e : ts.errors()) {
    if (ts.indication() == v1::TOTAL_PASSED) {
      out.add_warnings(e);
    } else {
      Fail(out, ts.indication(), ts.subindication(), e);
    }
  }
  if (ts.indication() != v1::TOTAL_PASSED && ts.errors().empty()) {
    Fail(out, ts.indication(), ts.subindication(),
         "the time-stamp token did not validate");
  }
}

}  // namespace

v1::TimestampValidation CheckToken(CheckContext& context, absl::string_view der,
                                   absl::Span<const absl::string_view> covered,
                                   v1::TimestampValidation::Kind kind,
                                   std::optional<absl::Time>& poe,
                                   ChainResult* chain_out) {
  v1::TimestampValidation out;
  out.set_kind(kind);
  absl::StatusOr<TimestampToken> token = ParseTimestampToken(der);
  if (!token.ok()) {
    out.set_indication(v1::TOTAL_FAILED);
    out.set_subindication(v1::FORMAT_FAILURE);
    out.add_errors(std::string(token.status().message()));
    return out;
  }
  *out.mutable_gen_time() = base::ToProtoTime(token->gen_time);
  const IntegrityResult integrity = VerifyTimestampToken(der, covered);
  out.set_intact(integrity.integrity == Integrity::kIntact);
  if (!out.intact()) {
    out.set_indication(v1::TOTAL_FAILED);
    out.set_subindication(integrity.integrity == Integrity::kHashFailure
                              ? v1::HASH_FAILURE
                          : integrity.integrity == Integrity::kFormatFailure
                              ? v1::FORMAT_FAILURE
                              : v1::SIG_CRYPTO_FAILURE);
    out.add_errors(integrity.detail);
    return out;
  }
  poe = token->gen_time;
  if (!token->tsa_certificate.has_value()) {
    out.set_indication(v1::INDETERMINATE);
    out.set_subindication(v1::NO_SIGNING_CERTIFICATE_FOUND);
    out.add_errors("the time-stamp token names no TSA certificate");
    return out;
  }
  std::vector<std::string> pool = token->certificates;
  const std::vector<std::string> dss = context.doc.DssCertificates();
  pool.insert(pool.end(), dss.begin(), dss.end());
  ChainOptions options;
  options.fetcher = context.fetcher;
  options.purpose = CertificatePurpose::kTimestamping;
  options.validation_time = context.validation_time;
  options.require_revocation_data = false;
  absl::StatusOr<ChainResult> chain = context.chains.Validate(
      *token->tsa_certificate, pool, context.doc.DssRevocation(), options);
  if (!chain.ok()) {
    out.set_indication(v1::INDETERMINATE);
    out.set_subindication(v1::NO_SIGNING_CERTIFICATE_FOUND);
    out.add_errors(std::string(chain.status().message()));
    return out;
  }
  if (!chain->chain.empty()) out.set_tsa(chain->chain.front().subject);
  AddChain(*chain, *out.mutable_chain(), nullptr);
  out.set_indication(ChainIndicationOf(chain->status));
  out.set_subindication(ChainSubIndicationOf(chain->status));
  for (const std::string& reason : chain->reasons) out.add_errors(reason);
  if (chain->status == ChainStatus::kValid) {
    for (const TrustServiceRef& service :
         context.trust.FindServices(*token->tsa_certificate)
             .value_or(std::vector<TrustServiceRef>{})) {
      const ServiceStatusEntry* status =
          service.service == nullptr
              ? nullptr
              : ServiceStatusAt(*service.service, token->gen_time);
      if (status != nullptr &&
          status->service_type.find("TSA/QTST") != std::string::npos &&
          IsGrantedStatusAt(status->status, token->gen_time)) {
        out.set_qualified(true);
      }
    }
  }
  if (chain_out != nullptr) *chain_out = *std::move(chain);
  return out;
}

Validation CheckDocumentTimestamp(CheckContext& context, size_t i) {
  Document& doc = context.doc;
  const RawSignature& raw = doc.raw()[i];
  Validation out;
  SignedData signed_data = DescribeSignature(doc, i, out);
  CheckLaterChanges(doc, i, signed_data, out);
  out.set_level(Validation::NO_LEVEL);
  for (const std::string& f : signed_data.format_failures) {
    Fail(out, v1::TOTAL_FAILED, v1::FORMAT_FAILURE, f);
  }
  if (signed_data.ranges.empty() || !raw.has_hex_contents) {
    out.set_integrity(Validation::BROKEN);
    Finish(out);
    return out;
  }
  std::optional<absl::Time> poe;
  ChainResult chain;
  v1::TimestampValidation ts =
      CheckToken(context, raw.contents, signed_data.ranges,
                 v1::TimestampValidation::DOCUMENT_TIMESTAMP, poe, &chain);
  out.set_integrity(ts.intact() ? Validation::INTACT : Validation::BROKEN);
  if (!chain.chain.empty()) {
    *out.mutable_signer() = Summary(chain.chain.front());
    AddChain(chain, *out.mutable_chain(), out.mutable_revocation());
  }
  if (poe.has_value()) {
    *out.mutable_best_signature_time() = base::ToProtoTime(*poe);
    if (signed_data.signed_end.has_value() &&
        (out.coverage() == Validation::ENTIRE_FILE ||
         out.coverage() == Validation::ENTIRE_REVISION)) {
      doc.document_timestamps().push_back(
          {i, *signed_data.signed_end, *poe, raw.type == "DocTimeStamp"});
    }
  }
  ApplyTimestampVerdict(ts, out);
  *out.add_timestamps() = std::move(ts);
  Finish(out);
  return out;
}

}  // namespace docintake::signature
