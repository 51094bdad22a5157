// ObjectStore: immutable, content-addressed objects. An object's address is
// "sha256:<hex>" of its bytes; storing the same bytes twice stores them once.
// Put returns only once the object is durable. Implementations are
// thread-safe.
#ifndef DOCINTAKE_ARCHIVE_OBJECT_STORE_H_
#define DOCINTAKE_ARCHIVE_OBJECT_STORE_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/file_system.h"

namespace docintake::archive {

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  // Stores `content` durably and returns its address.
  virtual absl::StatusOr<std::string> Put(absl::string_view content) = 0;
  // Opens the object at `address`; NOT_FOUND if there is none.
  virtual absl::StatusOr<std::unique_ptr<base::SequentialFile>> Open(
      absl::string_view address) = 0;
  // Deletes the object durably (only for a disposition; the caller makes sure
  // no record still needs it). Deleting a missing object is OK.
  virtual absl::Status Delete(absl::string_view address) = 0;
};

// "sha256:<hex>" for `content`.
std::string ContentAddress(absl::string_view content);

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_OBJECT_STORE_H_
