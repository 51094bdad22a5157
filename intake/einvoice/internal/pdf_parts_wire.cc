// Wire form of PdfParts: length-prefixed strings (8 bytes little endian).
#include <cstdint>
#include <string>

#include "intake/einvoice/internal/pdf_parts.h"

namespace docintake::einvoice::internal {
namespace {

void Put(absl::string_view s, std::string* out) {
  uint64_t n = s.size();
  for (int i = 0; i < 8; ++i) {
    out->push_back(static_cast<char>(n & 0xff));
    n >>= 8;
  }
  out->append(s.data(), s.size());
}

bool Get(absl::string_view* in, std::string* value) {
  if (in->size() < 8) return false;
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) {
    n = (n << 8) | static_cast<unsigned char>((*in)[static_cast<size_t>(i)]);
  }
  in->remove_prefix(8);
  if (n > in->size()) return false;
  value->assign(in->data(), static_cast<size_t>(n));
  in->remove_prefix(static_cast<size_t>(n));
  return true;
}

}  // namespace

std::string EncodePdfParts(const PdfParts& parts) {
  std::string out;
  Put(parts.xmp, &out);
  Put(std::to_string(parts.files.size()), &out);
  for (const PdfEmbeddedFile& f : parts.files) {
    Put(f.name, &out);
    Put(f.af_relationship, &out);
    Put(f.in_name_tree ? "1" : "0", &out);
    Put(f.in_af ? "1" : "0", &out);
    Put(f.subtype, &out);
    Put(f.bytes, &out);
  }
  return out;
}

absl::StatusOr<PdfParts> DecodePdfParts(absl::string_view wire) {
  const absl::Status bad = absl::DataLossError("malformed PDF parts message");
  PdfParts parts;
  std::string count_text;
  if (!Get(&wire, &parts.xmp) || !Get(&wire, &count_text)) return bad;
  size_t count = 0;
  for (char c : count_text) {
    if (c < '0' || c > '9' || count > 1000000) return bad;
    count = count * 10 + static_cast<size_t>(c - '0');
  }
  for (size_t i = 0; i < count; ++i) {
    PdfEmbeddedFile f;
    std::string in_tree, in_af;
    if (!Get(&wire, &f.name) || !Get(&wire, &f.af_relationship) ||
        !Get(&wire, &in_tree) || !Get(&wire, &in_af) ||
        !Get(&wire, &f.subtype) || !Get(&wire, &f.bytes)) {
      return bad;
    }
    f.in_name_tree = in_tree == "1";
    f.in_af = in_af == "1";
    parts.files.push_back(std::move(f));
  }
  if (!wire.empty()) return bad;
  return parts;
}

}  // namespace docintake::einvoice::internal
