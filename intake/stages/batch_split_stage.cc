#include "intake/stages/batch_split_stage.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "intake/media_sniffer.h"
#include "ocr/barcode_reader.h"
#include "ocr/page_extract.h"
#include "ocr/preprocess.h"

namespace docintake::intake {
namespace {

// Blank for splitting, stricter than OCR's "too little ink to read": a page
// of one short line has about 0.05 % ink. (A page dropped as blank is still
// in the archived batch.)
constexpr double kMaxBlankInkRatio = 0.0002;

// Barcodes and blankness of every page of the batch.
absl::StatusOr<std::vector<ocr::SplitPage>> ScanPages(
    absl::string_view content, const ocr::PageLimits& limits) {
  ASSIGN_OR_RETURN(std::unique_ptr<ocr::PageSource> source,
                   ocr::OpenPages(content, limits));
  std::vector<ocr::SplitPage> pages;
  for (int i = 0; i < source->page_count(); ++i) {
    ASSIGN_OR_RETURN(ocr::PageImage page, source->Page(i));
    ocr::SplitPage scanned;
    ASSIGN_OR_RETURN(scanned.barcodes, ocr::ReadBarcodes(page.pix.get()));
    ASSIGN_OR_RETURN(ocr::PixPtr binary, ocr::Binarize(page.pix.get()));
    ASSIGN_OR_RETURN(scanned.blank,
                     ocr::IsBlank(binary.get(), page.dpi, kMaxBlankInkRatio));
    pages.push_back(std::move(scanned));
  }
  return pages;
}

v1::BatchSplit::Page::Role ToRole(ocr::SplitPlan::Role role) {
  switch (role) {
    case ocr::SplitPlan::Role::kSeparator:
      return v1::BatchSplit::Page::SEPARATOR;
    case ocr::SplitPlan::Role::kBlank:
      return v1::BatchSplit::Page::BLANK;
    case ocr::SplitPlan::Role::kContent:
      break;
  }
  return v1::BatchSplit::Page::CONTENT;
}

// The header of the index-th document split off `batch`.
v1::SubmitHeader ChildHeader(const v1::Record& batch, int index) {
  const v1::IntakeFacts& facts = batch.intake();
  v1::SubmitHeader header;
  header.set_channel(facts.channel());
  header.set_station_id(facts.station_id());
  header.set_portal_id(facts.portal_id());
  *header.mutable_submitter() = facts.submitter();
  header.set_assurance_level(facts.assurance_level());
  header.set_declared_document_type(facts.declared_document_type());
  header.set_filename(absl::StrCat(
      facts.filename().empty() ? batch.document_id() : facts.filename(), "#",
      index));
  header.set_idempotency_key(
      absl::StrCat("split:", batch.document_id(), ":", index));
  header.set_batch_id(facts.batch_id().empty() ? batch.document_id()
                                               : facts.batch_id());
  header.set_batch_position(static_cast<uint32_t>(index));
  *header.mutable_metadata() = facts.metadata();
  return header;
}

}  // namespace

bool BatchSplitStage::AppliesTo(const v1::Record& record) const {
  if (record.intake().channel() != v1::SCAN_STATION ||
      record.intake().has_batch_origin()) {
    return false;
  }
  return HasPages(record.intake().media_kind());
}

absl::StatusOr<internal::StageOutput> BatchSplitStage::Run(
    const v1::Record& record, absl::string_view content) {
  internal::StageOutput out;
  absl::StatusOr<std::vector<ocr::SplitPage>> pages =
      ScanPages(content, limits_);
  if (!pages.ok()) {
    // The text stage reports unreadable pages; nothing to split here.
    out.set_result(v1::StageOutcome::SKIPPED);
    out.set_message(absl::StrCat("pages not scanned for separators: ",
                                 pages.status().message()));
    return out;
  }
  const ocr::SplitPlan plan = ocr::PlanSplit(*pages, split_);
  if (!plan.split) {
    out.set_result(v1::StageOutcome::OK);
    out.set_message("no separator: one document");
    return out;
  }
  v1::BatchSplit& split = *out.mutable_delta()->mutable_batch_split();
  for (size_t i = 0; i < pages->size(); ++i) {
    v1::BatchSplit::Page& page = *split.add_pages();
    page.set_number(static_cast<uint32_t>(i + 1));
    page.set_role(ToRole(plan.roles[i]));
    for (const ocr::Barcode& code : (*pages)[i].barcodes) {
      v1::Barcode& barcode = *page.add_barcodes();
      barcode.set_symbology(code.symbology);
      barcode.set_value(code.value);
    }
  }
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    const ocr::SplitDocument& document = plan.documents[d];
    const int index = static_cast<int>(d + 1);
    std::vector<int> zero_based;
    for (int page : document.pages) zero_based.push_back(page - 1);
    // Pages were readable a moment ago; a failure now is not the document's.
    ASSIGN_OR_RETURN(std::string tiff,
                     ocr::ExtractPagesAsTiff(content, zero_based, limits_));
    v1::BatchOrigin origin;
    origin.set_batch_document_id(record.document_id());
    origin.set_index(static_cast<uint32_t>(index));
    for (int page : document.pages)
      origin.add_pages(static_cast<uint32_t>(page));
    origin.set_asn(document.asn);
    bool sent = false;
    ASSIGN_OR_RETURN(v1::SubmitReply reply,
                     intake_.Submit(
                         ChildHeader(record, index),
                         [&]() -> absl::StatusOr<std::optional<std::string>> {
                           if (sent) return std::nullopt;
                           sent = true;
                           return std::move(tiff);
                         },
                         &origin));
    v1::BatchSplit::Document& child = *split.add_documents();
    child.set_document_id(reply.document_id());
    *child.mutable_pages() = origin.pages();
    child.set_asn(document.asn);
    for (int page : document.pages) {
      split.mutable_pages(page - 1)->set_document_id(reply.document_id());
    }
  }
  out.set_result(v1::StageOutcome::OK);
  out.set_message(absl::StrCat("split into ", plan.documents.size(),
                               " document(s) at separator sheets"));
  return out;
}

}  // namespace docintake::intake
