#include "archive/checkpointer.h"

#include "absl/strings/str_cat.h"
#include "base/log.h"

namespace docintake::archive {

void Checkpointer::Start() {
  thread_ = std::thread([this] {
    absl::MutexLock lock(&mu_);
    while (true) {
      auto stopping = [this]()
                          ABSL_SHARED_LOCKS_REQUIRED(mu_) { return stopping_; };
      if (mu_.AwaitWithTimeout(absl::Condition(&stopping), interval_)) return;
      mu_.Unlock();
      RunOnce();
      mu_.Lock();
    }
  });
}

void Checkpointer::Stop() {
  if (!thread_.joinable()) return;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
  RunOnce();  // What was archived before the stop gets its checkpoint.
}

void Checkpointer::RunOnce() {
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> checkpoint =
      store_.CreateCheckpoint();
  if (!checkpoint.ok()) {
    base::LogError("cannot sign a checkpoint",
                   {{"error", checkpoint.status().ToString()}});
  } else if (checkpoint->has_value()) {
    base::LogInfo("checkpoint signed",
                  {{"tree_size", absl::StrCat((*checkpoint)->tree_size())}});
  }
  if (tsa_ == nullptr) return;
  absl::StatusOr<int> stamped =
      store_.TimestampCheckpoints(*tsa_, tsa_ca_pems_);
  if (!stamped.ok()) {
    base::LogWarning("checkpoint timestamping failed, will retry",
                     {{"error", stamped.status().ToString()}});
  } else if (*stamped > 0) {
    base::LogInfo("checkpoints timestamped",
                  {{"count", absl::StrCat(*stamped)}});
  }
}

}  // namespace docintake::archive
