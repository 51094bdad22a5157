#include "tests/support/signing/pdf_signer.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tests/support/signing/internal/byte_range.h"
#include "tests/support/signing/internal/cms_signer.h"
#include "tests/support/signing/internal/openssl_util.h"

namespace docintake::testing::signing {
namespace {

using internal::CmsPtr;

constexpr char kSignatureTimestampOid[] = "1.2.840.113549.1.9.16.2.14";
constexpr char kRevocationArchivalOid[] = "1.2.840.113583.1.1.8";

const char* SubFilterName(SubFilter sub_filter) {
  switch (sub_filter) {
    case SubFilter::kCadesDetached:
      break;
    case SubFilter::kPkcs7Detached:
      return "/adbe.pkcs7.detached";
    case SubFilter::kPkcs7Sha1:
      return "/adbe.pkcs7.sha1";
  }
  return "/ETSI.CAdES.detached";
}

std::string FieldList(const std::vector<std::string>& fields) {
  std::string out = "[";
  for (const std::string& f : fields) {
    absl::StrAppend(&out, out.size() > 1 ? " " : "", PdfString(f));
  }
  return out + "]";
}

std::string LockAction(const FieldLock& lock) {
  switch (lock.action) {
    case FieldLock::Action::kAll:
      break;
    case FieldLock::Action::kInclude:
      return absl::StrCat("/Action /Include /Fields ", FieldList(lock.fields));
    case FieldLock::Action::kExclude:
      return absl::StrCat("/Action /Exclude /Fields ", FieldList(lock.fields));
  }
  return "/Action /All";
}

// The /Reference array for certification (DocMDP) and FieldMDP locks.
std::string References(const SignOptions& options) {
  std::string out = "[";
  if (options.docmdp_permissions != 0) {
    absl::StrAppend(&out,
                    "<< /Type /SigRef /TransformMethod /DocMDP "
                    "/TransformParams << /Type /TransformParams /P ",
                    options.docmdp_permissions, " /V /1.2 >> >>");
  }
  if (options.lock.has_value()) {
    absl::StrAppend(&out,
                    "<< /Type /SigRef /TransformMethod /FieldMDP "
                    "/TransformParams << /Type /TransformParams ",
                    LockAction(*options.lock), " /V /1.2 >> >>");
  }
  return out + "]";
}

// Stages the field (existing or new) with a signature dictionary `dict`;
// returns (field, dict) object numbers.
absl::StatusOr<std::pair<int, int>> StageSignatureField(
    TestPdf& pdf, const std::string& field_name, PdfObject dict) {
  int field = pdf.field(field_name);
  if (field == 0) {
    ASSIGN_OR_RETURN(field, pdf.AddSignatureField(field_name, 0));
  } else if (pdf.Find(field)->Get("FT") != "/Sig" ||
             pdf.Find(field)->Has("V")) {
    return absl::FailedPreconditionError(
        absl::StrCat("field ", field_name, " is not an empty signature field"));
  }
  const int sig = pdf.Add(std::move(dict));
  pdf.Edit(field).Set("V", Ref(sig));
  pdf.Edit(pdf.acroform()).Set("SigFlags", "3");
  return std::make_pair(field, sig);
}

PdfObject SignatureDictionary(const char* type, const char* sub_filter,
                              size_t reserved_bytes) {
  PdfObject dict;
  dict.Set("Type", type)
      .Set("Filter", "/Adobe.PPKLite")
      .Set("SubFilter", sub_filter)
      .Set("ByteRange", internal::kByteRangePlaceholder)
      .Set("Contents",
           absl::StrCat("<", std::string(2 * reserved_bytes, '0'), ">"));
  return dict;
}

// Commits the staged revision, writes the ByteRange and returns the
// placeholders with the ByteRange values in `result`.
absl::StatusOr<internal::Placeholders> CommitAndWriteByteRange(
    TestPdf& pdf, ByteRangeVariant variant, SignatureResult& result) {
  RETURN_IF_ERROR(pdf.Commit());
  result.revision = pdf.revision_count() - 1;
  ASSIGN_OR_RETURN(internal::Placeholders p,
                   internal::FindPlaceholders(
                       pdf.bytes(), pdf.ObjectOffset(result.signature_dict)));
  result.contents_offset = p.contents_begin;
  result.byte_range = internal::ByteRangeValues(variant, p);
  RETURN_IF_ERROR(pdf.OverwriteBytes(
      p.byte_range, internal::FormatByteRange(result.byte_range)));
  result.signed_bytes = internal::SelectBytes(
      absl::string_view(pdf.bytes()).substr(0, p.revision_end),
      result.byte_range);
  return p;
}

// Writes `der` into /Contents (unless `leave_zeros`) and fills `result`.
absl::Status PatchContents(TestPdf& pdf, const internal::Placeholders& p,
                           size_t reserved_bytes, std::string der,
                           bool leave_zeros, SignatureResult& result) {
  // One byte of padding at least: kGapNotAtContents signs the last hex
  // digit, which must stay '0'.
  if (der.size() >= reserved_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "CMS of ", der.size(), " bytes does not fit reserved_bytes"));
  }
  if (!leave_zeros) {
    RETURN_IF_ERROR(
        pdf.OverwriteBytes(p.contents_begin + 1,
                           absl::AsciiStrToUpper(absl::BytesToHexString(der))));
    result.contents = der;
  }
  result.contents.resize(reserved_bytes, '\0');
  result.cms = std::move(der);
  ASSIGN_OR_RETURN(const std::string sha1,
                   internal::Digest(EVP_sha1(), result.contents));
  result.vri_key = absl::AsciiStrToUpper(absl::BytesToHexString(sha1));
  return absl::OkStatus();
}

