// Check-digit algorithms for identifiers found in e-invoices: ISO 7064
// MOD 97-10 (Leitweg-ID, IBAN), the XRechnung BR-DE-19/20 IBAN test as the
// Schematron writes it, and the German VAT id (ISO 7064 MOD 11,10). Pure
// functions over ASCII text; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CHECK_DIGITS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CHECK_DIGITS_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace docintake::einvoice::internal {

// ISO 7064 MOD 97-10 over digits and letters (A/a = 10 ... Z/z = 35): the
// remainder of the resulting number modulo 97, or nullopt if `text` holds
// any other character or is empty. Valid check digits give 1.
std::optional<int> Mod97Remainder(absl::string_view text);

// True if `id` has the Leitweg-ID shape: 2-12 digits, optionally "-" and
// 1-30 letters/digits, then "-" and two check characters.
bool LooksLikeLeitwegId(absl::string_view id);
// A Leitweg-ID shape whose check digits satisfy MOD 97-10 over the parts
// without hyphens (e.g. "04011000-1234512345-06", "991-33333TEST-33").
bool LeitwegIdCheckDigitsValid(absl::string_view id);

// The BR-DE-19 / BR-DE-20 test: whitespace removed, the text matches
// ^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{0,30}$, and after moving the first four
// characters to the end (country code upper-cased) and replacing each
// character by (code point - 55) if above 64, else (code point - 48), the
// number is 1 modulo 97.
bool XRechnungIbanValid(absl::string_view account_id);

// True if `id` (whitespace removed) looks like an IBAN: two letters, two
// digits, 11-30 letters/digits.
bool LooksLikeIban(absl::string_view id);
// The IBAN (whitespace removed, case-insensitive) passes MOD 97-10 and, for
// German IBANs, has 22 characters.
bool IbanValid(absl::string_view id);

// German VAT id "DE" + 9 digits whose last digit is the ISO 7064 MOD 11,10
// check digit of the first eight. nullopt if `id` (whitespace removed) is
// not of the form DE + 9 digits (no algorithm applies).
std::optional<bool> GermanVatIdValid(absl::string_view id);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CHECK_DIGITS_H_
