#include "ocr/internal/instance_pool.h"

namespace docintake::ocr::internal {

absl::StatusOr<InstancePool::Lease> InstancePool::Acquire() {
  {
    absl::MutexLock lock(&mu_);
    auto available = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return !idle_.empty() || created_ < size_;
    };
    mu_.Await(absl::Condition(&available));
    if (!idle_.empty()) {
      std::unique_ptr<TesseractInstance> instance = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(instance));
    }
    ++created_;
  }
  absl::StatusOr<std::unique_ptr<TesseractInstance>> created =
      TesseractInstance::Create(tessdata_dir_, language_);
  if (!created.ok()) {
    absl::MutexLock lock(&mu_);
    --created_;
    return created.status();
  }
  return Lease(*this, std::move(*created));
}

void InstancePool::Return(std::unique_ptr<TesseractInstance> instance) {
  absl::MutexLock lock(&mu_);
  idle_.push_back(std::move(instance));
}

}  // namespace docintake::ocr::internal
