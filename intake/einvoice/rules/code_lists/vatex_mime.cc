// CEF VATEX exemption reason codes (BR-CL-22) and the attachment MIME codes
// (BR-CL-24). Source: CEN/TC 434 validation artefacts, release
// validation-1.3.15 (ConnectingEurope/eInvoicing-EN16931, tag
// validation-1.3.15), code list files
// ubl/schematron/codelist/EN16931-UBL-codes.sch and
// cii/schematron/codelist/EN16931-CII-codes.sch. Sorted in byte order.
#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/internal/code_lists.h"

namespace docintake::einvoice::internal {
namespace {

constexpr absl::string_view kVatex[] = {
    "VATEX-EU-132",       "VATEX-EU-132-1A",    "VATEX-EU-132-1B",
    "VATEX-EU-132-1C",    "VATEX-EU-132-1D",    "VATEX-EU-132-1E",
    "VATEX-EU-132-1F",    "VATEX-EU-132-1G",    "VATEX-EU-132-1H",
    "VATEX-EU-132-1I",    "VATEX-EU-132-1J",    "VATEX-EU-132-1K",
    "VATEX-EU-132-1L",    "VATEX-EU-132-1M",    "VATEX-EU-132-1N",
    "VATEX-EU-132-1O",    "VATEX-EU-132-1P",    "VATEX-EU-132-1Q",
    "VATEX-EU-135-1",     "VATEX-EU-143",       "VATEX-EU-143-1A",
    "VATEX-EU-143-1B",    "VATEX-EU-143-1C",    "VATEX-EU-143-1D",
    "VATEX-EU-143-1E",    "VATEX-EU-143-1F",    "VATEX-EU-143-1FA",
    "VATEX-EU-143-1G",    "VATEX-EU-143-1H",    "VATEX-EU-143-1I",
    "VATEX-EU-143-1J",    "VATEX-EU-143-1K",    "VATEX-EU-143-1L",
    "VATEX-EU-144",       "VATEX-EU-146-1E",    "VATEX-EU-148",
    "VATEX-EU-148-A",     "VATEX-EU-148-B",     "VATEX-EU-148-C",
    "VATEX-EU-148-D",     "VATEX-EU-148-E",     "VATEX-EU-148-F",
    "VATEX-EU-148-G",     "VATEX-EU-151",       "VATEX-EU-151-1A",
    "VATEX-EU-151-1AA",   "VATEX-EU-151-1B",    "VATEX-EU-151-1C",
    "VATEX-EU-151-1D",    "VATEX-EU-151-1E",    "VATEX-EU-153",
    "VATEX-EU-159",       "VATEX-EU-309",       "VATEX-EU-79-C",
    "VATEX-EU-AE",        "VATEX-EU-D",         "VATEX-EU-F",
    "VATEX-EU-G",         "VATEX-EU-I",         "VATEX-EU-IC",
    "VATEX-EU-J",         "VATEX-EU-O",         "VATEX-FR-298SEXDECIESA",
    "VATEX-FR-AE",        "VATEX-FR-CGI261-1",  "VATEX-FR-CGI261-2",
    "VATEX-FR-CGI261-3",  "VATEX-FR-CGI261-4",  "VATEX-FR-CGI261-5",
    "VATEX-FR-CGI261-7",  "VATEX-FR-CGI261-8",  "VATEX-FR-CGI261A",
    "VATEX-FR-CGI261B",   "VATEX-FR-CGI261C-1", "VATEX-FR-CGI261C-2",
    "VATEX-FR-CGI261C-3", "VATEX-FR-CGI261D-1", "VATEX-FR-CGI261D-1BIS",
    "VATEX-FR-CGI261D-2", "VATEX-FR-CGI261D-3", "VATEX-FR-CGI261D-4",
    "VATEX-FR-CGI261E-1", "VATEX-FR-CGI261E-2", "VATEX-FR-CGI275",
    "VATEX-FR-CGI277A",   "VATEX-FR-CGI295",    "VATEX-FR-CNWVAT",
    "VATEX-FR-FRANCHISE",
};

constexpr absl::string_view kMimeCodes[] = {
    "application/pdf",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/jpeg",
    "image/png",
    "text/csv",
};

}  // namespace

const CodeList& CefVatex() {
  static constexpr CodeList kList{"CEF VATEX", kVatex};
  return kList;
}

const CodeList& AttachmentMimeCodes() {
  static constexpr CodeList kList{"MIME media types", kMimeCodes};
  return kList;
}

}  // namespace docintake::einvoice::internal
