#include "signature/pdf/raw_signature.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::signature {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::SizeIs;

std::vector<RawSignature> Find(const std::string& pdf) {
  absl::StatusOr<std::vector<RawSignature>> found = FindRawSignatures(pdf);
  EXPECT_TRUE(found.ok()) << found.status();
  return found.ok() ? *found : std::vector<RawSignature>{};
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(FindRawSignaturesTest, ReadsTheFieldsOfASignatureDictionary) {
  const std::string pdf =
      "%PDF-1.7\n7 0 obj\n"
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n"
      "/M (D:20230102030405+01'00') /Name (Max \\(M\\) Mustermann)\n"
      "/Reason <48656C6C6F> /Location (Berlin\\nMitte\\101)\n"
      "/ByteRange [0 10 20 30] /Contents <30 82 01 0000>\n>>\nendobj\n";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  const RawSignature& sig = found[0];
  EXPECT_EQ(sig.dictionary_begin, pdf.find("<<"));
  EXPECT_EQ(sig.dictionary_end, pdf.find(">>\nendobj") + 2);
  EXPECT_TRUE(sig.closed);
  EXPECT_EQ(sig.object_number, 7);
  EXPECT_EQ(sig.generation, 0);
  EXPECT_EQ(sig.type, "Sig");
  EXPECT_EQ(sig.filter, "Adobe.PPKLite");
  EXPECT_EQ(sig.sub_filter, "ETSI.CAdES.detached");
  EXPECT_EQ(sig.signing_time, "D:20230102030405+01'00'");
  EXPECT_EQ(sig.name, "Max (M) Mustermann");
  EXPECT_EQ(sig.reason, "Hello");
  EXPECT_EQ(sig.location, "Berlin\nMitteA");
  EXPECT_THAT(sig.byte_range, Optional(ElementsAre(0, 10, 20, 30)));
  ASSERT_TRUE(sig.has_hex_contents);
  EXPECT_EQ(sig.contents_begin, pdf.find("<30"));
  EXPECT_EQ(sig.contents_end, pdf.find("0000>") + 5);
  // The zero padding stays.
  EXPECT_EQ(sig.contents, std::string("\x30\x82\x01\x00\x00", 5));
  EXPECT_THAT(sig.duplicate_keys, IsEmpty());
  EXPECT_THAT(sig.redefinitions, IsEmpty());
}

TEST(FindRawSignaturesTest, OddHexDigitCountEndsWithAZeroNibble) {
  const std::vector<RawSignature> found =
      Find("1 0 obj << /ByteRange [0 1 2 3] /Contents <30 8> >> endobj");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].contents, "\x30\x80");
}

TEST(FindRawSignaturesTest, LiteralContentsIsNoHexContents) {
  const std::vector<RawSignature> found =
      Find("1 0 obj << /ByteRange [0 1 2 3] /Contents (0000) >> endobj");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_FALSE(found[0].has_hex_contents);
}

TEST(FindRawSignaturesTest, StringsWithDelimitersDoNotEndTheDictionary) {
  const std::string pdf =
      "1 0 obj\n<< /Reason (a >> b (nested) \\) /ByteRange [9 9 9 9])\n"
      "/ByteRange [0 1 2 3] /Contents <00> >>\nendobj\n";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].reason, "a >> b (nested) ) /ByteRange [9 9 9 9]");
  EXPECT_THAT(found[0].byte_range, Optional(ElementsAre(0, 1, 2, 3)));
  EXPECT_EQ(found[0].dictionary_end, pdf.find(">>\nendobj") + 2);
}

TEST(FindRawSignaturesTest, IgnoresByteRangeInsideStrings) {
  EXPECT_THAT(Find("1 0 obj\n(<< /ByteRange [0 1 2 3] /Contents <00> >>)\n"
                   "endobj\n2 0 obj\n<2F427974652052616E6765>\nendobj\n"),
              IsEmpty());
}

TEST(FindRawSignaturesTest, IgnoresByteRangeInsideStreams) {
  const std::string data = "<< /ByteRange [0 1 2 3] /Contents <00> >>";
  const std::string direct = "1 0 obj\n<< /Length " +
                             std::to_string(data.size()) + " >>\nstream\n" +
                             data + "\nendstream\nendobj\n";
  const std::string indirect = "2 0 obj\n<< /Length 9 0 R >>\nstream\r\n" +
                               data + "\r\nendstream\nendobj\n";
  const std::string wrong_length =
      "3 0 obj\n<< /Length 5 >>\nstream\n" + data + "\nendstream\nendobj\n";
  EXPECT_THAT(Find(direct), IsEmpty());
  EXPECT_THAT(Find(indirect), IsEmpty());
  EXPECT_THAT(Find(wrong_length), IsEmpty());
  EXPECT_THAT(Find("%PDF-1.7\n" + direct + indirect + wrong_length), IsEmpty());
}

