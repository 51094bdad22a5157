#include "intake/cli/header_flags.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "intake/cli/enum_flags.h"
#include "intake/cli/flags.h"

namespace docintake::cli {
namespace {

using ::testing::HasSubstr;

TEST(EnumFlagsTest, AcceptsProtoNamesInAnyCaseWithDashes) {
  EXPECT_EQ(*ParseChannel("scan_station"), v1::SCAN_STATION);
  EXPECT_EQ(*ParseChannel("Scan-Station"), v1::SCAN_STATION);
  EXPECT_EQ(*ParseChannel("einvoice"), v1::EINVOICE);
  EXPECT_EQ(*ParseAssuranceLevel("substantial"), v1::SUBSTANTIAL);
  EXPECT_EQ(*ParseDocumentState("archived"), v1::ARCHIVED);
}

TEST(EnumFlagsTest, RejectsUnknownAndUnspecifiedNamingTheChoices) {
  auto bad = ParseChannel("fax");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(),
              HasSubstr("scan_station|portal|einvoice|email|api"));
  EXPECT_FALSE(ParseChannel("channel_unspecified").ok());
  EXPECT_FALSE(ParseDocumentState("").ok());
}

TEST(HeaderFlagsTest, FillsTheHeaderFromTheFlags) {
  HeaderFlags header_flags("api");
  FlagSet flags("x", "y");
  header_flags.Register(flags);
  ASSERT_TRUE(flags
                  .Parse({"--channel",        "portal",
                          "--portal-id",      "p1",
                          "--station-id",     "s1",
                          "--submitter-id",   "u1",
                          "--submitter-name", "Erika",
                          "--assurance",      "high",
                          "--media-type",     "application/pdf",
                          "--document-type",  "invoice",
                          "--meta",           "case=42",
                          "--meta",           "x=a=b"})
                  .ok());
  auto header = header_flags.ToHeader();
  ASSERT_TRUE(header.ok()) << header.status();
  EXPECT_EQ(header->channel(), v1::PORTAL);
  EXPECT_EQ(header->portal_id(), "p1");
  EXPECT_EQ(header->station_id(), "s1");
  EXPECT_EQ(header->submitter().identifier(), "u1");
  EXPECT_EQ(header->submitter().display_name(), "Erika");
  EXPECT_EQ(header->assurance_level(), v1::HIGH);
  EXPECT_EQ(header->declared_media_type(), "application/pdf");
  EXPECT_EQ(header->declared_document_type(), "invoice");
  EXPECT_EQ(header->metadata().at("case"), "42");
  EXPECT_EQ(header->metadata().at("x"), "a=b");
}

TEST(HeaderFlagsTest, DefaultsToTheGivenChannel) {
  HeaderFlags header_flags("scan_station");
  auto header = header_flags.ToHeader();
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->channel(), v1::SCAN_STATION);
  EXPECT_EQ(header->assurance_level(), v1::ASSURANCE_LEVEL_UNSPECIFIED);
  EXPECT_FALSE(header->has_submitter());
}

TEST(HeaderFlagsTest, RejectsMalformedOrRepeatedMeta) {
  HeaderFlags header_flags("api");
  header_flags.meta = {"novalue"};
  EXPECT_EQ(header_flags.ToHeader().status().code(),
            absl::StatusCode::kInvalidArgument);
  header_flags.meta = {"=v"};
  EXPECT_FALSE(header_flags.ToHeader().ok());
  header_flags.meta = {"k=1", "k=2"};
  EXPECT_THAT(header_flags.ToHeader().status().message(),
              HasSubstr("given twice"));
}

}  // namespace
}  // namespace docintake::cli
