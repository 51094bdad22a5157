#include "signature/cms/internal/signed_data.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

absl::StatusOr<AlgorithmIdentifier> ReadAlgorithm(der::DerReader& reader,
                                                  absl::string_view what) {
  ASSIGN_OR_RETURN(const der::Tlv seq, reader.Expect(der::kTagSequence, what));
  der::DerReader inner(seq.value);
  AlgorithmIdentifier alg;
  ASSIGN_OR_RETURN(alg.oid, inner.ExpectOid(what));
  if (!inner.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv params, inner.Next());
    alg.parameters = params.encoding;
  }
  return alg;
}

// Attributes ::= SET OF Attribute, given the contents of the SET.
absl::StatusOr<std::vector<Attribute>> ReadAttributes(
    absl::string_view contents) {
  std::vector<Attribute> out;
  der::DerReader reader(contents);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv seq,
                     reader.Expect(der::kTagSequence, "Attribute"));
    der::DerReader inner(seq.value);
    Attribute attribute;
    ASSIGN_OR_RETURN(attribute.oid, inner.ExpectOid("attrType"));
    ASSIGN_OR_RETURN(const der::Tlv values,
                     inner.Expect(der::kTagSet, "attrValues"));
    ASSIGN_OR_RETURN(attribute.values, der::Elements(values.value));
    out.push_back(std::move(attribute));
  }
  return out;
}

absl::StatusOr<SignerInfoView> ReadSignerInfo(absl::string_view encoding) {
  ASSIGN_OR_RETURN(const der::Tlv seq, der::ParseTlv(encoding));
  if (seq.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("SignerInfo is not a SEQUENCE");
  }
  der::DerReader reader(seq.value);
  RETURN_IF_ERROR(
      reader.Expect(der::kTagInteger, "SignerInfo.version").status());
  SignerInfoView info;
  ASSIGN_OR_RETURN(const der::Tlv sid, reader.Next());
  if (sid.tag == der::ContextTag(0, false) ||
      sid.tag == der::ContextTag(0, true)) {
    info.sid_is_key_id = true;
    ASSIGN_OR_RETURN(info.sid_key_id, der::OctetStringContents(sid));
  } else if (sid.tag == der::kTagSequence) {
    der::DerReader ias(sid.value);
    ASSIGN_OR_RETURN(const der::Tlv issuer,
                     ias.Expect(der::kTagSequence, "sid.issuer"));
    ASSIGN_OR_RETURN(const der::Tlv serial,
                     ias.Expect(der::kTagInteger, "sid.serialNumber"));
    info.sid_issuer = issuer.encoding;
    info.sid_serial = serial.value;
  } else {
    return absl::InvalidArgumentError("SignerIdentifier has an unknown form");
  }
  ASSIGN_OR_RETURN(info.digest_algorithm,
                   ReadAlgorithm(reader, "SignerInfo.digestAlgorithm"));
  if (reader.PeekTag(der::ContextTag(0, true))) {
    ASSIGN_OR_RETURN(const der::Tlv attrs, reader.Next());
    info.has_signed_attributes = true;
    info.signed_attributes_encoding = attrs.encoding;
    info.signed_attributes_contents = attrs.value;
    info.signed_attributes_minimal_length = attrs.minimal_length;
    ASSIGN_OR_RETURN(info.signed_attributes, ReadAttributes(attrs.value));
  }
  ASSIGN_OR_RETURN(info.signature_algorithm,
                   ReadAlgorithm(reader, "SignerInfo.signatureAlgorithm"));
  ASSIGN_OR_RETURN(const der::Tlv signature, reader.Next());
  if ((signature.tag & 0x1f) != der::kTagOctetString) {
    return absl::InvalidArgumentError(
        "SignerInfo.signature is not an OCTET STRING");
  }
  ASSIGN_OR_RETURN(info.signature, der::OctetStringContents(signature));
  if (reader.PeekTag(der::ContextTag(1, true))) {
    ASSIGN_OR_RETURN(const der::Tlv attrs, reader.Next());
    ASSIGN_OR_RETURN(info.unsigned_attributes, ReadAttributes(attrs.value));
  }
  return info;
}

