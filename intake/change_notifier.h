// ChangeNotifier: wakes whoever waits for "something changed" — workers
// waiting for new jobs, WatchDocument calls waiting for state changes. A
// generation counter, so a change between reading and waiting is not missed.
// Thread-safe.
#ifndef DOCINTAKE_INTAKE_CHANGE_NOTIFIER_H_
#define DOCINTAKE_INTAKE_CHANGE_NOTIFIER_H_

#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace docintake::intake {

class ChangeNotifier {
 public:
  // The current generation; pass it to WaitForChange.
  uint64_t generation() const {
    absl::MutexLock lock(&mu_);
    return generation_;
  }
  // Signals a change to every waiter.
  void Notify() {
    absl::MutexLock lock(&mu_);
    ++generation_;
  }
  // Waits until the generation differs from `seen` or `timeout` passes;
  // returns whether it changed.
  bool WaitForChange(uint64_t seen, absl::Duration timeout) const {
    absl::MutexLock lock(&mu_);
    auto changed = [this, seen]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return generation_ != seen;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&changed), timeout);
  }

 private:
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_CHANGE_NOTIFIER_H_
