// The BER/DER reader shared by signature/cms and signature/trust: definite
// and indefinite lengths, hostile lengths and nesting, high tag numbers,
// expected tags and OIDs, constructed OCTET STRINGs, the DER writers.
#include "signature/der/der.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace docintake::signature::der {
namespace {

TEST(DerReaderTest, ReadsDefiniteAndIndefiniteLengths) {
  const std::string definite("\x30\x03\x02\x01\x05trailing", 13);
  absl::StatusOr<Tlv> tlv = ParseTlv(definite);
  ASSERT_TRUE(tlv.ok()) << tlv.status();
  EXPECT_EQ(tlv->tag, kTagSequence);
  EXPECT_EQ(tlv->value, std::string("\x02\x01\x05", 3));
  EXPECT_EQ(tlv->encoding.size(), 5u);
  EXPECT_TRUE(tlv->minimal_length);

  const std::string indefinite("\x30\x80\x04\x01\x41\x00\x00\x00\x00", 9);
  tlv = ParseTlv(indefinite);
  ASSERT_TRUE(tlv.ok()) << tlv.status();
  EXPECT_TRUE(tlv->indefinite);
  EXPECT_EQ(tlv->value, std::string("\x04\x01\x41", 3));
  EXPECT_EQ(tlv->encoding.size(), 7u);
}

TEST(DerReaderTest, FlagsNonMinimalLengths) {
  const std::string long_form("\x04\x81\x01\x41", 4);
  absl::StatusOr<Tlv> tlv = ParseTlv(long_form);
  ASSERT_TRUE(tlv.ok()) << tlv.status();
  EXPECT_FALSE(tlv->minimal_length);
}

TEST(DerReaderTest, RejectsHostileEncodings) {
  const std::string cases[] = {
      std::string(),
      std::string("\x30", 1),
      std::string("\x30\x05\x02\x01", 4),              // too short
      std::string("\x30\x85\x01\x00\x00\x00\x00", 7),  // 5 length octets
      std::string("\x30\x84\xff\xff\xff\xff", 6),      // 4 GiB
      std::string("\x04\x80\x00\x00", 4),              // indefinite primitive
      std::string("\x30\x80\x02\x01\x05", 5),          // no end-of-contents
      std::string("\x1f\xff\xff\xff\xff\xff\xff\x01\x00", 9),  // huge tag
  };
  for (const std::string& bad : cases) {
    EXPECT_TRUE(absl::IsInvalidArgument(ParseTlv(bad).status()));
  }
  // Deep indefinite nesting ends in an error, not a stack overflow.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += std::string("\x30\x80", 2);
  EXPECT_TRUE(absl::IsInvalidArgument(ParseTlv(deep).status()));
  // A deep constructed OCTET STRING likewise.
  std::string octets = std::string("\x04\x01\x41", 3);
  for (int i = 0; i < 40; ++i)
    octets = EncodeTlv(kTagConstructedOctetString, octets);
  absl::StatusOr<Tlv> tlv = ParseTlv(octets);
  ASSERT_TRUE(tlv.ok()) << tlv.status();
  EXPECT_TRUE(absl::IsInvalidArgument(OctetStringContents(*tlv).status()));
}

TEST(DerReaderTest, JoinsConstructedOctetStrings) {
  const std::string ber(
      "\x24\x80\x04\x02"
      "ab"
      "\x04\x01"
      "c"
      "\x00\x00",
      11);
  absl::StatusOr<Tlv> tlv = ParseTlv(ber);
  ASSERT_TRUE(tlv.ok()) << tlv.status();
  absl::StatusOr<std::string> contents = OctetStringContents(*tlv);
  ASSERT_TRUE(contents.ok()) << contents.status();
  EXPECT_EQ(*contents, "abc");
}

TEST(DerReaderTest, DecodesObjectIdentifiers) {
  // 1.2.840.113549.1.7.2 and 0.4.0.127.0.7.1.1.4.1.3 as in X.690 §8.19.
  EXPECT_EQ(*OidToText(std::string("\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02", 9)),
            "1.2.840.113549.1.7.2");
  EXPECT_EQ(
      *OidToText(std::string("\x04\x00\x7f\x00\x07\x01\x01\x04\x01\x03", 10)),
      "0.4.0.127.0.7.1.1.4.1.3");
  EXPECT_EQ(*OidToText(std::string("\x88\x37\x01", 3)), "2.999.1");
  EXPECT_FALSE(OidToText("").ok());
  EXPECT_FALSE(OidToText(std::string("\x2a\x86", 2)).ok());
}

TEST(DerReaderTest, EncodesIntegersMinimally) {
  EXPECT_EQ(EncodeUnsignedInteger(std::string("\x00\x00\x7f", 3)),
            std::string("\x02\x01\x7f", 3));
  EXPECT_EQ(EncodeUnsignedInteger(std::string("\x80", 1)),
            std::string("\x02\x02\x00\x80", 4));
  EXPECT_EQ(EncodeTlv(0x04, std::string(200, 'x')).substr(0, 3),
            std::string("\x04\x81\xc8", 3));
  EXPECT_EQ(EncodeTlv(0x04, std::string(300, 'x')).substr(0, 4),
            std::string("\x04\x82\x01\x2c", 4));
}

TEST(DerReaderTest, WalksNestedSequencesInOrder) {
  // SEQUENCE { SEQUENCE { OID 0.4.0.1862.1.1 },
  //            SEQUENCE { OID 0.4.0.1862.1.6, SEQUENCE { OID ...1.6.1 } } }
  // — the shape of a qcStatements extension (ETSI EN 319 412-5).
  const std::string der(
      "\x30\x1f"
      "\x30\x08\x06\x06\x04\x00\x8e\x46\x01\x01"
      "\x30\x13\x06\x06\x04\x00\x8e\x46\x01\x06"
      "\x30\x09\x06\x07\x04\x00\x8e\x46\x01\x06\x01",
      33);
  DerReader outer(der);
  absl::StatusOr<Tlv> statements = outer.Expect(kTagSequence, "statements");
  ASSERT_TRUE(statements.ok()) << statements.status();
  EXPECT_TRUE(outer.AtEnd());

  DerReader list(statements->value);
  absl::StatusOr<Tlv> first = list.Expect(kTagSequence, "statement");
  ASSERT_TRUE(first.ok()) << first.status();
  DerReader first_fields(first->value);
  EXPECT_EQ(*first_fields.ExpectOid("statementId"), "0.4.0.1862.1.1");
  EXPECT_TRUE(first_fields.AtEnd());

  absl::StatusOr<Tlv> second = list.Expect(kTagSequence, "statement");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(list.AtEnd());
  DerReader second_fields(second->value);
  EXPECT_EQ(*second_fields.ExpectOid("statementId"), "0.4.0.1862.1.6");
  absl::StatusOr<Tlv> types = second_fields.Expect(kTagSequence, "types");
  ASSERT_TRUE(types.ok()) << types.status();
  DerReader type_list(types->value);
  EXPECT_EQ(*type_list.ExpectOid("type"), "0.4.0.1862.1.6.1");
  EXPECT_TRUE(type_list.AtEnd());

  absl::StatusOr<std::vector<absl::string_view>> elements =
      Elements(statements->value);
  ASSERT_TRUE(elements.ok()) << elements.status();
  ASSERT_EQ(elements->size(), 2u);
  EXPECT_EQ((*elements)[0], der.substr(2, 10));
  EXPECT_EQ((*elements)[1], der.substr(12, 21));
}

TEST(DerReaderTest, ExpectNamesTheFieldAndDoesNotConsumeOnMismatch) {
  const std::string der("\x05\x00\x06\x01\x2a", 5);  // NULL, OID 1.2
  DerReader reader(der);
  absl::StatusOr<std::string> oid = reader.ExpectOid("algorithm");
  EXPECT_TRUE(absl::IsInvalidArgument(oid.status()));
  EXPECT_TRUE(absl::StrContains(oid.status().message(), "algorithm"))
      << oid.status();
  EXPECT_TRUE(reader.PeekTag(kTagNull));
  ASSERT_TRUE(reader.Expect(kTagNull, "parameters").ok());
  EXPECT_EQ(*reader.ExpectOid("algorithm"), "1.2");
  absl::StatusOr<Tlv> missing = reader.Expect(kTagInteger, "version");
  EXPECT_TRUE(absl::IsInvalidArgument(missing.status()));
  EXPECT_TRUE(absl::StrContains(missing.status().message(), "version"));
  // An OBJECT IDENTIFIER tag around a malformed arc is an error too.
  DerReader truncated(std::string("\x06\x02\x2a\x86", 4));
  EXPECT_TRUE(absl::IsInvalidArgument(truncated.ExpectOid("id").status()));
}

TEST(DerReaderTest, ReadsHighTagNumbers) {
  // [APPLICATION 200] primitive: 0x5f, then 200 in base 128 (0x81 0x48).
  const std::string der("\x5f\x81\x48\x01\x41rest", 9);
  DerReader reader(der);
  absl::StatusOr<Tlv> tlv = reader.Next();
  ASSERT_TRUE(tlv.ok()) << tlv.status();
  EXPECT_EQ(tlv->tag, 0x5f);
  EXPECT_EQ(tlv->value, "A");
  EXPECT_EQ(tlv->encoding.size(), 5u);
  EXPECT_EQ(reader.rest(), "rest");
}

TEST(DerReaderTest, StopsAtTheFirstMalformedElement) {
  // A good INTEGER, then a length running past the end.
  const std::string der("\x02\x01\x07\x04\x05\x41", 6);
  DerReader reader(der);
  ASSERT_TRUE(reader.Next().ok());
  EXPECT_TRUE(absl::IsInvalidArgument(reader.Next().status()));
  EXPECT_EQ(reader.rest(), std::string("\x04\x05\x41", 3));
  EXPECT_TRUE(absl::IsInvalidArgument(Elements(der).status()));
}

TEST(DerReaderTest, StripsLeadingZerosFromIntegerMagnitudes) {
  EXPECT_EQ(IntegerMagnitude(std::string("\x00\x00\x81\x00", 4)),
            std::string("\x81\x00", 2));
  EXPECT_EQ(IntegerMagnitude(std::string("\x00", 1)), "");
  EXPECT_EQ(ContextTag(0, true), 0xa0);
  EXPECT_EQ(ContextTag(3, false), 0x83);
}

}  // namespace
}  // namespace docintake::signature::der
