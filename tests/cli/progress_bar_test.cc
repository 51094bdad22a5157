#include "intake/cli/progress_bar.h"

#include <sstream>
#include <string>

#include "base/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::cli {
namespace {

using ::testing::HasSubstr;

TEST(ProgressBarTest, RenderShowsBarPercentBytesAndFiles) {
  const std::string text =
      ProgressBar::Render(/*sent_bytes=*/5 * 1024 * 1024,
                          /*total_bytes=*/10 * 1024 * 1024,
                          /*files_done=*/1, /*total_files=*/3);
  EXPECT_THAT(text, HasSubstr("[###############---------------]"));
  EXPECT_THAT(text, HasSubstr(" 50%"));
  EXPECT_THAT(text, HasSubstr("5.0 MiB / 10.0 MiB"));
  EXPECT_THAT(text, HasSubstr("1/3 files"));
}

TEST(ProgressBarTest, RenderWithUnknownTotalShowsBytesSent) {
  EXPECT_EQ(ProgressBar::Render(2048, 0, 0, 1), "2.0 KiB sent");
}

TEST(ProgressBarTest, RedrawsAtMostEvery100msButAlwaysWhenAFileIsDone) {
  std::ostringstream out;
  base::FakeClock clock(absl::UnixEpoch());
  ProgressBar bar(out, clock, /*total_bytes=*/100, /*total_files=*/2);
  bar.AddBytes(10);
  const size_t after_first = out.str().size();
  EXPECT_GT(after_first, 0u);
  bar.AddBytes(10);  // same instant: throttled
  EXPECT_EQ(out.str().size(), after_first);
  clock.Advance(absl::Milliseconds(100));
  bar.AddBytes(10);
  EXPECT_GT(out.str().size(), after_first);
  const size_t after_second = out.str().size();
  bar.FileDone();
  EXPECT_GT(out.str().size(), after_second);
  EXPECT_THAT(out.str(), HasSubstr("1/2 files"));
}

TEST(ProgressBarTest, ClearBlanksTheLine) {
  std::ostringstream out;
  base::FakeClock clock(absl::UnixEpoch());
  ProgressBar bar(out, clock, 100, 2);
  bar.Redraw();
  const std::string drawn = out.str();
  out.str("");
  bar.Clear();
  EXPECT_EQ(out.str(), "\r" + std::string(drawn.size() - 1, ' ') + "\r");
  out.str("");
  bar.Clear();  // nothing drawn: nothing to clear
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressBarTest, ShownOnlyOnATerminalForBigFilesOrBatches) {
  constexpr uint64_t kMiB = 1024 * 1024;
  EXPECT_FALSE(WantsProgressBar(false, 100 * kMiB, 10));
  EXPECT_FALSE(WantsProgressBar(true, 4 * kMiB, 1));
  EXPECT_TRUE(WantsProgressBar(true, 4 * kMiB + 1, 1));
  EXPECT_TRUE(WantsProgressBar(true, 10, 2));
}

}  // namespace
}  // namespace docintake::cli
