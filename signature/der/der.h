// The one bounds-checked reader of ASN.1 BER/DER TLVs over untrusted bytes
// in signature/ (CMS and timestamp parsing in cms/, qcStatements in trust/),
// and the few DER writing helpers they need. Values are views into the
// caller's buffer, which must outlive them. Indefinite lengths (BER) are
// followed to their end-of-contents octets with a nesting limit, so hostile
// input ends in an error, never in deep recursion. Stateless; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_DER_DER_H_
#define DOCINTAKE_SIGNATURE_DER_DER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature::der {

// Identifier octets of the universal and context tags we meet.
inline constexpr uint8_t kTagInteger = 0x02;
inline constexpr uint8_t kTagBitString = 0x03;
inline constexpr uint8_t kTagOctetString = 0x04;
inline constexpr uint8_t kTagNull = 0x05;
inline constexpr uint8_t kTagOid = 0x06;
inline constexpr uint8_t kTagEnumerated = 0x0a;
inline constexpr uint8_t kTagUtcTime = 0x17;
inline constexpr uint8_t kTagGeneralizedTime = 0x18;
inline constexpr uint8_t kTagSequence = 0x30;
inline constexpr uint8_t kTagSet = 0x31;
inline constexpr uint8_t kTagConstructedOctetString = 0x24;
// Context-specific [n]: primitive 0x80 | n, constructed 0xa0 | n.
constexpr uint8_t ContextTag(int n, bool constructed) {
  return static_cast<uint8_t>((constructed ? 0xa0 : 0x80) | n);
}

// One decoded TLV.
struct Tlv {
  uint8_t tag = 0;             // first identifier octet
  bool indefinite = false;     // BER indefinite length
  bool minimal_length = true;  // definite length in its shortest form
  absl::string_view value;     // contents (without end-of-contents octets)
  absl::string_view encoding;  // identifier, length, contents (and EOC)

  bool constructed() const { return (tag & 0x20) != 0; }
};

// Reads consecutive TLVs from a buffer.
class DerReader {
 public:
  explicit DerReader(absl::string_view data) : rest_(data) {}

  bool AtEnd() const { return rest_.empty(); }
  // True if the next TLV starts with identifier octet `tag`.
  bool PeekTag(uint8_t tag) const {
    return !rest_.empty() && static_cast<uint8_t>(rest_[0]) == tag;
  }
  // The next TLV; INVALID_ARGUMENT if it is malformed or truncated.
  absl::StatusOr<Tlv> Next();
  // The next TLV, which must have identifier octet `tag`; `what` names the
  // field in the error.
  absl::StatusOr<Tlv> Expect(uint8_t tag, absl::string_view what);
  // The dotted text of the next TLV, which must be an OBJECT IDENTIFIER;
  // INVALID_ARGUMENT as Expect() and OidToText().
  absl::StatusOr<std::string> ExpectOid(absl::string_view what);
  // The bytes not yet read.
  absl::string_view rest() const { return rest_; }

 private:
  absl::string_view rest_;
};

// Parses exactly one TLV at the start of `data`, ignoring what follows.
absl::StatusOr<Tlv> ParseTlv(absl::string_view data);

// The contents of an OCTET STRING, primitive (0x04) or constructed (0x24,
// BER: concatenation of its segments); `tag` may be an implicit tag whose
// constructed bit decides which.
absl::StatusOr<std::string> OctetStringContents(const Tlv& tlv);

// Dotted text of an OBJECT IDENTIFIER's contents ("1.2.840.113549.1.7.2");
// INVALID_ARGUMENT for a malformed encoding.
absl::StatusOr<std::string> OidToText(absl::string_view contents);

// The unsigned magnitude of an INTEGER's contents without leading zero
// octets (a positive serial number compares equal however it was padded).
absl::string_view IntegerMagnitude(absl::string_view contents);

// DER of a TLV with a definite, minimal length.
std::string EncodeTlv(uint8_t tag, absl::string_view contents);
// DER INTEGER of a non-negative big-endian magnitude.
std::string EncodeUnsignedInteger(absl::string_view magnitude);

// Splits the contents of a SET/SEQUENCE into the encodings of its elements.
absl::StatusOr<std::vector<absl::string_view>> Elements(
    absl::string_view contents);

}  // namespace docintake::signature::der

#endif  // DOCINTAKE_SIGNATURE_DER_DER_H_
