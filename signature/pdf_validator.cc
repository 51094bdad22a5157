#include "signature/pdf_validator.h"

#include <optional>
#include <set>
#include <utility>

#include "base/status_macros.h"
#include "base/time_util.h"
#include "signature/internal/checks.h"
#include "signature/internal/common_checks.h"
#include "signature/internal/document.h"
#include "signature/trust/chain_validator.h"
#include "signature/trust/revocation_fetcher.h"
#include "signature/trust/trust_store.h"

namespace docintake::signature {
namespace {

constexpr char kPolicy[] =
    "ETSI EN 319 102-1 with the DSS default constraints; the signing "
    "certificate must carry nonRepudiation";

}  // namespace

absl::StatusOr<std::shared_ptr<const TrustStore>> LoadTrustStore(
    const std::vector<std::string>& paths) {
  ASSIGN_OR_RETURN(TrustStore store, TrustStore::Load(paths));
  return std::make_shared<const TrustStore>(std::move(store));
}

PdfValidator::PdfValidator(std::shared_ptr<const TrustStore> trust,
                           ValidatorOptions options)
    : trust_(std::move(trust)),
      chains_(std::make_unique<const ChainValidator>(*trust_)),
      options_(options) {}

PdfValidator::~PdfValidator() = default;

absl::StatusOr<v1::SignatureReport> PdfValidator::Validate(
    absl::string_view pdf, absl::Time validation_time) const {
  ASSIGN_OR_RETURN(Document doc, Document::Scan(pdf, options_.limits));
  v1::SignatureReport report;
  *report.mutable_validation_time() = base::ToProtoTime(validation_time);
  report.set_policy(kPolicy);
  report.set_revision_count(static_cast<uint32_t>(doc.revision_ends().size()));
  std::set<std::string> sources(trust_->trusted_list_origins().begin(),
                                trust_->trusted_list_origins().end());
  for (const TrustAnchor& anchor : trust_->anchors()) {
    for (const AnchorSource& source : anchor.sources)
      sources.insert(source.path);
  }
  for (const std::string& source : sources) report.add_trust_sources(source);
  if (doc.raw().empty()) return report;

  // PoDoFo once for the whole document: the final revision and every
  // signed revision whose later changes must be judged.
  std::vector<RevisionRequest> requests;
  for (size_t i = 0; i < doc.raw().size(); ++i) {
    const ChangesPlan plan = PlanLaterChanges(doc, i);
    if (!plan.fixed.has_value()) {
      requests.push_back({plan.end, plan.signature_object});
    }
  }
  doc.Analyze(requests);
  // Each URL is asked once per document, however many signatures and
  // timestamps share a certificate.
  std::optional<CachingRevocationFetcher> fetcher;
  if (options_.revocation_fetcher != nullptr) {
    fetcher.emplace(*options_.revocation_fetcher);
  }
  CheckContext context{doc, *trust_, *chains_, validation_time,
                       fetcher.has_value() ? &*fetcher : nullptr};
  // Document timestamps first: the signatures they cover gain their time.
  std::vector<v1::SignatureValidation> results(doc.raw().size());
  for (size_t i = 0; i < doc.raw().size(); ++i) {
    if (doc.raw()[i].sub_filter == "ETSI.RFC3161") {
      results[i] = CheckDocumentTimestamp(context, i);
    }
  }
  for (size_t i = 0; i < doc.raw().size(); ++i) {
    if (doc.raw()[i].sub_filter != "ETSI.RFC3161") {
      results[i] = CheckSignature(context, i);
    }
  }
  for (v1::SignatureValidation& result : results) {
    *report.add_signatures() = std::move(result);
  }
  for (std::string& e : doc.errors()) report.add_errors(std::move(e));
  for (std::string& w : doc.warnings()) report.add_warnings(std::move(w));
  return report;
}

}  // namespace docintake::signature
