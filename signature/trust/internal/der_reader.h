// A minimal, bounds-checked DER reader for the few structures OpenSSL does
// not decode for us (qcStatements). Reads definite-length TLVs only.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_DER_READER_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_DER_READER_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature::trust_internal {

class DerReader {
 public:
  explicit DerReader(absl::string_view data) : data_(data) {}

  bool empty() const { return data_.empty(); }
  // Reads one TLV; `tag` is the identifier octet, the result its contents.
  absl::StatusOr<absl::string_view> Read(uint8_t* tag);
  // Reads a SEQUENCE (0x30) and returns its contents.
  absl::StatusOr<absl::string_view> ReadSequence();
  // Reads an OBJECT IDENTIFIER and returns its dotted form.
  absl::StatusOr<std::string> ReadOid();

 private:
  absl::string_view data_;
};

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_DER_READER_H_
