// Incremental SHA-256 (OpenSSL EVP behind our own type). Not thread-safe; one
// hasher per stream.
#ifndef DOCINTAKE_BASE_SHA256_H_
#define DOCINTAKE_BASE_SHA256_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"

namespace docintake::base {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(absl::string_view data);
  // The 32-byte digest; the hasher must not be used afterwards.
  std::string Finish();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_SHA256_H_
