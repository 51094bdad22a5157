#include "signature/cms/internal/signed_data.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/cms/internal/der.h"

namespace docintake::signature::internal {
namespace {

absl::StatusOr<std::string> ReadOid(DerReader& reader, absl::string_view what) {
  ASSIGN_OR_RETURN(const Tlv tlv, reader.Expect(kTagOid, what));
  return OidToText(tlv.value);
}

absl::StatusOr<AlgorithmIdentifier> ReadAlgorithm(DerReader& reader,
                                                  absl::string_view what) {
  ASSIGN_OR_RETURN(const Tlv seq, reader.Expect(kTagSequence, what));
  DerReader inner(seq.value);
  AlgorithmIdentifier alg;
  ASSIGN_OR_RETURN(alg.oid, ReadOid(inner, what));
  if (!inner.AtEnd()) {
    ASSIGN_OR_RETURN(const Tlv params, inner.Next());
    alg.parameters = params.encoding;
  }
  return alg;
}

// Attributes ::= SET OF Attribute, given the contents of the SET.
absl::StatusOr<std::vector<Attribute>> ReadAttributes(
    absl::string_view contents) {
  std::vector<Attribute> out;
  DerReader reader(contents);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const Tlv seq, reader.Expect(kTagSequence, "Attribute"));
    DerReader inner(seq.value);
    Attribute attribute;
    ASSIGN_OR_RETURN(attribute.oid, ReadOid(inner, "attrType"));
    ASSIGN_OR_RETURN(const Tlv values, inner.Expect(kTagSet, "attrValues"));
    ASSIGN_OR_RETURN(attribute.values, Elements(values.value));
    out.push_back(std::move(attribute));
  }
  return out;
}

absl::StatusOr<SignerInfoView> ReadSignerInfo(absl::string_view encoding) {
  ASSIGN_OR_RETURN(const Tlv seq, ParseTlv(encoding));
  if (seq.tag != kTagSequence) {
    return absl::InvalidArgumentError("SignerInfo is not a SEQUENCE");
  }
  DerReader reader(seq.value);
  RETURN_IF_ERROR(reader.Expect(kTagInteger, "SignerInfo.version").status());
  SignerInfoView info;
  ASSIGN_OR_RETURN(const Tlv sid, reader.Next());
  if (sid.tag == ContextTag(0, false) || sid.tag == ContextTag(0, true)) {
    info.sid_is_key_id = true;
    ASSIGN_OR_RETURN(info.sid_key_id, OctetStringContents(sid));
  } else if (sid.tag == kTagSequence) {
    DerReader ias(sid.value);
    ASSIGN_OR_RETURN(const Tlv issuer, ias.Expect(kTagSequence, "sid.issuer"));
    ASSIGN_OR_RETURN(const Tlv serial,
                     ias.Expect(kTagInteger, "sid.serialNumber"));
    info.sid_issuer = issuer.encoding;
    info.sid_serial = serial.value;
  } else {
    return absl::InvalidArgumentError("SignerIdentifier has an unknown form");
  }
  ASSIGN_OR_RETURN(info.digest_algorithm,
                   ReadAlgorithm(reader, "SignerInfo.digestAlgorithm"));
  if (reader.PeekTag(ContextTag(0, true))) {
    ASSIGN_OR_RETURN(const Tlv attrs, reader.Next());
    info.has_signed_attributes = true;
    info.signed_attributes_encoding = attrs.encoding;
    info.signed_attributes_contents = attrs.value;
    info.signed_attributes_minimal_length = attrs.minimal_length;
    ASSIGN_OR_RETURN(info.signed_attributes, ReadAttributes(attrs.value));
  }
  ASSIGN_OR_RETURN(info.signature_algorithm,
                   ReadAlgorithm(reader, "SignerInfo.signatureAlgorithm"));
  ASSIGN_OR_RETURN(const Tlv signature, reader.Next());
  if ((signature.tag & 0x1f) != kTagOctetString) {
    return absl::InvalidArgumentError(
        "SignerInfo.signature is not an OCTET STRING");
  }
  ASSIGN_OR_RETURN(info.signature, OctetStringContents(signature));
  if (reader.PeekTag(ContextTag(1, true))) {
    ASSIGN_OR_RETURN(const Tlv attrs, reader.Next());
    ASSIGN_OR_RETURN(info.unsigned_attributes, ReadAttributes(attrs.value));
  }
  return info;
}

