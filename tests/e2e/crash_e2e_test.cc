// Crash safety of the real docintaked: rounds of concurrent submissions, each
// ended by SIGKILL at a random moment, then a normal start. Every acknowledged
// document must end up ARCHIVED with its bytes intact and provably in the log,
// and every checkpoint the server ever handed out must still be in its log.
// DOCINTAKE_CRASH_ROUNDS (default 50) sets the rounds; the seed is printed and
// DOCINTAKE_CRASH_SEED replays its kill delays. scripts/crash-soak.sh runs
// many rounds.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "archive/checkpoint.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_proof.h"
#include "archive/signing_key.h"
#include "base/sha256.h"
#include "docintake/v1/log.pb.h"
#include "tests/e2e/service_fixture.h"

namespace docintake::testing {
namespace {

constexpr int kDefaultRounds = 50;
constexpr int kClientThreads = 2;
constexpr int kMaxKillDelayMs = 300;
constexpr size_t kRandomBytesPerDocument = 64;
// Checks stop after this many failures: a broken build would otherwise report
// every one of thousands of documents.
constexpr int kMaxFailures = 50;

// A document the server acknowledged: what it promised to keep.
struct Acknowledged {
  std::string document_id;
  std::string sha256;  // lower-case hex, computed by the client
  int round = 0;
};

// The unsigned value of environment variable `name`, else `fallback`.
uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  uint64_t value = 0;
  if (text == nullptr || !absl::SimpleAtoi(text, &value)) return fallback;
  return value;
}

std::chrono::system_clock::time_point Deadline(absl::Duration d) {
  return absl::ToChronoTime(absl::Now() + d);
}

class CrashE2eTest : public ServiceFixture {
 protected:
  const std::vector<std::string> server_args_ = {"--checkpoint-interval",
                                                 "50ms"};

  // Each round starts its own server.
  void SetUp() override {}

  // Starts the server (recovering from the previous round's kill) and checks
  // that round's documents, then submits and polls checkpoints from other
  // threads and kills the server with SIGKILL after `kill_delay`.
  void RunRound(int round, absl::Duration kill_delay, uint64_t seed) {
    StartServer(server_args_);
    if (HasFatalFailure()) return;
    ExpectPublicKeyUnchanged();
    if (round > 0) ExpectAcknowledgedKnown(round - 1);
    stop_ = false;
    std::vector<std::thread> threads;
    for (int t = 0; t < kClientThreads; ++t) {
      threads.emplace_back(
          [this, round, t, seed] { SubmitUntilStopped(round, t, seed); });
    }
    threads.emplace_back([this] { PollCheckpointsUntilStopped(); });
    absl::SleepFor(kill_delay);
    server_->Kill();
    stop_ = true;
    for (std::thread& thread : threads) thread.join();
  }

  // Submits distinct small PNGs until stop_; remembers the acknowledged ones.
  // Failures are expected once the server is killed.
  void SubmitUntilStopped(int round, int thread, uint64_t seed) {
    std::mt19937_64 bytes(seed + static_cast<uint64_t>(round) * kClientThreads +
                          static_cast<uint64_t>(thread));
    for (int n = 0; !stop_; ++n) {
      std::string content = TinyDocument(
          absl::StrCat("round ", round, " thread ", thread, " #", n, "\n"));
      for (size_t i = 0; i < kRandomBytesPerDocument; ++i) {
        content.push_back(static_cast<char>(bytes() & 0xff));
      }
      v1::SubmitReply reply;
      if (!Submit(content, &reply, "", "crash.png").ok()) continue;
      Acknowledged ack{reply.document_id(), base::Sha256Hex(content), round};
      absl::MutexLock lock(&mu_);
      if (reply.sha256() != ack.sha256) {
        errors_.push_back(absl::StrCat("round ", round, ": ", ack.document_id,
                                       " acknowledged with sha256 ",
                                       reply.sha256(), ", sent ", ack.sha256));
      }
      acknowledged_.push_back(std::move(ack));
    }
  }

  // Fetches the latest checkpoint every few milliseconds until stop_.
  void PollCheckpointsUntilStopped() {
    while (!stop_) {
      grpc::ClientContext context;
      context.set_deadline(Deadline(absl::Seconds(5)));
      v1::SignedCheckpoint checkpoint;
      if (archive_
              ->GetCheckpoint(&context, v1::GetCheckpointRequest(), &checkpoint)
              .ok()) {
        Remember(checkpoint);
      }
      absl::SleepFor(absl::Milliseconds(10));
    }
  }

