// Splitting a scan batch into documents: pure logic over what was found on
// each page. A page carrying a separator barcode (PATCH T by default) ends
// the current document and is dropped; a page carrying an archive serial
// number barcode (ASN prefix) starts a new document and is kept, with that
// number; optionally a blank page separates too (and is dropped). Every page
// of the batch is accounted for in the plan.
#ifndef DOCINTAKE_OCR_BATCH_SPLITTER_H_
#define DOCINTAKE_OCR_BATCH_SPLITTER_H_

#include <string>
#include <vector>

#include "ocr/page_result.h"

namespace docintake::ocr {

struct SplitOptions {
  // A barcode with exactly this value (any symbology) is a separator sheet.
  std::vector<std::string> separator_values = {"PATCHT"};
  // A barcode value with this prefix followed by digits is an ASN, e.g.
  // "ASN00123" -> "123" (leading zeros dropped). Empty: no ASN splitting.
  std::string asn_prefix = "ASN";
  bool split_at_blank_pages = false;
};

struct SplitPage {
  std::vector<Barcode> barcodes;
  bool blank = false;
};

struct SplitDocument {
  std::vector<int> pages;  // 1-based page numbers in the batch
  std::string asn;         // empty if none
};

struct SplitPlan {
  enum class Role { kContent, kSeparator, kBlank };
  std::vector<Role> roles;  // one per batch page
  // Documents in batch order; none when every page is a separator or blank.
  std::vector<SplitDocument> documents;
  // Whether any page separated (separator, ASN after the first page, or a
  // blank page when enabled): false means the batch is one document.
  bool split = false;
};

SplitPlan PlanSplit(const std::vector<SplitPage>& pages,
                    const SplitOptions& options = {});

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_BATCH_SPLITTER_H_
