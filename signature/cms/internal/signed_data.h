// The structure of a CMS ContentInfo / SignedData (RFC 5652 §5) as views
// into the received bytes, walked with our own DER reader so that the exact
// received encodings (SignedAttributes, certificates, unknown revocation
// formats) stay available. Views point into the caller's buffer, which must
// outlive the result. Thread-compatible plain data.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_SIGNED_DATA_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_SIGNED_DATA_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature::internal {

inline constexpr absl::string_view kOidSignedData = "1.2.840.113549.1.7.2";
inline constexpr absl::string_view kOidData = "1.2.840.113549.1.7.1";
inline constexpr absl::string_view kOidTstInfo = "1.2.840.113549.1.9.16.1.4";

struct AlgorithmIdentifier {
  std::string oid;
  absl::string_view parameters;  // encoding of the parameters, "" if absent
};

struct Attribute {
  std::string oid;
  std::vector<absl::string_view> values;  // encodings of the AttributeValues
};

struct SignerInfoView {
  // SignerIdentifier: issuerAndSerialNumber or [0] subjectKeyIdentifier.
  bool sid_is_key_id = false;
  absl::string_view sid_issuer;  // encoding of the issuer Name
  absl::string_view sid_serial;  // contents of the serialNumber INTEGER
  std::string sid_key_id;
  AlgorithmIdentifier digest_algorithm;
  bool has_signed_attributes = false;
  absl::string_view signed_attributes_encoding;  // the whole [0] TLV
  absl::string_view signed_attributes_contents;  // inside the [0] tag
  bool signed_attributes_minimal_length = true;  // definite, shortest form
  std::vector<Attribute> signed_attributes;
  AlgorithmIdentifier signature_algorithm;
  std::string signature;
  std::vector<Attribute> unsigned_attributes;
};

// An OtherRevocationInfoFormat (RFC 5652 §10.2.1) from SignedData.crls.
struct OtherRevocationInfo {
  std::string format_oid;
  absl::string_view info;  // encoding of otherRevInfo
};

struct SignedDataView {
  std::string content_type;     // ContentInfo.contentType
  bool is_signed_data = false;  // the rest is empty unless set
  std::string econtent_type;    // EncapsulatedContentInfo.eContentType
  std::optional<std::string> econtent;
  std::vector<absl::string_view> certificates;  // Certificate encodings
  std::vector<absl::string_view> crls;          // CertificateList encodings
  std::vector<OtherRevocationInfo> other_revocation;
  std::vector<SignerInfoView> signer_infos;
};

// Walks a DER/BER ContentInfo at the start of `cms` (bytes after it, such
// as the zero padding of a PDF /Contents, are ignored). INVALID_ARGUMENT,
// naming the field, for anything that is not a well-formed ContentInfo /
// SignedData.
absl::StatusOr<SignedDataView> ParseSignedData(absl::string_view cms);

// The attribute with `oid`, or nullptr.
const Attribute* FindAttribute(const std::vector<Attribute>& attributes,
                               absl::string_view oid);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_SIGNED_DATA_H_
