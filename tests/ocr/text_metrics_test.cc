#include "tests/support/text_metrics.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::testing {
namespace {

using ::testing::ElementsAre;

TEST(NormalizeTextTest, CollapsesWhitespaceRunsAndTrimsBothEnds) {
  EXPECT_EQ(NormalizeText("  Der \t schnelle\n\n braune\r\nFuchs \f"),
            "Der schnelle braune Fuchs");
  EXPECT_EQ(NormalizeText(" \n\t "), "");
  EXPECT_EQ(NormalizeText(""), "");
}

TEST(NormalizeTextTest, NoBreakAndOtherUnicodeSpacesAreWhitespace) {
  // U+00A0 no-break, U+202F narrow no-break, U+2009 thin, U+3000 ideographic.
  EXPECT_EQ(NormalizeText("529,87\u00a0EUR\u202f/\u2009x\u3000y"),
            "529,87 EUR / x y");
}

TEST(NormalizeTextTest, MapsTypographicQuotesAndDashesToAscii) {
  EXPECT_EQ(NormalizeText("Der \u201eschnelle\u201d \u00abrapide\u00bb"),
            "Der \"schnelle\" \"rapide\"");
  EXPECT_EQ(NormalizeText("it\u2019s \u2018x\u2019 \u201cy\u201d"),
            "it's 'x' \"y\"");
  EXPECT_EQ(NormalizeText("a\u2014b \u2013c \u2212"
                          "1 \u2010d"),
            "a-b -c -1 -d");
}

TEST(NormalizeTextTest, ExpandsLigatures) {
  EXPECT_EQ(NormalizeText("\ufb01nden \ufb02ach o\ufb00en \ufb03 \ufb04"),
            "finden flach offen ffi ffl");
}

TEST(NormalizeTextTest, ComposesCombiningAccentsOfGermanAndFrench) {
  EXPECT_EQ(NormalizeText("u\u0308ber Cafe\u0301 garc\u0327on A\u0308rger"),
            "\u00fcber Caf\u00e9 gar\u00e7on \u00c4rger");
  // Nothing to compose with: the mark stays.
  EXPECT_EQ(NormalizeText("x\u0308"), "x\u0308");
  // Already composed text is unchanged.
  EXPECT_EQ(NormalizeText("\u00fcber Stra\u00dfe"), "\u00fcber Stra\u00dfe");
}

TEST(NormalizeTextTest, KeepsCase) {
  EXPECT_EQ(NormalizeText("EUR eur Eur"), "EUR eur Eur");
}

TEST(NormalizedWordsTest, SplitsOnAnyWhitespace) {
  EXPECT_THAT(NormalizedWords(" a\tb\n\nc\u00a0d "),
              ElementsAre("a", "b", "c", "d"));
  EXPECT_THAT(NormalizedWords("   "), ElementsAre());
}

TEST(CountWordsTest, CountsTheMultisetIntersection) {
  // expected {a, b, b, c}, OCR {b, a, a, d}: a matches once, b once.
  const WordCounts counts = CountWords("a b b c", "b a a d");
  EXPECT_EQ(counts.expected, 4);
  EXPECT_EQ(counts.recognized, 4);
  EXPECT_EQ(counts.matched, 2);
  EXPECT_DOUBLE_EQ(counts.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(counts.Precision(), 0.5);
}

TEST(CountWordsTest, IsOrderIndependentAndNormalisesBothSides) {
  const WordCounts counts =
      CountWords("Der \u201eschnelle\u201d Fuchs", "Fuchs\n\"schnelle\"  Der");
  EXPECT_EQ(counts.matched, 3);
  EXPECT_DOUBLE_EQ(counts.Recall(), 1.0);
}

TEST(CountWordsTest, IsCaseSensitive) {
  EXPECT_EQ(CountWords("Rechnung", "RECHNUNG").matched, 0);
}

TEST(CountWordsTest, SumsOverPagesBeforeDividing) {
  WordCounts total = CountWords("a b c d", "a b c d");  // 4 of 4
  total += CountWords("e f", "x");                      // 0 of 2, 1 word
  EXPECT_EQ(total.expected, 6);
  EXPECT_EQ(total.recognized, 5);
  EXPECT_EQ(total.matched, 4);
  EXPECT_DOUBLE_EQ(total.Recall(), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(total.Precision(), 4.0 / 5.0);
}

TEST(CountWordsTest, EmptyTextsGiveZeroRatherThanNaN) {
  const WordCounts counts = CountWords("", "");
  EXPECT_EQ(counts.Recall(), 0.0);
  EXPECT_EQ(counts.Precision(), 0.0);
}

TEST(EditDistanceTest, ClassicExamples) {
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3);
  EXPECT_EQ(EditDistance(U"flaw", U"lawn"), 2);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3);
  EXPECT_EQ(EditDistance(U"abc", U""), 3);
  EXPECT_EQ(EditDistance(U"same", U"same"), 0);
}

TEST(CountCharErrorsTest, CountsCodePointsNotBytes) {
  // "über" is 4 code points (5 bytes); one substitution.
  const CharErrors errors = CountCharErrors("\u00fcber", "uber");
  EXPECT_EQ(errors.distance, 1);
  EXPECT_EQ(errors.expected_length, 4);
  EXPECT_DOUBLE_EQ(errors.Rate(), 0.25);
}

TEST(CountCharErrorsTest, LayoutWhitespaceAndTypographyCostNothing) {
  EXPECT_EQ(CountCharErrors("a  b\n\nc\n", "a b c").distance, 0);
  const CharErrors ligature = CountCharErrors("\ufb01x", "fix");
  EXPECT_EQ(ligature.distance, 0);
  EXPECT_EQ(ligature.expected_length, 3);
}

TEST(CountCharErrorsTest, IsOrderDependentAndSums) {
  // "ab cd" -> "cd ab": 4 substitutions of 5 characters.
  CharErrors total = CountCharErrors("ab cd", "cd ab");
  EXPECT_EQ(total.distance, 4);
  total += CountCharErrors("xyz", "xyz");
  EXPECT_EQ(total.expected_length, 8);
  EXPECT_DOUBLE_EQ(total.Rate(), 0.5);
  EXPECT_EQ(CharErrors{}.Rate(), 0.0);
}

TEST(DecodeUtf8Test, MalformedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(DecodeUtf8("a\xff"
                       "b"),
            U"a\ufffdb");
  EXPECT_EQ(DecodeUtf8("\xc3"), U"\ufffd");                      // truncated
  EXPECT_EQ(DecodeUtf8("\xc0\x80"), U"\ufffd\ufffd");            // overlong
  EXPECT_EQ(DecodeUtf8("\xed\xa0\x80"), U"\ufffd\ufffd\ufffd");  // surrogate
  EXPECT_EQ(DecodeUtf8("\u20ac\U0001F600"), U"\u20ac\U0001F600");
}

TEST(EncodeUtf8Test, RoundTripsEveryLength) {
  const std::string text = "a\u00e4\u20ac\U0001F600";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(text)), text);
}

TEST(FieldPrintedTest, IgnoresWhitespaceOnBothSides) {
  EXPECT_TRUE(FieldPrinted("DE02 1203 0000", "IBAN: DE02120300 00\n"));
  EXPECT_TRUE(FieldPrinted("05.03.2018", "Datum 05.03. 2018"));
  EXPECT_TRUE(FieldPrinted("529,87", "Summe\u00a0529,\u202f87 EUR"));
}

TEST(FieldPrintedTest, IsExactAndCaseSensitive) {
  EXPECT_FALSE(FieldPrinted("EUR", "eur"));
  EXPECT_FALSE(FieldPrinted("529,87", "529.87"));
  EXPECT_FALSE(FieldPrinted("471102", "47110 "));
}

TEST(FieldPrintedTest, EmptyPrintedAsNeverHits) {
  EXPECT_FALSE(FieldPrinted("", "anything"));
  EXPECT_FALSE(FieldPrinted(" ", "anything"));
}

}  // namespace
}  // namespace docintake::testing
