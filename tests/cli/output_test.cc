#include "intake/cli/output.h"

#include <string>

#include "docintake/v1/intake.pb.h"
#include "docintake/v1/record.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "intake/cli/record_format.h"

namespace docintake::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

google::protobuf::Struct ParseJson(const std::string& json) {
  google::protobuf::Struct parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok())
      << json;
  return parsed;
}

TEST(MessageJsonTest, UsesLowerCamelNamesOnOneLine) {
  v1::SubmitReply reply;
  reply.set_document_id("01ABC");
  reply.set_duplicate_of("01XYZ");
  const std::string json = MessageJson(reply);
  EXPECT_THAT(json, HasSubstr("\"documentId\":\"01ABC\""));
  EXPECT_THAT(json, HasSubstr("\"duplicateOf\":\"01XYZ\""));
  EXPECT_THAT(json, Not(HasSubstr("\n")));
}

TEST(MessageJsonTest, AddsPathMemberToObject) {
  v1::SubmitReply reply;
  reply.set_document_id("01ABC");
  const google::protobuf::Struct parsed =
      ParseJson(MessageJsonWithPath(reply, "dir/\"odd\".pdf"));
  EXPECT_EQ(parsed.fields().at("documentId").string_value(), "01ABC");
  EXPECT_EQ(parsed.fields().at("path").string_value(), "dir/\"odd\".pdf");
}

TEST(MessageJsonTest, AddsPathMemberToEmptyObject) {
  EXPECT_EQ(MessageJsonWithPath(v1::SubmitReply(), "a"), "{\"path\":\"a\"}");
}

TEST(SubmitLineTest, ShowsIdPathAndDuplicate) {
  v1::SubmitReply reply;
  reply.set_document_id("01ABC");
  EXPECT_EQ(SubmitLine(reply, "a.pdf"), "01ABC  a.pdf");
  reply.set_duplicate_of("01XYZ");
  EXPECT_EQ(SubmitLine(reply, "a.pdf"), "01ABC  a.pdf duplicate of 01XYZ");
}

TEST(FormatTest, TimestampsDurationsAndBytes) {
  google::protobuf::Timestamp timestamp;
  EXPECT_EQ(FormatTimestamp(timestamp), "-");
  timestamp.set_seconds(1714564800);  // 2024-05-01T12:00:00Z
  EXPECT_EQ(FormatTimestamp(timestamp), "2024-05-01T12:00:00Z");

  google::protobuf::Duration duration;
  duration.set_nanos(850000000);
  EXPECT_EQ(FormatDuration(duration), "850ms");
  duration.set_seconds(1);
  duration.set_nanos(250000000);
  EXPECT_EQ(FormatDuration(duration), "1.25s");
  duration.set_seconds(123);
  duration.set_nanos(0);
  EXPECT_EQ(FormatDuration(duration), "2m03s");

  EXPECT_EQ(FormatBytes(512), "512 B");
  EXPECT_EQ(FormatBytes(1536), "1.5 KiB");
  EXPECT_EQ(FormatBytes(12 * 1024 * 1024), "12.0 MiB");
}

v1::Record SampleRecord() {
  v1::Record record;
  record.set_document_id("01HZX3K4M5N6P7Q8R9S0T1V2W3");
  record.set_state(v1::FAILED);
  record.set_error("text layer unreadable");
  record.add_warnings("declared type disagrees with content");
  v1::IntakeFacts& intake = *record.mutable_intake();
  intake.set_channel(v1::SCAN_STATION);
  intake.set_filename("letter.pdf");
  intake.set_media_type("application/pdf");
  intake.set_size(2048);
  intake.set_sha256("ab12");
  intake.set_duplicate_of("01OLDER");
  intake.mutable_received_at()->set_seconds(1714564800);
  v1::StageOutcome& stage = *record.add_stages();
  stage.set_stage("text");
  stage.set_result(v1::StageOutcome::ERROR);
  stage.set_message("no text");
  stage.mutable_duration()->set_nanos(12000000);
  record.mutable_text()->set_page_count(3);
  return record;
}

TEST(RecordSummaryTest, ShowsTheFactsAPersonAsksFor) {
  const std::string summary = RecordSummary(SampleRecord());
  for (const char* expected :
       {"01HZX3K4M5N6P7Q8R9S0T1V2W3", "FAILED", "SCAN_STATION", "letter.pdf",
        "application/pdf", "2048 bytes", "ab12", "2024-05-01T12:00:00Z",
        "01OLDER", "declared type disagrees", "text", "ERROR", "12ms",
        "no text", "pages", "text layer unreadable"}) {
    EXPECT_THAT(summary, HasSubstr(expected));
  }
}

TEST(ListTableTest, RowHasTheColumnsOfTheHeader) {
  EXPECT_THAT(ListTableHeader(), HasSubstr("DOCUMENT ID"));
  const std::string row = ListTableRow(SampleRecord());
  EXPECT_THAT(row, HasSubstr("01HZX3K4M5N6P7Q8R9S0T1V2W3  FAILED"));
  EXPECT_THAT(row, HasSubstr("2.0 KiB  letter.pdf\n"));
  EXPECT_EQ(row.find("FAILED"), ListTableHeader().find("STATE"));
}

TEST(EventLineTest, ShowsTimeIdStateAndError) {
  v1::DocumentEvent event;
  event.set_document_id("01ABC");
  event.set_state(v1::FAILED);
  event.mutable_at()->set_seconds(1714564800);
  event.mutable_record()->set_error("broken");
  EXPECT_EQ(EventLine(event), "2024-05-01T12:00:00Z  01ABC  FAILED  broken");
}

}  // namespace
}  // namespace docintake::cli
