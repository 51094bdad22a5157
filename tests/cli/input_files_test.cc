#include "intake/cli/input_files.h"

#include <filesystem>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_test_support.h"
#include "tests/support/temp_dir.h"

namespace docintake::cli {
namespace {

using ::docintake::cli::testing::WriteFile;
using ::docintake::testing::TempDir;

std::vector<std::string> Paths(const std::vector<InputFile>& inputs) {
  std::vector<std::string> paths;
  for (const InputFile& input : inputs) paths.push_back(input.path);
  return paths;
}

TEST(ExpandInputsTest, WalksDirectoriesRecursivelyInSortedOrder) {
  TempDir dir;
  std::filesystem::create_directories(dir.Path("d/sub"));
  WriteFile(dir.Path("d/b.pdf"), "bb");
  WriteFile(dir.Path("d/a.pdf"), "a");
  WriteFile(dir.Path("d/sub/c.pdf"), "ccc");
  WriteFile(dir.Path("single.pdf"), "1234");
  auto inputs = ExpandInputs({dir.Path("single.pdf"), dir.Path("d"), "-"});
  ASSERT_TRUE(inputs.ok()) << inputs.status();
  EXPECT_THAT(Paths(*inputs),
              ::testing::ElementsAre(dir.Path("single.pdf"),
                                     dir.Path("d/a.pdf"), dir.Path("d/b.pdf"),
                                     dir.Path("d/sub/c.pdf"), "-"));
  EXPECT_EQ((*inputs)[0].size, 4u);
  EXPECT_EQ((*inputs)[3].size, 3u);
  EXPECT_TRUE((*inputs)[4].is_stdin);
}

TEST(ExpandInputsTest, MissingPathIsNotFoundAndNamed) {
  TempDir dir;
  auto inputs = ExpandInputs({dir.Path("nope.pdf")});
  EXPECT_EQ(inputs.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(inputs.status().message(), ::testing::HasSubstr("nope.pdf"));
}

TEST(ExpandInputsTest, StandardInputAtMostOnce) {
  EXPECT_EQ(ExpandInputs({"-", "-"}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docintake::cli
