// The lexical checks of the XML Schema built-in types (values taken from the
// XML Schema 1.0 Part 2 definitions).
#include "intake/einvoice/schema/internal/lexical_checks.h"

#include "gtest/gtest.h"

namespace docintake::einvoice::schema_internal {
namespace {

TEST(LexicalChecksTest, Decimal) {
  for (const char* ok : {"0", "12.50", "-1.5", "+3", ".5", "5.", " 7 \n"}) {
    EXPECT_TRUE(IsValidLexical(LexicalType::kDecimal, ok)) << ok;
  }
  for (const char* bad :
       {"", " ", "12,50", "1e3", ".", "-", "1.2.3", "1 2", "NaN"}) {
    EXPECT_FALSE(IsValidLexical(LexicalType::kDecimal, bad)) << bad;
  }
}

TEST(LexicalChecksTest, Integer) {
  EXPECT_TRUE(IsValidLexical(LexicalType::kInteger, "-42"));
  EXPECT_FALSE(IsValidLexical(LexicalType::kInteger, "4.0"));
  EXPECT_FALSE(IsValidLexical(LexicalType::kInteger, ""));
}

TEST(LexicalChecksTest, Date) {
  for (const char* ok : {"2024-02-29", "2023-12-31Z", "2023-01-01+01:00",
                         "2000-02-29", "12023-01-01", "-0001-01-01"}) {
    EXPECT_TRUE(IsValidLexical(LexicalType::kDate, ok)) << ok;
  }
  for (const char* bad :
       {"", "2023-02-29", "1900-02-29", "2023-13-01", "2023-04-31", "20230101",
        "2023-1-01", "0000-01-01", "02023-01-01", "2023-01-01T00:00:00",
        "2023-01-01+15:00", "2023-01-01 Z"}) {
    EXPECT_FALSE(IsValidLexical(LexicalType::kDate, bad)) << bad;
  }
}

TEST(LexicalChecksTest, TimeAndDateTime) {
  EXPECT_TRUE(IsValidLexical(LexicalType::kTime, "13:20:00"));
  EXPECT_TRUE(IsValidLexical(LexicalType::kTime, "13:20:00.5Z"));
  EXPECT_TRUE(IsValidLexical(LexicalType::kTime, "24:00:00"));
  EXPECT_FALSE(IsValidLexical(LexicalType::kTime, "24:00:01"));
  EXPECT_FALSE(IsValidLexical(LexicalType::kTime, "13:20"));
  EXPECT_FALSE(IsValidLexical(LexicalType::kTime, "13:60:00"));
  EXPECT_TRUE(IsValidLexical(LexicalType::kDateTime, "2024-01-31T10:00:00"));
  EXPECT_FALSE(IsValidLexical(LexicalType::kDateTime, "2024-01-31"));
}

TEST(LexicalChecksTest, Boolean) {
  for (const char* ok : {"true", "false", "1", "0", " true "}) {
    EXPECT_TRUE(IsValidLexical(LexicalType::kBoolean, ok)) << ok;
  }
  for (const char* bad : {"", "TRUE", "yes", "False", "2"}) {
    EXPECT_FALSE(IsValidLexical(LexicalType::kBoolean, bad)) << bad;
  }
}

TEST(LexicalChecksTest, Base64) {
  for (const char* ok : {"", "QUJD", "QUI=", "QQ==", "QU JD\n"}) {
    EXPECT_TRUE(IsValidLexical(LexicalType::kBase64, ok)) << ok;
  }
  for (const char* bad : {"QUJ", "Q===", "QU=D", "QUJ!"}) {
    EXPECT_FALSE(IsValidLexical(LexicalType::kBase64, bad)) << bad;
  }
}

TEST(LexicalChecksTest, StringsAcceptAnything) {
  EXPECT_TRUE(IsValidLexical(LexicalType::kString, ""));
  EXPECT_TRUE(IsValidLexical(LexicalType::kString, "  a\tb "));
}

}  // namespace
}  // namespace docintake::einvoice::schema_internal
