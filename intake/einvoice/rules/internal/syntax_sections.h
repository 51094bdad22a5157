// The presence/cardinality tables of the EN 16931 syntax rules, grouped by the
// context element they are evaluated on (CEN artefacts 1.3.15): CII-SR per
// CII section, CII-DT per CII data type, UBL-SR/UBL-CR/UBL-DT per UBL context.
// Rules that need more than a count (value comparisons, distinct values,
// conditions on the context itself) are written by hand in the families.
// Internal; immutable data, thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_SYNTAX_SECTIONS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_SYNTAX_SECTIONS_H_

#include "absl/types/span.h"
#include "intake/einvoice/rules/internal/syntax_table.h"

namespace docintake::einvoice::internal {

inline constexpr Severity kW = Severity::kWarning;
inline constexpr Severity kF = Severity::kFatal;
inline constexpr Occurs kNo = Occurs::kNone;
inline constexpr Occurs kMax1 = Occurs::kAtMostOne;
inline constexpr Occurs kMax2 = Occurs::kAtMostTwo;
inline constexpr Occurs kOne = Occurs::kExactlyOne;
inline constexpr Occurs kSome = Occurs::kSome;

// Rules evaluated on every element that `context` selects from the document
// element (SyntaxScope::Select syntax; "" is the document element itself).
struct SectionTable {
  const char* context;
  absl::Span<const PresenceRule> rules;
};

// CII-SR-nnn rules by CII section (ids "CII-SR-" + 3 digits).
absl::Span<const SectionTable> CiiSrSections();
// The header sections among them (cii_sr_header_tables.cc).
absl::Span<const SectionTable> CiiSrHeaderSections();

// CII-DT-nnn presence rules by CII data type, keyed by a data type name that
// cii_syntax_types.cc maps to its context.
absl::Span<const PresenceRule> CiiDtIdNoAttributes();  // DT-001 ... 007
absl::Span<const PresenceRule> CiiDtId();              // DT-101 ... 104
absl::Span<const PresenceRule> CiiDtTypeCode();        // DT-008, 009
absl::Span<const PresenceRule> CiiDtTypeCodeNoAttr();  // DT-010 ... 012
absl::Span<const PresenceRule> CiiDtCategoryCode();    // DT-045 ... 048
absl::Span<const PresenceRule> CiiDtReferencedDoc();   // plain DT-015 ... 030
absl::Span<const PresenceRule> CiiDtAmount();          // DT-031, 032
absl::Span<const PresenceRule> CiiDtQuantity();        // DT-034 ... 036
absl::Span<const PresenceRule> CiiDtTradeTax();        // plain DT-038 ... 067
absl::Span<const PresenceRule> CiiDtBillingPeriod();   // DT-068 ... 081
absl::Span<const PresenceRule> CiiDtPostalAddress();   // DT-082 ... 096
absl::Span<const PresenceRule> CiiDtInvoice();         // DT-013, 014

// UBL-SR-nn rules by UBL context (ids "UBL-SR-" + 2 digits).
absl::Span<const SectionTable> UblSrSections();
// UBL-CR-nnn rules, all on the document element.
absl::Span<const PresenceRule> UblCrRules();
// UBL-DT-nn attribute rules on the document element ("//@name" paths).
absl::Span<const PresenceRule> UblDtDocumentRules();

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_SYNTAX_SECTIONS_H_