TEST(FindRawSignaturesTest, BinaryStreamDataDoesNotHideLaterSignatures) {
  // An unbalanced "(" and a "<<" in the data must not swallow object 2.
  const std::string data = "(((<<[[ %";
  const std::string pdf = "1 0 obj\n<< /Length " + std::to_string(data.size()) +
                          " >>\nstream\n" + data + "\nendstream\nendobj\n" +
                          "2 0 obj\n<< /ByteRange [0 1 2 3] >>\nendobj\n";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].object_number, 2);
}

TEST(FindRawSignaturesTest, FindsTheInnermostDictionaryWithByteRange) {
  const std::string pdf =
      "3 1 obj\n<< /FT /Sig /T (field) /V << /Type /Sig /ByteRange [0 1 2 3] "
      "/Prop_Build << /App << /Name /X >> >> /Contents <00> >> /F 4 >>\n"
      "endobj\n";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].dictionary_begin, pdf.find("<< /Type"));
  EXPECT_EQ(found[0].dictionary_end, pdf.find(" /F 4"));
  EXPECT_EQ(found[0].object_number, 3);
  EXPECT_EQ(found[0].generation, 1);
  EXPECT_EQ(found[0].name, "");  // /Name of a nested dictionary
  EXPECT_TRUE(found[0].has_hex_contents);
}

TEST(FindRawSignaturesTest, OutsideAnyObjectTheObjectNumberIsMinusOne) {
  const std::vector<RawSignature> found =
      Find("1 0 obj << >> endobj << /ByteRange [0 1 2 3] >>");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].object_number, -1);
  EXPECT_EQ(found[0].generation, -1);
}

TEST(FindRawSignaturesTest, IgnoresComments) {
  const std::string pdf =
      "1 0 obj << % /ByteRange [9 9 9 9] >>\n/ByteRange [0 % ]\n1 2 3] "
      "/Contents <00> >> endobj";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].byte_range, Optional(ElementsAre(0, 1, 2, 3)));
  EXPECT_EQ(found[0].dictionary_end, pdf.find(" endobj"));
}

TEST(FindRawSignaturesTest, DecodesEscapedNames) {
  const std::vector<RawSignature> found = Find(
      "1 0 obj << /ByteR#61nge [0 1 2 3] /SubFilter /ETSI.CAdES#2Edetached "
      ">> endobj");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].sub_filter, "ETSI.CAdES.detached");
}

TEST(FindRawSignaturesTest, ByteRangeIsKeptOnlyAsAnArrayOfIntegers) {
  const auto byte_range = [](const std::string& value) {
    const std::vector<RawSignature> found =
        Find("1 0 obj << /ByteRange " + value + " /Contents <00> >> endobj");
    EXPECT_THAT(found, SizeIs(1)) << value;
    return found.empty() ? std::nullopt : found[0].byte_range;
  };
  EXPECT_EQ(byte_range("5 0 R"), std::nullopt);
  EXPECT_EQ(byte_range("[0 1.5 2 3]"), std::nullopt);
  EXPECT_EQ(byte_range("[0 1 2 99999999999999999999]"), std::nullopt);
  EXPECT_EQ(byte_range("[0 1 2 [3]]"), std::nullopt);
  EXPECT_EQ(byte_range("[0 1 2 3 0 R]"), std::nullopt);
  EXPECT_EQ(byte_range("(0 1 2 3)"), std::nullopt);
  EXPECT_THAT(byte_range("[0 10 20 30 40]"),
              Optional(ElementsAre(0, 10, 20, 30, 40)));
  EXPECT_THAT(byte_range("[-1 10 +20 030]"),
              Optional(ElementsAre(-1, 10, 20, 30)));
  EXPECT_THAT(byte_range("[0 690]"), Optional(ElementsAre(0, 690)));
  EXPECT_THAT(byte_range("[]"), Optional(IsEmpty()));
}

TEST(FindRawSignaturesTest, OrdersByGapStartThenOffset) {
  const std::string pdf =
      "1 0 obj << /Reason (a) /ByteRange [0 500 600 10] >> endobj\n"
      "2 0 obj << /Reason (b) /ByteRange 7 0 R >> endobj\n"
      "3 0 obj << /Reason (c) /ByteRange [0 100 200 10] >> endobj\n"
      "4 0 obj << /Reason (d) /ByteRange [0 100 200 10] >> endobj\n"
      "5 0 obj << /Reason (e) /ByteRange [0 300 400 10] >> endobj\n";
  std::string order;
  for (const RawSignature& sig : Find(pdf)) order += sig.reason;
  EXPECT_EQ(order, "cdeab");
}

