// Unit tests of the XRechnung helpers: check digits (Leitweg-ID, IBAN in the
// BR-DE-19 form and in general, German VAT id) and the BR-DE-18 / -27 / -28
// and BR-TMP-2 text patterns. Expected values come from the published
// examples (DOMAIN.md §4, the IBAN registry examples) or from inputs built
// by hand against the rule text.
#include <string>

#include "gtest/gtest.h"
#include "intake/einvoice/rules/internal/check_digits.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

TEST(LeitwegIdTest, AcceptsPublishedExamples) {
  EXPECT_TRUE(LeitwegIdCheckDigitsValid("04011000-1234512345-06"));
  EXPECT_TRUE(LeitwegIdCheckDigitsValid("991-33333TEST-33"));
  EXPECT_TRUE(LeitwegIdCheckDigitsValid("991-33333test-33"));
}

TEST(LeitwegIdTest, RejectsWrongCheckDigits) {
  EXPECT_TRUE(LooksLikeLeitwegId("04011000-1234512345-07"));
  EXPECT_FALSE(LeitwegIdCheckDigitsValid("04011000-1234512345-07"));
  EXPECT_FALSE(LeitwegIdCheckDigitsValid("991-33333TEST-34"));
  // Swapped digits in the fine address change the remainder.
  EXPECT_FALSE(LeitwegIdCheckDigitsValid("04011000-1234521345-06"));
}

TEST(LeitwegIdTest, ShapeExcludesOtherBuyerReferences) {
  EXPECT_FALSE(LooksLikeLeitwegId("PO-4711"));
  EXPECT_FALSE(LooksLikeLeitwegId("04011000"));
  EXPECT_FALSE(LooksLikeLeitwegId("0401100012345-1234512345-06"));
  EXPECT_FALSE(LooksLikeLeitwegId("04011000--06"));
  EXPECT_TRUE(LooksLikeLeitwegId("04011000-06"));
}

TEST(IbanTest, XRechnungFormAcceptsValidIbansWithSpaces) {
  EXPECT_TRUE(XRechnungIbanValid("DE89370400440532013000"));
  EXPECT_TRUE(XRechnungIbanValid("DE89 3704 0044 0532 0130 00"));
  EXPECT_TRUE(XRechnungIbanValid("GB82WEST12345698765432"));
}

TEST(IbanTest, XRechnungFormRejectsBadDigitsAndLowerCaseCountry) {
  EXPECT_FALSE(XRechnungIbanValid("DE88370400440532013000"));
  EXPECT_FALSE(XRechnungIbanValid("de89370400440532013000"));
  EXPECT_FALSE(XRechnungIbanValid(""));
  // Lower-case letters after the check digits map to cp - 55 (w -> 64), so
  // the lower-cased GB example no longer passes.
  EXPECT_FALSE(XRechnungIbanValid("GB82west12345698765432"));
}

TEST(IbanTest, GeneralCheck) {
  EXPECT_TRUE(LooksLikeIban("DE88370400440532013000"));
  EXPECT_FALSE(IbanValid("DE88370400440532013000"));
  EXPECT_TRUE(IbanValid("gb82west12345698765432"));
  EXPECT_FALSE(IbanValid("DE8937040044053201300"));  // German length is 22
  EXPECT_FALSE(LooksLikeIban("1234567890"));
}

TEST(GermanVatIdTest, CheckDigit) {
  // Check digits computed by hand with ISO 7064 MOD 11,10.
  EXPECT_EQ(GermanVatIdValid("DE136695976"), std::optional<bool>(true));
  EXPECT_EQ(GermanVatIdValid("DE 811 569 869"), std::optional<bool>(true));
  EXPECT_EQ(GermanVatIdValid("DE136695975"), std::optional<bool>(false));
  EXPECT_EQ(GermanVatIdValid("ATU12345678"), std::nullopt);
  EXPECT_EQ(GermanVatIdValid("DE12345678"), std::nullopt);
}

TEST(SkontoTest, AcceptsWellFormedLinesFollowedByLineBreak) {
  EXPECT_TRUE(SkontoTextValid("#SKONTO#TAGE=7#PROZENT=2.00#\n"));
  EXPECT_TRUE(SkontoTextValid(
      "Zahlbar sofort.\n#SKONTO#TAGE=14#PROZENT=3.00#BASISBETRAG=-12.50#\n"
      "#SKONTO#TAGE=30#PROZENT=1.50#\n"));
  EXPECT_TRUE(SkontoTextValid("Zahlbar in 30 Tagen ohne Abzug"));
  EXPECT_TRUE(SkontoTextValid(""));
}

TEST(SkontoTest, RejectsMalformedLinesOrMissingLineBreak) {
  EXPECT_FALSE(SkontoTextValid("#SKONTO#TAGE=7#PROZENT=2.00#"));
  EXPECT_FALSE(SkontoTextValid("#SKONTO#TAGE=7#PROZENT=2.0#\n"));
  EXPECT_FALSE(SkontoTextValid("#skonto#TAGE=7#PROZENT=2.00#\n"));
  EXPECT_FALSE(
      SkontoTextValid("#SKONTO#TAGE=7#PROZENT=2.00#\nmehr"
                      "#SKONTO#TAGE=8#PROZENT=1.00#"));
  EXPECT_FALSE(SkontoTextValid("#VERZUG#TAGE=7#PROZENT=2.00#\n"));
}

TEST(ContactPatternTest, TelephoneAndEmail) {
  EXPECT_TRUE(TelephoneValid("+49 (0)30 123"));
  EXPECT_FALSE(TelephoneValid("tel: 12"));
  EXPECT_TRUE(EmailValid("rechnung.eingang@example.bund.de"));
  EXPECT_TRUE(EmailValid(" a@b.c "));
  EXPECT_FALSE(EmailValid("a@b"));
  EXPECT_FALSE(EmailValid("a@@b.de"));
  EXPECT_FALSE(EmailValid("a.@b.de"));
  EXPECT_FALSE(EmailValid("a@-b.de"));
  EXPECT_FALSE(EmailValid("a b@c.de"));
}

TEST(UrlPatternTest, NeedsAScheme) {
  EXPECT_TRUE(UrlValid("https://example.org/a.pdf"));
  EXPECT_TRUE(UrlValid("urn:isbn:123"));
  EXPECT_FALSE(UrlValid("www.example.org/a.pdf"));
  EXPECT_FALSE(UrlValid("a:b"));
  EXPECT_FALSE(UrlValid(""));
}

TEST(UrlPatternTest, LongInputStaysLinear) {
  // Quadratic scanning would take minutes here.
  const std::string run(4 << 20, 'a');
  EXPECT_FALSE(UrlValid(run));
  EXPECT_TRUE(UrlValid(run + ":x"));
}

}  // namespace
}  // namespace docintake::einvoice::internal
