#include "bench/intake/submit_load.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "bench/intake/submission.h"

namespace docintake::bench {
namespace {

constexpr absl::Duration kConnectTimeout = absl::Seconds(10);

// What the client threads share. Thread-safe.
class SharedProgress {
 public:
  explicit SharedProgress(int count) : count_(count) {}

  // The next submission index, or -1 when all are taken or the run failed.
  int64_t Next() {
    if (failed_.load()) return -1;
    const int64_t index = next_.fetch_add(1);
    return index < count_ ? index : -1;
  }

  void Record(const SubmissionOutcome& outcome) {
    absl::MutexLock lock(&mu_);
    latencies_.push_back(outcome.ack_latency);
    if (outcome.duplicate) ++duplicates_;
    if (outcome.replayed) ++replayed_;
  }

  // Keeps the first failure and stops the other clients.
  void Fail(absl::Status status) {
    absl::MutexLock lock(&mu_);
    if (first_error_.ok()) first_error_ = std::move(status);
    failed_.store(true);
  }

  // Once all clients have stopped.
  absl::StatusOr<LoadResult> Finish() {
    absl::MutexLock lock(&mu_);
    if (!first_error_.ok()) return first_error_;
    LoadResult result;
    std::sort(latencies_.begin(), latencies_.end());
    result.latencies = std::move(latencies_);
    result.duplicates = duplicates_;
    result.replayed = replayed_;
    return result;
  }

 private:
  const int64_t count_;
  std::atomic<int64_t> next_{0};
  std::atomic<bool> failed_{false};
  absl::Mutex mu_;
  std::vector<absl::Duration> latencies_ ABSL_GUARDED_BY(mu_);
  int duplicates_ ABSL_GUARDED_BY(mu_) = 0;
  int replayed_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status first_error_ ABSL_GUARDED_BY(mu_);
};

// A channel of its own: without a local subchannel pool, gRPC would share one
// connection between channels to the same address.
absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(
    const std::string& address) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  std::shared_ptr<grpc::Channel> channel = grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), args);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 absl::ToChronoMilliseconds(kConnectTimeout))) {
    return absl::UnavailableError(
        absl::StrCat("cannot connect to ", address, " within ",
                     absl::FormatDuration(kConnectTimeout)));
  }
  return channel;
}

void RunClient(v1::IntakeService::Stub& stub,
               const std::vector<CorpusFile>& files, const LoadConfig& config,
               SharedProgress& progress) {
  for (int64_t index = progress.Next(); index >= 0; index = progress.Next()) {
    absl::StatusOr<SubmissionOutcome> outcome =
        Submit(stub, FileForSubmission(files, index), config.run_id, index,
               config.rpc_timeout);
    if (!outcome.ok()) {
      progress.Fail(outcome.status());
      return;
    }
    progress.Record(*outcome);
  }
}

}  // namespace

absl::StatusOr<LoadResult> RunSubmitLoad(const std::vector<CorpusFile>& files,
                                         const LoadConfig& config) {
  // Stubs hold their channels.
  std::vector<std::unique_ptr<v1::IntakeService::Stub>> stubs;
  stubs.reserve(static_cast<size_t>(config.clients));
  for (int i = 0; i < config.clients; ++i) {
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
        Connect(config.address);
    if (!channel.ok()) return channel.status();
    stubs.push_back(v1::IntakeService::NewStub(*channel));
  }

  SharedProgress progress(config.count);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  clients.reserve(stubs.size());
  for (auto& stub : stubs) {
    clients.emplace_back([&stub, &files, &config, &progress] {
      RunClient(*stub, files, config, progress);
    });
  }
  for (std::thread& client : clients) client.join();
  const auto end = std::chrono::steady_clock::now();

  absl::StatusOr<LoadResult> result = progress.Finish();
  if (!result.ok()) return result;
  result->figures.documents = config.count;
  result->figures.bytes = BytesForSubmissions(files, config.count);
  result->figures.seconds = std::chrono::duration<double>(end - start).count();
  return result;
}

absl::Duration Quantile(const std::vector<absl::Duration>& sorted, double q) {
  if (sorted.empty()) return absl::ZeroDuration();
  const double rank = std::ceil(q * static_cast<double>(sorted.size()));
  const size_t index = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace docintake::bench
