#include "signature/der/der.h"

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace docintake::signature::der {
namespace {

// Indefinite-length nesting deeper than this is refused (real CMS needs < 10).
constexpr int kMaxIndefiniteDepth = 32;

absl::Status Malformed(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("malformed ASN.1: ", why));
}

uint8_t Byte(absl::string_view data, size_t i) {
  return static_cast<uint8_t>(data[i]);
}

absl::StatusOr<Tlv> ParseTlvAt(absl::string_view data, int depth) {
  if (data.empty()) return Malformed("no data where a value was expected");
  Tlv tlv;
  tlv.tag = Byte(data, 0);
  size_t pos = 1;
  if ((tlv.tag & 0x1f) == 0x1f) {  // high tag number form
    while (true) {
      if (pos >= data.size()) return Malformed("truncated identifier");
      if (pos > 5) return Malformed("tag number too large");
      if ((Byte(data, pos++) & 0x80) == 0) break;
    }
  }
  if (pos >= data.size()) return Malformed("truncated length");
  const uint8_t first = Byte(data, pos++);
  if (first == 0x80) {
    if (!tlv.constructed()) return Malformed("indefinite primitive value");
    if (depth >= kMaxIndefiniteDepth) return Malformed("nesting too deep");
    tlv.indefinite = true;
    tlv.minimal_length = false;
    const size_t start = pos;
    while (true) {
      if (data.size() - pos >= 2 && Byte(data, pos) == 0 &&
          Byte(data, pos + 1) == 0) {
        tlv.value = data.substr(start, pos - start);
        tlv.encoding = data.substr(0, pos + 2);
        return tlv;
      }
      absl::StatusOr<Tlv> child = ParseTlvAt(data.substr(pos), depth + 1);
      if (!child.ok()) return child.status();
      pos += child->encoding.size();
    }
  }
  size_t length = first;
  if ((first & 0x80) != 0) {
    const size_t count = first & 0x7f;
    if (count > 4) return Malformed("length field too long");
    if (data.size() - pos < count) return Malformed("truncated length");
    length = 0;
    for (size_t i = 0; i < count; ++i) {
      length = (length << 8) | Byte(data, pos + i);
    }
    tlv.minimal_length = length >= 0x80 && Byte(data, pos) != 0;
    pos += count;
  }
  if (data.size() - pos < length) {
    return Malformed(absl::StrCat("value of ", length, " bytes but only ",
                                  data.size() - pos, " left"));
  }
  tlv.value = data.substr(pos, length);
  tlv.encoding = data.substr(0, pos + length);
  return tlv;
}

}  // namespace

absl::StatusOr<Tlv> ParseTlv(absl::string_view data) {
  return ParseTlvAt(data, 0);
}

absl::StatusOr<Tlv> DerReader::Next() {
  absl::StatusOr<Tlv> tlv = ParseTlvAt(rest_, 0);
  if (tlv.ok()) rest_.remove_prefix(tlv->encoding.size());
  return tlv;
}

absl::StatusOr<Tlv> DerReader::Expect(uint8_t tag, absl::string_view what) {
  if (rest_.empty()) {
    return Malformed(absl::StrCat(what, " is missing"));
  }
  if (!PeekTag(tag)) {
    return Malformed(absl::StrCat(what, ": expected tag 0x",
                                  absl::Hex(tag, absl::kZeroPad2), ", found 0x",
                                  absl::Hex(Byte(rest_, 0), absl::kZeroPad2)));
  }
  return Next();
}

absl::StatusOr<std::string> DerReader::ExpectOid(absl::string_view what) {
  absl::StatusOr<Tlv> tlv = Expect(kTagOid, what);
  if (!tlv.ok()) return tlv.status();
  return OidToText(tlv->value);
}

namespace {
absl::Status AppendOctets(const Tlv& tlv, int depth, std::string& out) {
  if (!tlv.constructed()) {
    out.append(tlv.value.data(), tlv.value.size());
    return absl::OkStatus();
  }
  if (depth >= kMaxIndefiniteDepth) return Malformed("nesting too deep");
  DerReader segments(tlv.value);
  while (!segments.AtEnd()) {
    absl::StatusOr<Tlv> segment = segments.Next();
    if (!segment.ok()) return segment.status();
    if ((segment->tag & 0x1f) != kTagOctetString) {
      return Malformed("constructed OCTET STRING holds a non-OCTET STRING");
    }
    absl::Status appended = AppendOctets(*segment, depth + 1, out);
    if (!appended.ok()) return appended;
  }
  return absl::OkStatus();
}
}  // namespace

absl::StatusOr<std::string> OctetStringContents(const Tlv& tlv) {
  std::string out;
  absl::Status appended = AppendOctets(tlv, 0, out);
  if (!appended.ok()) return appended;
  return out;
}

absl::StatusOr<std::string> OidToText(absl::string_view contents) {
  if (contents.empty()) return Malformed("empty OBJECT IDENTIFIER");
  if ((Byte(contents, contents.size() - 1) & 0x80) != 0) {
    return Malformed("truncated OBJECT IDENTIFIER");
  }
  std::string out;
  uint64_t arc = 0;
  bool first = true;
  for (size_t i = 0; i < contents.size(); ++i) {
    if (arc > (uint64_t{1} << 56)) return Malformed("OID arc too large");
    arc = (arc << 7) | (Byte(contents, i) & 0x7f);
    if ((Byte(contents, i) & 0x80) != 0) continue;
    if (first) {
      const uint64_t top = arc < 40 ? 0 : (arc < 80 ? 1 : 2);
      absl::StrAppend(&out, top, ".", arc - 40 * top);
      first = false;
    } else {
      absl::StrAppend(&out, ".", arc);
    }
    arc = 0;
  }
  return out;
}

absl::string_view IntegerMagnitude(absl::string_view contents) {
  while (!contents.empty() && contents[0] == '\0') contents.remove_prefix(1);
  return contents;
}

std::string EncodeTlv(uint8_t tag, absl::string_view contents) {
  std::string out(1, static_cast<char>(tag));
  const size_t n = contents.size();
  if (n < 0x80) {
    out.push_back(static_cast<char>(n));
  } else {
    std::string length;
    for (size_t rest = n; rest > 0; rest >>= 8) {
      length.insert(length.begin(), static_cast<char>(rest & 0xff));
    }
    out.push_back(static_cast<char>(0x80 | length.size()));
    out += length;
  }
  out.append(contents.data(), contents.size());
  return out;
}

std::string EncodeUnsignedInteger(absl::string_view magnitude) {
  magnitude = IntegerMagnitude(magnitude);
  std::string contents;
  if (magnitude.empty() || (Byte(magnitude, 0) & 0x80) != 0) {
    contents.push_back('\0');
  }
  contents.append(magnitude.data(), magnitude.size());
  return EncodeTlv(kTagInteger, contents);
}

absl::StatusOr<std::vector<absl::string_view>> Elements(
    absl::string_view contents) {
  std::vector<absl::string_view> out;
  DerReader reader(contents);
  while (!reader.AtEnd()) {
    absl::StatusOr<Tlv> tlv = reader.Next();
    if (!tlv.ok()) return tlv.status();
    out.push_back(tlv->encoding);
  }
  return out;
}

}  // namespace docintake::signature::der
