// The code lists the EN 16931 code-list rules (BR-CL-01 ... BR-CL-26) check
// against, exactly as the CEN/TC 434 validation artefacts of release
// validation-1.3.15 write them (ConnectingEurope/eInvoicing-EN16931, files
// ubl/schematron/codelist/EN16931-UBL-codes.sch and
// cii/schematron/codelist/EN16931-CII-codes.sch). Where the two bindings
// differ (document type codes, countries) there is one list per binding.
// The tables live in rules/code_lists/*.cc, sorted in byte order. Constant
// data; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CODE_LISTS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CODE_LISTS_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace docintake::einvoice::internal {

struct CodeList {
  absl::string_view name;                     // "ISO 4217", "UNTDID 5305", ...
  absl::Span<const absl::string_view> codes;  // sorted, no duplicates

  // Exact, case-sensitive membership.
  bool Contains(absl::string_view code) const;
};

// ISO 4217 alpha-3 currency codes (BR-CL-03/04/05).
const CodeList& Iso4217Currencies();
// ISO 3166-1 alpha-2 country codes plus 1A (Kosovo) and XI (Northern
// Ireland) (BR-CL-14/15). The UBL list has SS, the CII list has AN instead.
const CodeList& Iso3166CountriesUbl();
const CodeList& Iso3166CountriesCii();

// UNTDID 1001 document types (BR-CL-01): UBL Invoice, UBL CreditNote, CII.
const CodeList& Untdid1001InvoiceUbl();
const CodeList& Untdid1001CreditNoteUbl();
const CodeList& Untdid1001Cii();
// UNTDID 2005 restricted to the VAT point date codes 3, 35, 432 (UBL
// BR-CL-06) and UNTDID 2475 restricted to 5, 29, 72 (CII BR-CL-06).
const CodeList& Untdid2005TaxPointDate();
const CodeList& Untdid2475DueDateType();
// UNTDID 1153 reference qualifiers (BR-CL-07).
const CodeList& Untdid1153();
// UNTDID 4451 text subject qualifiers (BR-CL-08). The UBL list (in the
// model rules, for "#CODE#" in cbc:Note) is shorter than the CII list.
const CodeList& Untdid4451Ubl();
const CodeList& Untdid4451Cii();
// UNTDID 4461 payment means (BR-CL-16).
const CodeList& Untdid4461();
// UNTDID 5305 duty/tax/fee categories as restricted by EN 16931
// (BR-CL-17/18).
const CodeList& Untdid5305();
// UNTDID 5189 allowance reasons (BR-CL-19) and 7161 charge reasons
// (BR-CL-20).
const CodeList& Untdid5189();
const CodeList& Untdid7161();
// UNTDID 7143 item classification schemes (BR-CL-13).
const CodeList& Untdid7143();
// ISO 6523 ICD identifier schemes (BR-CL-10/11/21/26), 0002 ... 0244.
const CodeList& Iso6523Icd();
// CEF EAS electronic address schemes (BR-CL-25).
const CodeList& CefEas();
// CEF VATEX exemption reason codes (BR-CL-22).
const CodeList& CefVatex();
// UN/ECE Recommendation 20 with Recommendation 21 unit codes (BR-CL-23).
const CodeList& UneceRec20Rec21();
// The MIME types BR-CL-24 admits for attachments.
const CodeList& AttachmentMimeCodes();

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CODE_LISTS_H_
