#include "intake/sqlite_job_queue.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "base/time_util.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace docintake::intake {
namespace {

class SqliteJobQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto q = SqliteJobQueue::Open(dir_.Path("intake.db"), clock_);
    ASSERT_TRUE(q.ok()) << q.status();
    queue_ = *std::move(q);
  }

  v1::Record NewRecord(const std::string& id, const std::string& sha = "aa",
                       const std::string& key = "") {
    v1::Record r;
    r.set_document_id(id);
    r.set_state(v1::QUEUED);
    r.mutable_intake()->set_sha256(sha);
    r.mutable_intake()->set_idempotency_key(key);
    r.mutable_intake()->set_channel(v1::PORTAL);
    *r.mutable_intake()->mutable_received_at() =
        base::ToProtoTime(clock_.Now());
    return r;
  }

  testing::TempDir dir_;
  base::FakeClock clock_{absl::FromUnixSeconds(1700000000)};
  std::unique_ptr<SqliteJobQueue> queue_;
};

TEST_F(SqliteJobQueueTest, ClaimsInArrivalOrderAndCountsAttempts) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A")).ok());
  ASSERT_TRUE(queue_->Enqueue(NewRecord("B")).ok());
  auto first = queue_->Claim("w1", absl::Minutes(1));
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->document_id(), "A");
  EXPECT_EQ((*first)->state(), v1::PROCESSING);
  EXPECT_EQ((*first)->attempts(), 1u);
  auto second = queue_->Claim("w2", absl::Minutes(1));
  EXPECT_EQ((*second)->document_id(), "B");
  EXPECT_FALSE(queue_->Claim("w3", absl::Minutes(1))->has_value());
}

TEST_F(SqliteJobQueueTest, ExpiredLeaseIsClaimedAgainAndOldHolderIsFenced) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A")).ok());
  v1::Record held = **queue_->Claim("dead-worker", absl::Minutes(1));
  EXPECT_FALSE(queue_->Claim("w2", absl::Minutes(1))->has_value());
  clock_.Advance(absl::Minutes(2));
  auto again = queue_->Claim("w2", absl::Minutes(1));
  ASSERT_TRUE(again->has_value());
  EXPECT_EQ((*again)->attempts(), 2u);
  held.set_state(v1::ARCHIVED);
  EXPECT_TRUE(absl::IsFailedPrecondition(
      queue_->Update(held, "dead-worker", absl::InfinitePast())));
}

TEST_F(SqliteJobQueueTest, RequeueAllReleasesEveryLease) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A")).ok());
  ASSERT_TRUE(queue_->Claim("w1", absl::Hours(1))->has_value());
  EXPECT_EQ(*queue_->RequeueAll(), 1);
  EXPECT_EQ(queue_->Get("A")->state(), v1::QUEUED);
  EXPECT_TRUE(queue_->Claim("w2", absl::Hours(1))->has_value());
}

TEST_F(SqliteJobQueueTest, RetryIsNotDueBeforeItsTime) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A")).ok());
  v1::Record r = **queue_->Claim("w1", absl::Hours(1));
  r.set_state(v1::QUEUED);
  ASSERT_TRUE(queue_->Update(r, "w1", clock_.Now() + absl::Seconds(10)).ok());
  EXPECT_FALSE(queue_->Claim("w1", absl::Hours(1))->has_value());
  clock_.Advance(absl::Seconds(11));
  EXPECT_TRUE(queue_->Claim("w1", absl::Hours(1))->has_value());
}

TEST_F(SqliteJobQueueTest, IdempotencyKeyIsUnique) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A", "aa", "k1")).ok());
  EXPECT_TRUE(
      absl::IsAlreadyExists(queue_->Enqueue(NewRecord("B", "bb", "k1"))));
  EXPECT_EQ((*queue_->FindByIdempotencyKey("k1"))->document_id(), "A");
  EXPECT_FALSE(queue_->FindByIdempotencyKey("k2")->has_value());
  // Documents without a key do not collide.
  EXPECT_TRUE(queue_->Enqueue(NewRecord("C", "cc")).ok());
  EXPECT_TRUE(queue_->Enqueue(NewRecord("D", "dd")).ok());
}

TEST_F(SqliteJobQueueTest, FindsTheFirstDocumentWithTheSameBytes) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A", "same")).ok());
  ASSERT_TRUE(queue_->Enqueue(NewRecord("B", "same")).ok());
  EXPECT_EQ(**queue_->FindBySha256("same"), "A");
  EXPECT_FALSE(queue_->FindBySha256("other")->has_value());
}

TEST_F(SqliteJobQueueTest, ListsWithFiltersAndPages) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(queue_->Enqueue(NewRecord(absl::StrCat("D", i))).ok());
    clock_.Advance(absl::Seconds(1));
  }
  ListFilter filter;
  filter.page_size = 2;
  std::vector<std::string> seen;
  do {
    absl::StatusOr<ListPage> page = queue_->List(filter);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& r : page->records) seen.push_back(r.document_id());
    filter.page_token = page->next_page_token;
  } while (!filter.page_token.empty());
  EXPECT_EQ(seen, (std::vector<std::string>{"D0", "D1", "D2", "D3", "D4"}));

  ListFilter by_time;
  by_time.received_after = absl::FromUnixSeconds(1700000002);
  by_time.received_before = absl::FromUnixSeconds(1700000004);
  EXPECT_EQ(queue_->List(by_time)->records.size(), 2u);

  ListFilter by_state;
  by_state.state = v1::ARCHIVED;
  EXPECT_TRUE(queue_->List(by_state)->records.empty());

  ListFilter bad;
  bad.page_token = "not-a-token";
  EXPECT_TRUE(absl::IsInvalidArgument(queue_->List(bad).status()));
}

TEST_F(SqliteJobQueueTest, ConcurrentEnqueuesAreGroupCommittedWithOwnStatus) {
  constexpr int kThreads = 16;
  std::vector<std::thread> threads;
  std::vector<absl::Status> results(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // Even threads share one idempotency key: exactly one of them wins.
      results[static_cast<size_t>(i)] = queue_->Enqueue(
          NewRecord(absl::StrCat("D", i), "sha", i % 2 == 0 ? "shared" : ""));
    });
  }
  for (std::thread& t : threads) t.join();
  int ok = 0, already_exists = 0;
  for (const absl::Status& s : results) {
    ok += s.ok();
    already_exists += absl::IsAlreadyExists(s);
  }
  EXPECT_EQ(ok, kThreads / 2 + 1);
  EXPECT_EQ(already_exists, kThreads / 2 - 1);
  EXPECT_EQ(queue_->List({})->records.size(), static_cast<size_t>(ok));
}

TEST_F(SqliteJobQueueTest, SurvivesReopen) {
  ASSERT_TRUE(queue_->Enqueue(NewRecord("A")).ok());
  queue_.reset();
  auto reopened = SqliteJobQueue::Open(dir_.Path("intake.db"), clock_);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->Get("A")->document_id(), "A");
  EXPECT_TRUE(absl::IsNotFound((*reopened)->Get("nope").status()));
}

}  // namespace
}  // namespace docintake::intake