absl::StatusOr<std::string> BuildCms(const TestPki& pki,
                                     const SignOptions& options,
                                     const std::string& signed_bytes) {
  internal::CmsRequest request;
  request.signer = options.signer;
  if (options.include_issuers) {
    for (const Credential* c = options.signer->issuer;
         c != nullptr && c->issuer != nullptr; c = c->issuer) {
      request.extra_certs.push_back(c);
    }
  }
  for (const Credential* c : options.certificates) {
    request.extra_certs.push_back(c);
  }
  request.md = EVP_get_digestbyname(options.digest.c_str());
  std::string sha1_of_data;
  if (options.sub_filter == SubFilter::kPkcs7Sha1) {
    ASSIGN_OR_RETURN(sha1_of_data, internal::Digest(EVP_sha1(), signed_bytes));
    request.content = sha1_of_data;
    request.detached = false;
  } else {
    request.content = signed_bytes;
  }
  request.signed_attributes = options.signed_attributes;
  request.ess_signing_certificate_v2 = options.ess_signing_certificate_v2;
  if (options.signing_time_attribute) {
    request.signing_time = options.signing_time;
  }
  if (!options.crls.empty() || !options.ocsps.empty()) {
    std::vector<std::string> parts;
    if (!options.crls.empty()) {
      parts.push_back(
          internal::DerTlv(0xA0, internal::DerSequence(options.crls)));
    }
    if (!options.ocsps.empty()) {
      parts.push_back(
          internal::DerTlv(0xA1, internal::DerSequence(options.ocsps)));
    }
    request.extra_signed_attributes.emplace_back(kRevocationArchivalOid,
                                                 internal::DerSequence(parts));
  }
  switch (options.algorithm) {
    case SignatureAlgorithm::kDefault:
      break;
    case SignatureAlgorithm::kRsaPss:
      request.scheme = internal::SignatureScheme::kRsaPss;
      break;
    case SignatureAlgorithm::kPlainEcdsa:
      request.scheme = internal::SignatureScheme::kPlainEcdsa;
      break;
  }
  request.corrupt_signature = options.corrupt_signature_value;
  ASSIGN_OR_RETURN(CmsPtr cms, internal::SignCms(request));
  if (options.signature_timestamp.has_value()) {
    TimestampSpec spec;
    spec.gen_time = *options.signature_timestamp;
    ASSIGN_OR_RETURN(
        const std::string token,
        pki.MakeTimestampToken(internal::SignatureValue(cms.get()), spec));
    RETURN_IF_ERROR(internal::AddUnsignedAttribute(
        cms.get(), kSignatureTimestampOid, token));
  }
  return internal::CmsToDer(cms.get());
}

}  // namespace

