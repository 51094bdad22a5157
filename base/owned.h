// RAII for C handles: Owned<T, kFree> is a std::unique_ptr that frees with
// the library's own function (e.g. Owned<EVP_PKEY, EVP_PKEY_free>), and Fd
// owns a POSIX file descriptor. Wrap a handle the moment it is created.
#ifndef DOCINTAKE_BASE_OWNED_H_
#define DOCINTAKE_BASE_OWNED_H_

#include <unistd.h>

#include <memory>

namespace docintake::base {

template <auto kFree>
struct FreeWith {
  template <typename T>
  void operator()(T* p) const {
    kFree(p);
  }
};

template <typename T, auto kFree>
using Owned = std::unique_ptr<T, FreeWith<kFree>>;

// Owns a file descriptor (-1 = none). Not copyable.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }

  int get() const { return fd_; }
  // Closes the descriptor now; returns close()'s result (0 if none).
  int Close() {
    const int rc = fd_ >= 0 ? ::close(fd_) : 0;
    fd_ = -1;
    return rc;
  }
  // Closes the current descriptor and takes `fd`.
  void Reset(int fd = -1) {
    Close();
    fd_ = fd;
  }

 private:
  int fd_;
};

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_OWNED_H_
