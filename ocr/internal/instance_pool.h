// A bounded pool of Tesseract instances: at most `size` exist, created on
// first demand and reused; Acquire blocks while all are lent out. The lease
// returns its instance when it goes out of scope. Thread-safe.
#ifndef DOCINTAKE_OCR_INTERNAL_INSTANCE_POOL_H_
#define DOCINTAKE_OCR_INTERNAL_INSTANCE_POOL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "ocr/internal/tesseract_instance.h"

namespace docintake::ocr::internal {

class InstancePool {
 public:
  InstancePool(std::string tessdata_dir, std::string language, int size)
      : tessdata_dir_(std::move(tessdata_dir)),
        language_(std::move(language)),
        size_(size) {}

  class Lease {
   public:
    Lease(InstancePool& pool, std::unique_ptr<TesseractInstance> instance)
        : pool_(&pool), instance_(std::move(instance)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (instance_ != nullptr) pool_->Return(std::move(instance_));
    }
    TesseractInstance* operator->() const { return instance_.get(); }

   private:
    InstancePool* pool_;
    std::unique_ptr<TesseractInstance> instance_;
  };

  // FAILED_PRECONDITION when a new instance cannot load its language.
  absl::StatusOr<Lease> Acquire();

 private:
  void Return(std::unique_ptr<TesseractInstance> instance);

  const std::string tessdata_dir_;
  const std::string language_;
  const int size_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<TesseractInstance>> idle_ ABSL_GUARDED_BY(mu_);
  int created_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_INSTANCE_POOL_H_