absl::StatusOr<SignatureResult> SignPdf(TestPdf& pdf, const TestPki& pki,
                                        const SignOptions& options) {
  if (options.signer == nullptr || options.signer->cert == nullptr ||
      options.signer->key == nullptr) {
    return absl::InvalidArgumentError("SignPdf: signer with key required");
  }
  if (EVP_get_digestbyname(options.digest.c_str()) == nullptr) {
    return absl::InvalidArgumentError("SignPdf: unknown digest " +
                                      options.digest);
  }
  if (options.docmdp_permissions < 0 || options.docmdp_permissions > 3) {
    return absl::InvalidArgumentError("SignPdf: DocMDP /P must be 1, 2 or 3");
  }
  const bool pss_or_plain = options.algorithm != SignatureAlgorithm::kDefault;
  const bool is_ec = EVP_PKEY_is_a(options.signer->key.get(), "EC");
  if (pss_or_plain &&
      (options.algorithm == SignatureAlgorithm::kPlainEcdsa) != is_ec) {
    return absl::InvalidArgumentError("SignPdf: algorithm does not fit key");
  }
  PdfObject dict = SignatureDictionary(
      "/Sig", SubFilterName(options.sub_filter), options.reserved_bytes);
  dict.Set("M", PdfDate(absl::ToUnixSeconds(options.signing_time)))
      .Set("Name", PdfString(options.signer->name));
  if (options.docmdp_permissions != 0 || options.lock.has_value()) {
    dict.Set("Reference", References(options));
  }
  SignatureResult result;
  ASSIGN_OR_RETURN(auto numbers, StageSignatureField(pdf, options.field_name,
                                                     std::move(dict)));
  result.field = numbers.first;
  result.signature_dict = numbers.second;
  if (options.lock.has_value()) {
    pdf.Edit(result.field)
        .Set("Lock", absl::StrCat("<< /Type /SigFieldLock ",
                                  LockAction(*options.lock), " >>"));
  }
  if (options.docmdp_permissions != 0) {
    pdf.Edit(pdf.catalog())
        .Set("Perms",
             absl::StrCat("<< /DocMDP ", Ref(result.signature_dict), " >>"));
  }
  ASSIGN_OR_RETURN(const internal::Placeholders p,
                   CommitAndWriteByteRange(pdf, options.byte_range, result));
  ASSIGN_OR_RETURN(std::string der,
                   BuildCms(pki, options, result.signed_bytes));
  RETURN_IF_ERROR(PatchContents(pdf, p, options.reserved_bytes, std::move(der),
                                options.zero_contents, result));
  return result;
}

absl::StatusOr<SignatureResult> AddDocumentTimestamp(
    TestPdf& pdf, const TestPki& pki, const DocTimestampOptions& options) {
  if (EVP_get_digestbyname(options.digest.c_str()) == nullptr) {
    return absl::InvalidArgumentError("unknown digest " + options.digest);
  }
  SignatureResult result;
  ASSIGN_OR_RETURN(
      auto numbers,
      StageSignatureField(pdf, options.field_name,
                          SignatureDictionary("/DocTimeStamp", "/ETSI.RFC3161",
                                              options.reserved_bytes)));
  result.field = numbers.first;
  result.signature_dict = numbers.second;
  ASSIGN_OR_RETURN(const internal::Placeholders p,
                   CommitAndWriteByteRange(pdf, options.byte_range, result));
  TimestampSpec spec;
  spec.gen_time = options.gen_time;
  spec.digest = options.digest;
  ASSIGN_OR_RETURN(std::string token,
                   pki.MakeTimestampToken(result.signed_bytes, spec));
  RETURN_IF_ERROR(PatchContents(pdf, p, options.reserved_bytes,
                                std::move(token), false, result));
  return result;
}

absl::Status TamperPageText(TestPdf& pdf, int page_index) {
  if (page_index < 0 || page_index >= pdf.page_count()) {
    return absl::InvalidArgumentError("no such page");
  }
  const std::string& bytes = pdf.bytes();
  const size_t object = pdf.ObjectOffset(pdf.content(page_index));
  const size_t stream = bytes.find("stream\n", object);
  const size_t end = bytes.find("endstream", object);
  const size_t text = bytes.find('(', stream);
  if (stream == std::string::npos || text == std::string::npos || text > end) {
    return absl::NotFoundError("no text in the page content");
  }
  for (size_t i = text + 1; i < end; ++i) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(bytes[i]))) {
      return pdf.OverwriteBytes(
          i, std::string(1, static_cast<char>(bytes[i] ^ 0x20)));
    }
  }
  return absl::NotFoundError("no letter in the page text");
}

}  // namespace docintake::testing::signing