absl::Status ReadRevocationChoices(absl::string_view contents,
                                   SignedDataView& out) {
  der::DerReader reader(contents);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv choice, reader.Next());
    if (choice.tag == der::kTagSequence) {
      out.crls.push_back(choice.encoding);
    } else if (choice.tag == der::ContextTag(1, true)) {
      der::DerReader inner(choice.value);
      OtherRevocationInfo other;
      ASSIGN_OR_RETURN(other.format_oid, inner.ExpectOid("otherRevInfoFormat"));
      ASSIGN_OR_RETURN(const der::Tlv info, inner.Next());
      other.info = info.encoding;
      out.other_revocation.push_back(std::move(other));
    }
  }
  return absl::OkStatus();
}

absl::Status ReadEncapsulatedContent(der::DerReader& reader,
                                     SignedDataView& out) {
  ASSIGN_OR_RETURN(const der::Tlv eci,
                   reader.Expect(der::kTagSequence, "encapContentInfo"));
  der::DerReader inner(eci.value);
  ASSIGN_OR_RETURN(out.econtent_type, inner.ExpectOid("eContentType"));
  if (inner.PeekTag(der::ContextTag(0, true))) {
    ASSIGN_OR_RETURN(const der::Tlv wrapper, inner.Next());
    ASSIGN_OR_RETURN(const der::Tlv octets, der::ParseTlv(wrapper.value));
    if ((octets.tag & 0x1f) != der::kTagOctetString) {
      return absl::InvalidArgumentError("eContent is not an OCTET STRING");
    }
    ASSIGN_OR_RETURN(out.econtent, der::OctetStringContents(octets));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SignedDataView> ParseSignedData(absl::string_view cms) {
  SignedDataView out;
  ASSIGN_OR_RETURN(const der::Tlv content_info, der::ParseTlv(cms));
  if (content_info.tag != der::kTagSequence) {
    return absl::InvalidArgumentError(
        "not a CMS ContentInfo (no SEQUENCE at the start)");
  }
  der::DerReader reader(content_info.value);
  ASSIGN_OR_RETURN(out.content_type, reader.ExpectOid("contentType"));
  if (out.content_type != kOidSignedData) return out;
  out.is_signed_data = true;
  ASSIGN_OR_RETURN(const der::Tlv explicit_content,
                   reader.Expect(der::ContextTag(0, true), "content"));
  ASSIGN_OR_RETURN(const der::Tlv signed_data,
                   der::ParseTlv(explicit_content.value));
  if (signed_data.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("SignedData is not a SEQUENCE");
  }
  der::DerReader sd(signed_data.value);
  RETURN_IF_ERROR(sd.Expect(der::kTagInteger, "SignedData.version").status());
  RETURN_IF_ERROR(sd.Expect(der::kTagSet, "digestAlgorithms").status());
  RETURN_IF_ERROR(ReadEncapsulatedContent(sd, out));
  if (sd.PeekTag(der::ContextTag(0, true))) {
    ASSIGN_OR_RETURN(const der::Tlv certs, sd.Next());
    der::DerReader reader_certs(certs.value);
    while (!reader_certs.AtEnd()) {
      ASSIGN_OR_RETURN(const der::Tlv cert, reader_certs.Next());
      // Only X.509 certificates; attribute and other certificates skipped.
      if (cert.tag == der::kTagSequence)
        out.certificates.push_back(cert.encoding);
    }
  }
  if (sd.PeekTag(der::ContextTag(1, true))) {
    ASSIGN_OR_RETURN(const der::Tlv crls, sd.Next());
    RETURN_IF_ERROR(ReadRevocationChoices(crls.value, out));
  }
  ASSIGN_OR_RETURN(const der::Tlv signer_infos,
                   sd.Expect(der::kTagSet, "signerInfos"));
  ASSIGN_OR_RETURN(const std::vector<absl::string_view> infos,
                   der::Elements(signer_infos.value));
  for (absl::string_view encoding : infos) {
    absl::StatusOr<SignerInfoView> info = ReadSignerInfo(encoding);
    if (!info.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("SignerInfo ", out.signer_infos.size(), ": ",
                       info.status().message()));
    }
    out.signer_infos.push_back(*std::move(info));
  }
  return out;
}

const Attribute* FindAttribute(const std::vector<Attribute>& attributes,
                               absl::string_view oid) {
  for (const Attribute& attribute : attributes) {
    if (attribute.oid == oid) return &attribute;
  }
  return nullptr;
}

}  // namespace docintake::signature::internal
