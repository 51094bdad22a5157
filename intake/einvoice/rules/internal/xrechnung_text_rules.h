// The text patterns of the XRechnung Schematron 2.5.0 written as plain
// functions (no regex engine, linear time): the Skonto lines of BT-20
// (BR-DE-18), the telephone (BR-DE-27), e-mail (BR-DE-28) and URL (BR-TMP-2)
// patterns, and XPath normalize-space. Pure functions; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_XRECHNUNG_TEXT_RULES_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_XRECHNUNG_TEXT_RULES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docintake::einvoice::internal {

// XPath normalize-space: XML whitespace trimmed and collapsed.
std::string XrNormalizeSpace(absl::string_view text);

// BR-DE-18 for the text of one payment-terms element: every line (split at
// \r?\n) whose normalized form starts with '#' matches
// #SKONTO#TAGE=n#PROZENT=n.nn(#BASISBETRAG=[-]n.nn)?# at its end, and — if
// there is such a line — the text after the last "#...#" run starts with
// whitespace that contains a line feed.
bool SkontoTextValid(absl::string_view payment_terms);

// BR-DE-27: the normalized text holds at least three digits.
bool TelephoneValid(absl::string_view text);
// BR-DE-28: the normalized text is local@domain as the XRechnung e-mail
// pattern defines it.
bool EmailValid(absl::string_view text);
// BR-TMP-2: somewhere in the text a letter is followed by one or more of
// [a-zA-Z0-9+.-] and a ':'.
bool UrlValid(absl::string_view text);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_XRECHNUNG_TEXT_RULES_H_