absl::Status ReadRevocationChoices(absl::string_view contents,
                                   SignedDataView& out) {
  DerReader reader(contents);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const Tlv choice, reader.Next());
    if (choice.tag == kTagSequence) {
      out.crls.push_back(choice.encoding);
    } else if (choice.tag == ContextTag(1, true)) {
      DerReader inner(choice.value);
      OtherRevocationInfo other;
      ASSIGN_OR_RETURN(other.format_oid, ReadOid(inner, "otherRevInfoFormat"));
      ASSIGN_OR_RETURN(const Tlv info, inner.Next());
      other.info = info.encoding;
      out.other_revocation.push_back(std::move(other));
    }
  }
  return absl::OkStatus();
}

absl::Status ReadEncapsulatedContent(DerReader& reader, SignedDataView& out) {
  ASSIGN_OR_RETURN(const Tlv eci,
                   reader.Expect(kTagSequence, "encapContentInfo"));
  DerReader inner(eci.value);
  ASSIGN_OR_RETURN(out.econtent_type, ReadOid(inner, "eContentType"));
  if (inner.PeekTag(ContextTag(0, true))) {
    ASSIGN_OR_RETURN(const Tlv wrapper, inner.Next());
    ASSIGN_OR_RETURN(const Tlv octets, ParseTlv(wrapper.value));
    if ((octets.tag & 0x1f) != kTagOctetString) {
      return absl::InvalidArgumentError("eContent is not an OCTET STRING");
    }
    ASSIGN_OR_RETURN(out.econtent, OctetStringContents(octets));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SignedDataView> ParseSignedData(absl::string_view der) {
  SignedDataView out;
  ASSIGN_OR_RETURN(const Tlv content_info, ParseTlv(der));
  if (content_info.tag != kTagSequence) {
    return absl::InvalidArgumentError(
        "not a CMS ContentInfo (no SEQUENCE at the start)");
  }
  DerReader reader(content_info.value);
  ASSIGN_OR_RETURN(out.content_type, ReadOid(reader, "contentType"));
  if (out.content_type != kOidSignedData) return out;
  out.is_signed_data = true;
  ASSIGN_OR_RETURN(const Tlv explicit_content,
                   reader.Expect(ContextTag(0, true), "content"));
  ASSIGN_OR_RETURN(const Tlv signed_data, ParseTlv(explicit_content.value));
  if (signed_data.tag != kTagSequence) {
    return absl::InvalidArgumentError("SignedData is not a SEQUENCE");
  }
  DerReader sd(signed_data.value);
  RETURN_IF_ERROR(sd.Expect(kTagInteger, "SignedData.version").status());
  RETURN_IF_ERROR(sd.Expect(kTagSet, "digestAlgorithms").status());
  RETURN_IF_ERROR(ReadEncapsulatedContent(sd, out));
  if (sd.PeekTag(ContextTag(0, true))) {
    ASSIGN_OR_RETURN(const Tlv certs, sd.Next());
    DerReader reader_certs(certs.value);
    while (!reader_certs.AtEnd()) {
      ASSIGN_OR_RETURN(const Tlv cert, reader_certs.Next());
      // Only X.509 certificates; attribute and other certificates skipped.
      if (cert.tag == kTagSequence) out.certificates.push_back(cert.encoding);
    }
  }
  if (sd.PeekTag(ContextTag(1, true))) {
    ASSIGN_OR_RETURN(const Tlv crls, sd.Next());
    RETURN_IF_ERROR(ReadRevocationChoices(crls.value, out));
  }
  ASSIGN_OR_RETURN(const Tlv signer_infos, sd.Expect(kTagSet, "signerInfos"));
  ASSIGN_OR_RETURN(const std::vector<absl::string_view> infos,
                   Elements(signer_infos.value));
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
