// ASN.1 time parsing under signature/cms/internal: UTCTime and
// GeneralizedTime, offsets, fractions, the 1950-2049 window, malformed text.
#include "signature/cms/internal/asn1_time.h"

#include <string>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

absl::StatusOr<absl::Time> Time(uint8_t tag, const std::string& text) {
  der::Tlv tlv;
  tlv.tag = tag;
  tlv.value = text;
  return ParseAsn1Time(tlv);
}

TEST(Asn1TimeTest, ParsesUtcAndGeneralizedTime) {
  const absl::Time t = absl::FromCivil(
      absl::CivilSecond(2016, 4, 18, 8, 40, 19), absl::UTCTimeZone());
  EXPECT_EQ(*Time(der::kTagUtcTime, "160418084019Z"), t);
  EXPECT_EQ(*Time(der::kTagUtcTime, "160418104019+0200"), t);
  EXPECT_EQ(*Time(der::kTagGeneralizedTime, "20160418084019Z"), t);
  EXPECT_EQ(*Time(der::kTagGeneralizedTime, "20160418084019.993Z"),
            t + absl::Milliseconds(993));
  EXPECT_EQ(*Time(der::kTagUtcTime, "491231235959Z"),
            absl::FromCivil(absl::CivilSecond(2049, 12, 31, 23, 59, 59),
                            absl::UTCTimeZone()));
  EXPECT_EQ(*Time(der::kTagUtcTime, "500101000000Z"),
            absl::FromCivil(absl::CivilSecond(1950, 1, 1, 0, 0, 0),
                            absl::UTCTimeZone()));
}

TEST(Asn1TimeTest, RejectsMalformedTimes) {
  for (const char* bad :
       {"", "2016", "20160418084019", "20160431084019Z", "20161318084019Z",
        "20160418084019.Z", "20160418084019Zjunk", "2016041808401xZ"}) {
    EXPECT_FALSE(Time(der::kTagGeneralizedTime, bad).ok()) << bad;
  }
  EXPECT_FALSE(Time(der::kTagOctetString, "160418084019Z").ok());
}

}  // namespace
}  // namespace docintake::signature::internal
