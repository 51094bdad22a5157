#include "signature/trust/internal/der_reader.h"

#include "absl/strings/str_cat.h"

namespace docintake::signature::trust_internal {

absl::StatusOr<absl::string_view> DerReader::Read(uint8_t* tag) {
  if (data_.size() < 2) return absl::InvalidArgumentError("truncated DER");
  *tag = static_cast<uint8_t>(data_[0]);
  if ((*tag & 0x1f) == 0x1f) {
    return absl::InvalidArgumentError("multi-byte DER tags not supported");
  }
  size_t pos = 1;
  const uint8_t first = static_cast<uint8_t>(data_[pos++]);
  size_t length = 0;
  if (first < 0x80) {
    length = first;
  } else {
    const size_t count = first & 0x7f;
    if (count == 0 || count > 4 || data_.size() < pos + count) {
      return absl::InvalidArgumentError("bad DER length");
    }
    for (size_t i = 0; i < count; ++i) {
      length = (length << 8) | static_cast<uint8_t>(data_[pos++]);
    }
  }
  if (length > data_.size() - pos) {
    return absl::InvalidArgumentError("DER length beyond the data");
  }
  const absl::string_view contents = data_.substr(pos, length);
  data_.remove_prefix(pos + length);
  return contents;
}

absl::StatusOr<absl::string_view> DerReader::ReadSequence() {
  uint8_t tag = 0;
  auto contents = Read(&tag);
  if (!contents.ok()) return contents.status();
  if (tag != 0x30) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected SEQUENCE, found tag ", tag));
  }
  return contents;
}

absl::StatusOr<std::string> DerReader::ReadOid() {
  uint8_t tag = 0;
  auto contents = Read(&tag);
  if (!contents.ok()) return contents.status();
  if (tag != 0x06 || contents->empty()) {
    return absl::InvalidArgumentError("expected OBJECT IDENTIFIER");
  }
  std::string out;
  uint64_t value = 0;
  bool first = true;
  for (size_t i = 0; i < contents->size(); ++i) {
    const uint8_t byte = static_cast<uint8_t>((*contents)[i]);
    if (value > (UINT64_MAX >> 7)) {
      return absl::InvalidArgumentError("OID arc too large");
    }
    value = (value << 7) | (byte & 0x7f);
    if (byte & 0x80) {
      if (i + 1 == contents->size()) {
        return absl::InvalidArgumentError("truncated OID");
      }
      continue;
    }
    if (first) {
      const uint64_t top = value < 40 ? 0 : (value < 80 ? 1 : 2);
      absl::StrAppend(&out, top, ".", value - top * 40);
      first = false;
    } else {
      absl::StrAppend(&out, ".", value);
    }
    value = 0;
  }
  return out;
}

}  // namespace docintake::signature::trust_internal