  // Keeps `checkpoint`; two different ones of one size are a forked log.
  void Remember(const v1::SignedCheckpoint& checkpoint) {
    absl::MutexLock lock(&mu_);
    auto [it, inserted] =
        checkpoints_.emplace(checkpoint.tree_size(), checkpoint);
    if (!inserted && (it->second.root_hash() != checkpoint.root_hash() ||
                      it->second.note() != checkpoint.note())) {
      errors_.push_back(
          absl::StrCat("two checkpoints of size ", checkpoint.tree_size(),
                       ":\n", it->second.note(), "and\n", checkpoint.note()));
    }
  }

  void ExpectPublicKeyUnchanged() {
    grpc::ClientContext context;
    context.set_deadline(Deadline(absl::Seconds(10)));
    v1::ArchivePublicKey key;
    grpc::Status status =
        archive_->GetPublicKey(&context, v1::GetPublicKeyRequest(), &key);
    ASSERT_TRUE(status.ok()) << status.error_message();
    if (public_key_pem_.empty()) public_key_pem_ = key.pem();
    EXPECT_EQ(key.pem(), public_key_pem_) << "the archive key changed";
  }

  // After a restart: the documents acknowledged in `round` are all known,
  // with the bytes that were sent.
  void ExpectAcknowledgedKnown(int round) {
    for (const Acknowledged& ack : AcknowledgedSnapshot()) {
      if (ack.round != round) continue;
      if (TooManyFailures()) return;
      grpc::ClientContext context;
      context.set_deadline(Deadline(absl::Seconds(10)));
      v1::GetDocumentRequest request;
      request.set_document_id(ack.document_id);
      v1::Record record;
      grpc::Status status = intake_->GetDocument(&context, request, &record);
      EXPECT_TRUE(status.ok())
          << "document " << ack.document_id << " acknowledged in round "
          << round << " is lost: " << status.error_message();
      EXPECT_EQ(record.intake().sha256(), ack.sha256) << ack.document_id;
    }
  }

  // Polls until every acknowledged document is ARCHIVED, failing for those
  // that are not once a minute passes without progress (a soak leaves a long
  // backlog); returns their records.
  std::map<std::string, v1::Record> WaitUntilAllArchived(
      const std::vector<Acknowledged>& acks) {
    absl::Time deadline = absl::Now() + absl::Minutes(1);
    std::map<std::string, v1::Record> archived;
    for (const Acknowledged& ack : acks) {
      if (TooManyFailures()) break;
      v1::Record record;
      while (true) {
        grpc::ClientContext context;
        context.set_deadline(Deadline(absl::Seconds(10)));
        v1::GetDocumentRequest request;
        request.set_document_id(ack.document_id);
        grpc::Status status = intake_->GetDocument(&context, request, &record);
        if (status.ok() && record.state() == v1::ARCHIVED) break;
        const bool settled_elsewhere =
            status.ok() &&
            (record.state() == v1::FAILED || record.state() == v1::REVIEW);
        const bool lost = status.error_code() == grpc::StatusCode::NOT_FOUND;
        if (settled_elsewhere || lost || absl::Now() > deadline) {
          ADD_FAILURE() << ack.document_id << " (round " << ack.round
                        << ") is not archived: " << status.error_message()
                        << " " << record.ShortDebugString();
          break;
        }
        absl::SleepFor(absl::Milliseconds(50));
      }
      if (record.state() == v1::ARCHIVED) {
        archived[ack.document_id] = record;
        deadline = absl::Now() + absl::Minutes(1);
      }
    }
    return archived;
  }

