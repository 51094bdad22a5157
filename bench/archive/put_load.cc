#include "bench/archive/put_load.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "base/document_id.h"
#include "bench/archive/payload.h"

namespace docintake::bench {
namespace {

// What the intake pipeline would have filled in before archiving.
v1::Record RecordFor(int64_t index, size_t size) {
  v1::Record record;
  record.set_document_id(base::NewDocumentId(absl::Now()));
  v1::IntakeFacts& intake = *record.mutable_intake();
  intake.set_filename(absl::StrCat("bench-", index, ".bin"));
  intake.set_size(size);
  intake.set_media_type("application/octet-stream");
  return record;
}

// The state the writer threads share.
class PutCounter {
 public:
  explicit PutCounter(int count) : count_(count) {}

  // The next put to do; false when none is left or a put failed.
  bool Next(int64_t& index) {
    index = next_.fetch_add(1);
    return index < count_;
  }
  void Fail(absl::Status status) {
    next_.store(count_);
    absl::MutexLock lock(&mu_);
    if (first_error_.ok()) first_error_ = std::move(status);
  }
  absl::Status FirstError() {
    absl::MutexLock lock(&mu_);
    return first_error_;
  }

 private:
  const int64_t count_;
  std::atomic<int64_t> next_{0};
  absl::Mutex mu_;
  absl::Status first_error_ ABSL_GUARDED_BY(mu_);
};

void PutUntilDone(archive::RecordStore& store, int phase, std::string& content,
                  PutCounter& counter) {
  int64_t index = 0;
  while (counter.Next(index)) {
    StampPayload(PayloadTag(phase, index), content);
    absl::StatusOr<v1::ArchiveFacts> facts =
        store.Archive(RecordFor(index, content.size()), content);
    if (!facts.ok()) {
      counter.Fail(facts.status());
      return;
    }
  }
}

}  // namespace

absl::StatusOr<Measurement> RunPuts(archive::RecordStore& store,
                                    const std::string& block,
                                    const PutLoad& load) {
  // Each writer stamps its own copy; copied before the clock starts.
  std::vector<std::string> contents(static_cast<size_t>(load.writers), block);
  PutCounter counter(load.count);

  const Stopwatch stopwatch;
  std::vector<std::thread> writers;
  writers.reserve(contents.size());
  for (std::string& content : contents) {
    writers.emplace_back([&store, &load, &content, &counter] {
      PutUntilDone(store, load.phase, content, counter);
    });
  }
  for (std::thread& writer : writers) writer.join();
  const double seconds = stopwatch.Seconds();

  if (absl::Status error = counter.FirstError(); !error.ok()) return error;
  return Measurement{load.count,
                     static_cast<uint64_t>(load.count) * block.size(), seconds};
}

}  // namespace docintake::bench