TEST(FindRawSignaturesTest, FoldsARedefinedObjectIntoItsFirstDefinition) {
  const std::string pdf =
      "%PDF-1.7\n5 0 obj\n<< /ByteRange [0 1 2 3] /Reason (first) >>\nendobj\n"
      "%%EOF\n5 0 obj\n<< /ByteRange [0 1 2 3] /Reason (second) >>\nendobj\n"
      "%%EOF\n";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].reason, "first");
  EXPECT_THAT(found[0].redefinitions, ElementsAre(pdf.rfind("<<")));
}

TEST(FindRawSignaturesTest, TwoDictionariesInOneObjectAreTwoSignatures) {
  EXPECT_THAT(Find("5 0 obj [<< /ByteRange [0 1 2 3] >> "
                   "<< /ByteRange [0 1 2 3] >>] endobj"),
              SizeIs(2));
}

TEST(FindRawSignaturesTest, KeepsTheFirstOfDuplicateKeys) {
  const std::vector<RawSignature> found = Find(
      "1 0 obj << /ByteRange [0 1 2 3] /Contents <01> /ByteRange [0 5 6 7] "
      "/Contents <02> >> endobj");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].byte_range, Optional(ElementsAre(0, 1, 2, 3)));
  EXPECT_EQ(found[0].contents, "\x01");
  EXPECT_THAT(found[0].duplicate_keys, ElementsAre("ByteRange", "Contents"));
}

TEST(FindRawSignaturesTest, ReportsAnUnclosedDictionary) {
  const std::string pdf =
      "1 0 obj\n<< /ByteRange [0 1 2 3] /Contents <00>\nendobj\n"
      "2 0 obj\n<< /ByteRange [0 4 5 6] >>\nendobj\n";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(2));
  EXPECT_FALSE(found[0].closed);
  EXPECT_EQ(found[0].dictionary_end, pdf.find("endobj"));
  EXPECT_EQ(found[0].object_number, 1);
  EXPECT_TRUE(found[1].closed);
  EXPECT_EQ(found[1].object_number, 2);
}

TEST(FindRawSignaturesTest, AnUnclosedStringDoesNotHideLaterObjects) {
  const std::vector<RawSignature> found = Find(
      "1 0 obj\n(never closed\nendobj\n"
      "2 0 obj\n<< /ByteRange [0 1 2 3] >>\nendobj\n");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].object_number, 2);
}

TEST(FindRawSignaturesTest, SkipsDeepNestingAndKeepsTheOuterDictionary) {
  const std::string pdf = "1 0 obj << /A " + Repeat("[", 200) +
                          Repeat("]", 200) + " /ByteRange [0 1 2 3] >> endobj";
  const std::vector<RawSignature> found = Find(pdf);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_TRUE(found[0].closed);
  EXPECT_THAT(found[0].byte_range, Optional(ElementsAre(0, 1, 2, 3)));
}

TEST(FindRawSignaturesTest, RefusesAByteRangeNestedTooDeep) {
  const std::string pdf = "1 0 obj " + Repeat("[", 200) +
                          "<< /ByteRange [0 1 2 3] >>" + Repeat("]", 200) +
                          " endobj";
  EXPECT_EQ(FindRawSignatures(pdf).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(FindRawSignaturesTest, GivesUpOnTooManyUnclosedStrings) {
  EXPECT_EQ(FindRawSignatures(std::string(2 << 20, '(')).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(FindRawSignaturesTest, HostileInputsEndWithoutSignatures) {
  for (const std::string& unit :
       {std::string("<<"), std::string("["), std::string("<"),
        std::string("<0"), std::string(">>"), std::string("/"),
        std::string("1 0 obj "), std::string("stream\n"),
        std::string("<< /Length 99999999 >> stream ")}) {
    const std::string pdf =
        Repeat(unit, (1 << 20) / static_cast<int>(unit.size()));
    const absl::StatusOr<std::vector<RawSignature>> found =
        FindRawSignatures(pdf);
    EXPECT_TRUE(found.ok() && found->empty()) << unit;
  }
  // Nesting beyond the limit with /ByteRange inside: refused, not guessed.
  EXPECT_EQ(
      FindRawSignatures(Repeat("<< /ByteRange [", 1 << 16)).status().code(),
      absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docintake::signature
