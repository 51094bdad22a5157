// RunInChild: values and errors come back from the child; a child that loops
// is killed at its deadline, one that crashes or exceeds its memory gives a
// clear error, and the parent carries on.
#include "base/child_process.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace docintake::base {
namespace {

ChildLimits Limits(absl::Duration deadline) {
  ChildLimits limits;
  limits.deadline = deadline;
  limits.what = "the test work";
  return limits;
}

TEST(ChildProcessTest, ReturnsTheChildsBytes) {
  const std::string big(3 << 20, 'x');  // more than a pipe buffer
  absl::StatusOr<std::string> out =
      RunInChild([&]() -> absl::StatusOr<std::string> { return big + "!"; },
                 Limits(absl::Seconds(10)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, big + "!");
}

TEST(ChildProcessTest, ReturnsAnEmptyValue) {
  absl::StatusOr<std::string> out =
      RunInChild([]() -> absl::StatusOr<std::string> { return std::string(); },
                 Limits(absl::Seconds(10)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "");
}

TEST(ChildProcessTest, PropagatesTheChildsErrorCodeAndMessage) {
  absl::StatusOr<std::string> out = RunInChild(
      []() -> absl::StatusOr<std::string> {
        return absl::InvalidArgumentError("bad page");
      },
      Limits(absl::Seconds(10)));
  EXPECT_TRUE(absl::IsInvalidArgument(out.status()));
  EXPECT_EQ(out.status().message(), "bad page");
}

TEST(ChildProcessTest, KillsAChildThatRunsPastItsDeadline) {
  const absl::Time start = absl::Now();
  absl::StatusOr<std::string> out = RunInChild(
      []() -> absl::StatusOr<std::string> {
        volatile bool forever = true;
        while (forever) {
        }
        return std::string();
      },
      Limits(absl::Milliseconds(300)));
  EXPECT_TRUE(absl::IsResourceExhausted(out.status())) << out.status();
  EXPECT_NE(out.status().message().find("the test work took longer"),
            absl::string_view::npos);
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST(ChildProcessTest, ACrashingChildIsAnErrorNotACrash) {
  absl::StatusOr<std::string> out = RunInChild(
      []() -> absl::StatusOr<std::string> {
        std::raise(SIGSEGV);
        return std::string("unreachable");
      },
      Limits(absl::Seconds(10)));
  EXPECT_TRUE(absl::IsResourceExhausted(out.status())) << out.status();
  EXPECT_NE(out.status().message().find("crashed"), absl::string_view::npos);
}

TEST(ChildProcessTest, ChildHoldsNoInheritedDescriptors) {
  // E.g. the data directory's lock: a child left running must not hold it.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  absl::StatusOr<std::string> out = RunInChild(
      [&]() -> absl::StatusOr<std::string> {
        return std::string(::fcntl(fds[0], F_GETFD) < 0 ? "closed" : "open");
      },
      Limits(absl::Seconds(10)));
  ::close(fds[0]);
  ::close(fds[1]);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "closed");
}

#if !defined(__SANITIZE_ADDRESS__)
TEST(ChildProcessTest, MemoryLimitStopsAGreedyChild) {
  ChildLimits limits = Limits(absl::Seconds(20));
  limits.max_memory_bytes = 256ull << 20;
  absl::StatusOr<std::string> out = RunInChild(
      []() -> absl::StatusOr<std::string> {
        std::vector<std::string> hog;
        for (int i = 0; i < 64; ++i) hog.emplace_back(64 << 20, 'x');
        return std::to_string(hog.size());
      },
      limits);
  EXPECT_TRUE(absl::IsResourceExhausted(out.status())) << out.status();
}
#endif

}  // namespace
}  // namespace docintake::base
