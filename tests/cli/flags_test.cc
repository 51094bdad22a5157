#include "intake/cli/flags.h"

#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class FlagSetTest : public ::testing::Test {
 protected:
  FlagSetTest() : flags_("docintake test [flags] ARG", "A test command.") {
    flags_.AddString("server", &server_, "where");
    flags_.AddInt("limit", &limit_, "how many");
    flags_.AddBool("json", &json_, "json output");
    flags_.AddRepeated("meta", &meta_, "metadata", "KEY=VALUE");
    flags_.AddString("output", &output_, "file", "FILE");
    flags_.AddAlias('o', "output");
  }

  FlagSet flags_;
  std::string server_ = "default";
  int64_t limit_ = 7;
  bool json_ = false;
  std::vector<std::string> meta_;
  std::string output_;
};

TEST_F(FlagSetTest, ParsesEqualsAndSeparateValues) {
  auto positional = flags_.Parse({"--server=a:1", "x", "--limit", "42", "y"});
  ASSERT_TRUE(positional.ok()) << positional.status();
  EXPECT_THAT(*positional, ElementsAre("x", "y"));
  EXPECT_EQ(server_, "a:1");
  EXPECT_EQ(limit_, 42);
}

TEST_F(FlagSetTest, KeepsDefaultsForFlagsNotGiven) {
  ASSERT_TRUE(flags_.Parse({"x"}).ok());
  EXPECT_EQ(server_, "default");
  EXPECT_EQ(limit_, 7);
  EXPECT_FALSE(flags_.WasSet("server"));
}

TEST_F(FlagSetTest, BoolFlagDoesNotConsumeTheNextArgument) {
  auto positional = flags_.Parse({"--json", "id"});
  ASSERT_TRUE(positional.ok());
  EXPECT_TRUE(json_);
  EXPECT_THAT(*positional, ElementsAre("id"));
  ASSERT_TRUE(flags_.Parse({"--json=false"}).ok());
  EXPECT_FALSE(json_);
}

TEST_F(FlagSetTest, RepeatedFlagCollectsEveryOccurrence) {
  ASSERT_TRUE(flags_.Parse({"--meta", "a=1", "--meta=b=2"}).ok());
  EXPECT_THAT(meta_, ElementsAre("a=1", "b=2"));
}

TEST_F(FlagSetTest, OneLetterAliasTakesAValue) {
  ASSERT_TRUE(flags_.Parse({"-o", "out.pdf", "id"}).ok());
  EXPECT_EQ(output_, "out.pdf");
  EXPECT_TRUE(flags_.WasSet("output"));
}

TEST_F(FlagSetTest, DashIsPositionalAndDoubleDashEndsFlags) {
  auto positional = flags_.Parse({"-", "--", "--json", "-o"});
  ASSERT_TRUE(positional.ok());
  EXPECT_THAT(*positional, ElementsAre("-", "--json", "-o"));
  EXPECT_FALSE(json_);
}

TEST_F(FlagSetTest, RejectsUnknownFlag) {
  auto positional = flags_.Parse({"--nope"});
  EXPECT_EQ(positional.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(positional.status().message(), HasSubstr("--nope"));
  EXPECT_FALSE(flags_.Parse({"-x"}).ok());
}

TEST_F(FlagSetTest, RejectsMissingValue) {
  auto positional = flags_.Parse({"--server"});
  EXPECT_EQ(positional.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(positional.status().message(), HasSubstr("needs a value"));
}

TEST_F(FlagSetTest, RejectsMalformedIntegerAndBool) {
  EXPECT_FALSE(flags_.Parse({"--limit", "ten"}).ok());
  EXPECT_FALSE(flags_.Parse({"--json=maybe"}).ok());
}

TEST_F(FlagSetTest, HelpIsRequestedRatherThanAnError) {
  auto positional = flags_.Parse({"x", "--help"});
  ASSERT_TRUE(positional.ok());
  EXPECT_TRUE(flags_.help_requested());
  ASSERT_TRUE(flags_.Parse({"-h"}).ok());
  EXPECT_TRUE(flags_.help_requested());
  ASSERT_TRUE(flags_.Parse({}).ok());
  EXPECT_FALSE(flags_.help_requested());
}

TEST_F(FlagSetTest, HelpListsUsageAndEveryFlag) {
  const std::string help = flags_.Help();
  EXPECT_THAT(help, HasSubstr("usage: docintake test [flags] ARG"));
  EXPECT_THAT(help, HasSubstr("--server VALUE"));
  EXPECT_THAT(help, HasSubstr("-o, --output FILE"));
  EXPECT_THAT(help, HasSubstr("--meta KEY=VALUE"));
  EXPECT_THAT(help, HasSubstr("--json "));
  EXPECT_THAT(help, HasSubstr("-h, --help"));
}

TEST(FlagSetEmptyTest, NoFlagsStillParsesPositionals) {
  FlagSet flags("x", "y");
  auto positional = flags.Parse({"a", "b"});
  ASSERT_TRUE(positional.ok());
  EXPECT_THAT(*positional, ElementsAre("a", "b"));
  EXPECT_THAT(*flags.Parse({}), IsEmpty());
}

}  // namespace
}  // namespace docintake::cli