  // The latest checkpoint once it covers `size` leaves.
  v1::SignedCheckpoint WaitForCheckpointOf(uint64_t size) {
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    v1::SignedCheckpoint checkpoint;
    while (absl::Now() < deadline) {
      grpc::ClientContext context;
      context.set_deadline(Deadline(absl::Seconds(10)));
      if (archive_
              ->GetCheckpoint(&context, v1::GetCheckpointRequest(), &checkpoint)
              .ok() &&
          checkpoint.tree_size() >= size) {
        return checkpoint;
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
    ADD_FAILURE() << "no checkpoint of size " << size;
    return checkpoint;
  }

  // The archived bytes are the acknowledged ones, the server's own
  // verification passes, and a proof into `latest` verifies here.
  void ExpectIntactAndIncluded(const Acknowledged& ack,
                               const v1::Record& record,
                               const archive::Checkpoint& latest,
                               const archive::VerifyingKey& key) {
    SCOPED_TRACE(absl::StrCat(ack.document_id, " (round ", ack.round, ")"));
    EXPECT_EQ(base::Sha256Hex(ArchivedContent(ack.document_id)), ack.sha256);

    grpc::ClientContext verify_context;
    verify_context.set_deadline(Deadline(absl::Seconds(10)));
    v1::VerifyRecordRequest verify_request;
    verify_request.set_document_id(ack.document_id);
    v1::VerificationReport report;
    grpc::Status status =
        archive_->VerifyRecord(&verify_context, verify_request, &report);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(report.ok()) << report.DebugString();

    grpc::ClientContext proof_context;
    proof_context.set_deadline(Deadline(absl::Seconds(10)));
    v1::GetInclusionProofRequest proof_request;
    proof_request.set_document_id(ack.document_id);
    proof_request.set_tree_size(latest.tree_size);
    v1::InclusionProof proof;
    status = archive_->GetInclusionProof(&proof_context, proof_request, &proof);
    ASSERT_TRUE(status.ok()) << status.error_message();
    v1::LogLeaf leaf;
    ASSERT_TRUE(leaf.ParseFromString(proof.leaf_data()));
    EXPECT_EQ(leaf.record_version().document_id(), ack.document_id);
    EXPECT_EQ(proof.leaf_index(), record.archive().log_index());
    ASSERT_EQ(proof.tree_size(), latest.tree_size);
    absl::StatusOr<archive::Checkpoint> proof_note =
        archive::VerifyCheckpoint(proof.checkpoint().note(), key);
    ASSERT_TRUE(proof_note.ok()) << proof_note.status();
    EXPECT_EQ(proof_note->root_hash, latest.root_hash);
    const absl::Status included = archive::VerifyInclusion(
        archive::LeafHash(proof.leaf_data()), proof.leaf_index(),
        proof.tree_size(), {proof.hashes().begin(), proof.hashes().end()},
        latest.root_hash);
    EXPECT_TRUE(included.ok()) << included;
  }

  // `remembered` is still the checkpoint of its size, its note verifies, and
  // the log grew from it to `latest` by appending only.
  void ExpectConsistent(const v1::SignedCheckpoint& remembered,
                        const archive::Checkpoint& latest,
                        const archive::VerifyingKey& key) {
    const uint64_t size = remembered.tree_size();
    SCOPED_TRACE(absl::StrCat("checkpoint of size ", size));
    absl::StatusOr<archive::Checkpoint> signed_note =
        archive::VerifyCheckpoint(remembered.note(), key);
    ASSERT_TRUE(signed_note.ok()) << signed_note.status();
    EXPECT_EQ(signed_note->tree_size, size);
    EXPECT_EQ(signed_note->root_hash, remembered.root_hash());

    grpc::ClientContext context;
    context.set_deadline(Deadline(absl::Seconds(10)));
    v1::GetCheckpointRequest request;
    request.set_tree_size(size);
    v1::SignedCheckpoint now;
    grpc::Status status = archive_->GetCheckpoint(&context, request, &now);
    ASSERT_TRUE(status.ok()) << "a checkpoint handed out before a crash is "
                             << "gone: " << status.error_message();
    EXPECT_EQ(now.root_hash(), remembered.root_hash());
    EXPECT_EQ(now.note(), remembered.note());

    ASSERT_LE(size, latest.tree_size);
    grpc::ClientContext proof_context;
    proof_context.set_deadline(Deadline(absl::Seconds(10)));
    v1::GetConsistencyProofRequest proof_request;
    proof_request.set_old_size(size);
    proof_request.set_new_size(latest.tree_size);
    v1::ConsistencyProof proof;
    status =
        archive_->GetConsistencyProof(&proof_context, proof_request, &proof);
    ASSERT_TRUE(status.ok()) << status.error_message();
    const absl::Status consistent = archive::VerifyConsistency(
        size, latest.tree_size, signed_note->root_hash, latest.root_hash,
        {proof.hashes().begin(), proof.hashes().end()});
    EXPECT_TRUE(consistent.ok()) << consistent;
  }

  // True once kMaxFailures failures were reported (and says so, once).
  bool TooManyFailures() {
    const int failures = ::testing::UnitTest::GetInstance()
                             ->current_test_info()
                             ->result()
                             ->total_part_count();
    if (failures < kMaxFailures) return false;
    if (!gave_up_)
      ADD_FAILURE() << "stopped checking after " << failures << " failures";
    gave_up_ = true;
    return true;
  }

  std::vector<Acknowledged> AcknowledgedSnapshot() {
    absl::MutexLock lock(&mu_);
    return acknowledged_;
  }

  std::atomic<bool> stop_{false};
  std::string public_key_pem_;
  bool gave_up_ = false;
  absl::Mutex mu_;
  std::vector<Acknowledged> acknowledged_ ABSL_GUARDED_BY(mu_);
  // Every checkpoint the server returned, by tree size.
  std::map<uint64_t, v1::SignedCheckpoint> checkpoints_ ABSL_GUARDED_BY(mu_);
  // Found by the client threads; reported on the test's thread.
  std::vector<std::string> errors_ ABSL_GUARDED_BY(mu_);
};

TEST_F(CrashE2eTest, AcknowledgedDocumentsAndCheckpointsSurviveKill9) {
  const absl::Time start = absl::Now();
  const int rounds =
      static_cast<int>(EnvOr("DOCINTAKE_CRASH_ROUNDS", kDefaultRounds));
  const uint64_t seed = EnvOr("DOCINTAKE_CRASH_SEED", std::random_device()());
  const std::string replay = absl::StrCat("DOCINTAKE_CRASH_SEED=", seed,
                                          " DOCINTAKE_CRASH_ROUNDS=", rounds);
  std::cout << "[ crash    ] " << replay << std::endl;
  SCOPED_TRACE(replay);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> delay_ms(0, kMaxKillDelayMs);

  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    const int delay = delay_ms(rng);
    RunRound(round, absl::Milliseconds(delay), seed);
    if (HasFailure()) return;
  }

  const absl::Time rounds_done = absl::Now();
  StartServer(server_args_);
  ASSERT_FALSE(HasFatalFailure());
  ExpectPublicKeyUnchanged();
  ExpectAcknowledgedKnown(rounds - 1);
  const std::vector<Acknowledged> acks = AcknowledgedSnapshot();
  ASSERT_FALSE(acks.empty()) << "no submission was acknowledged in any round";
  {
    absl::MutexLock lock(&mu_);
    for (const std::string& error : errors_) ADD_FAILURE() << error;
  }

  const std::map<std::string, v1::Record> archived = WaitUntilAllArchived(acks);
  uint64_t needed = 0;
  for (const auto& [id, record] : archived) {
    needed = std::max(needed, record.archive().log_index() + 1);
  }
  const v1::SignedCheckpoint latest = WaitForCheckpointOf(needed);
  absl::StatusOr<archive::VerifyingKey> key =
      archive::VerifyingKey::FromPem(public_key_pem_);
  ASSERT_TRUE(key.ok()) << key.status();
  absl::StatusOr<archive::Checkpoint> latest_note =
      archive::VerifyCheckpoint(latest.note(), *key);
  ASSERT_TRUE(latest_note.ok()) << latest_note.status();
  ASSERT_EQ(latest_note->tree_size, latest.tree_size());
  ASSERT_EQ(latest_note->root_hash, latest.root_hash());

  for (const Acknowledged& ack : acks) {
    if (TooManyFailures()) break;
    auto it = archived.find(ack.document_id);
    if (it == archived.end()) continue;  // already reported
    ExpectIntactAndIncluded(ack, it->second, *latest_note, *key);
  }
  std::map<uint64_t, v1::SignedCheckpoint> remembered;
  {
    absl::MutexLock lock(&mu_);
    remembered = checkpoints_;
  }
  for (const auto& [size, checkpoint] : remembered) {
    if (TooManyFailures()) break;
    ExpectConsistent(checkpoint, *latest_note, *key);
  }
  EXPECT_TRUE(server_->Stop(absl::Seconds(30)).ok());

  std::cout << "[ crash    ] " << rounds << " rounds, " << acks.size()
            << " documents acknowledged, " << remembered.size()
            << " checkpoints remembered, log size " << latest.tree_size()
            << "; rounds " << absl::FormatDuration(rounds_done - start)
            << ", recovery and checks "
            << absl::FormatDuration(absl::Now() - rounds_done) << std::endl;
}

}  // namespace
}  // namespace docintake::testing
