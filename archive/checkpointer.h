// Checkpointer: a background thread that signs a checkpoint of the archive
// log every `interval` when there are new leaves, and asks the configured TSA
// for RFC 3161 tokens on checkpoints that have none (retried every round
// while the TSA is unreachable). Stop() signs a last checkpoint. Start/Stop
// from one thread.
#ifndef DOCINTAKE_ARCHIVE_CHECKPOINTER_H_
#define DOCINTAKE_ARCHIVE_CHECKPOINTER_H_

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "archive/record_store.h"
#include "archive/timestamp.h"

namespace docintake::archive {

class Checkpointer {
 public:
  // `store` must outlive the checkpointer; `tsa` may be null (no timestamps).
  Checkpointer(RecordStore& store, absl::Duration interval,
               std::unique_ptr<TsaClient> tsa,
               std::vector<std::string> tsa_ca_pems)
      : store_(store),
        interval_(interval),
        tsa_(std::move(tsa)),
        tsa_ca_pems_(std::move(tsa_ca_pems)) {}
  ~Checkpointer() { Stop(); }

  void Start();
  void Stop();
  // One round: checkpoint, then timestamps. Public for tests and shutdown.
  void RunOnce();

 private:
  RecordStore& store_;
  const absl::Duration interval_;
  const std::unique_ptr<TsaClient> tsa_;
  const std::vector<std::string> tsa_ca_pems_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_CHECKPOINTER_H_
