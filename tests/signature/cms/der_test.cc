// The DER reader and ASN.1 time parsing under signature/cms/internal: BER
// indefinite lengths, hostile lengths and nesting, OIDs, time formats.
#include "signature/cms/internal/der.h"

#include <string>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "signature/cms/internal/asn1_time.h"

namespace docintake::signature::internal {
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
}

absl::StatusOr<absl::Time> Time(uint8_t tag, const std::string& text) {
  Tlv tlv;
  tlv.tag = tag;
  tlv.value = text;
  return ParseAsn1Time(tlv);
}

TEST(Asn1TimeTest, ParsesUtcAndGeneralizedTime) {
  const absl::Time t = absl::FromCivil(
      absl::CivilSecond(2016, 4, 18, 8, 40, 19), absl::UTCTimeZone());
  EXPECT_EQ(*Time(kTagUtcTime, "160418084019Z"), t);
  EXPECT_EQ(*Time(kTagUtcTime, "160418104019+0200"), t);
  EXPECT_EQ(*Time(kTagGeneralizedTime, "20160418084019Z"), t);
  EXPECT_EQ(*Time(kTagGeneralizedTime, "20160418084019.993Z"),
            t + absl::Milliseconds(993));
  EXPECT_EQ(*Time(kTagUtcTime, "491231235959Z"),
            absl::FromCivil(absl::CivilSecond(2049, 12, 31, 23, 59, 59),
                            absl::UTCTimeZone()));
  EXPECT_EQ(*Time(kTagUtcTime, "500101000000Z"),
            absl::FromCivil(absl::CivilSecond(1950, 1, 1, 0, 0, 0),
                            absl::UTCTimeZone()));
}

TEST(Asn1TimeTest, RejectsMalformedTimes) {
  for (const char* bad :
       {"", "2016", "20160418084019", "20160431084019Z", "20161318084019Z",
        "20160418084019.Z", "20160418084019Zjunk", "2016041808401xZ"}) {
    EXPECT_FALSE(Time(kTagGeneralizedTime, bad).ok()) << bad;
  }
  EXPECT_FALSE(Time(kTagOctetString, "160418084019Z").ok());
}

}  // namespace
}  // namespace docintake::signature::internal
