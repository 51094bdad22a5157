#include "signature/trust/xml_signature.h"

#include <openssl/crypto.h>

#include <cstring>
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "base/status_macros.h"
#include "signature/trust/internal/c14n.h"
#include "signature/trust/internal/x509_util.h"
#include "signature/trust/internal/xml_document.h"
#include "signature/trust/internal/xmldsig_algorithms.h"

namespace docintake::signature {
namespace {

namespace ti = trust_internal;

constexpr char kEnvelopedSignatureUri[] =
    "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
constexpr char kSignedPropertiesType[] =
    "http://uri.etsi.org/01903#SignedProperties";
constexpr size_t kMaxReferences = 8;
constexpr size_t kMaxTransforms = 4;

// Inside this file a failure's status code carries its verdict:
// NotFound = missing, Unimplemented = unsupported, DataLoss = digest
// mismatch, Unauthenticated = signature invalid, anything else = malformed.
XmlSignatureVerdict VerdictOf(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return XmlSignatureVerdict::kValid;
    case absl::StatusCode::kNotFound:
      return XmlSignatureVerdict::kMissing;
    case absl::StatusCode::kUnimplemented:
      return XmlSignatureVerdict::kUnsupported;
    case absl::StatusCode::kDataLoss:
      return XmlSignatureVerdict::kDigestMismatch;
    case absl::StatusCode::kUnauthenticated:
      return XmlSignatureVerdict::kSignatureInvalid;
    default:
      return XmlSignatureVerdict::kMalformed;
  }
}

bool IsDs(const xmlNode* node, absl::string_view local_name) {
  return ti::IsElement(node, local_name) && node->ns != nullptr &&
         node->ns->href != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href),
                     ti::kXmlDsigNamespace) == 0;
}

std::vector<const xmlNode*> DsChildren(const xmlNode* parent,
                                       absl::string_view local_name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = parent == nullptr ? nullptr : parent->children;
       c != nullptr; c = c->next) {
    if (IsDs(c, local_name)) out.push_back(c);
  }
  return out;
}

const xmlNode* DsChild(const xmlNode* parent, absl::string_view local_name) {
  const auto children = DsChildren(parent, local_name);
  return children.empty() ? nullptr : children.front();
}

bool IsAncestor(const xmlNode* ancestor, const xmlNode* node) {
  for (const xmlNode* n = node; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

// The signatures and Id attributes of the document. Duplicate Ids are an
// error: a reference must not be able to point at a look-alike element.
struct DocumentIndex {
  std::vector<const xmlNode*> signatures;
  std::map<std::string, const xmlNode*, std::less<>> ids;
};

absl::StatusOr<DocumentIndex> IndexDocument(const xmlNode* root) {
  DocumentIndex index;
  const xmlNode* n = root;
  while (n != nullptr) {
    if (n->type == XML_ELEMENT_NODE) {
      if (IsDs(n, "Signature")) index.signatures.push_back(n);
      std::string id = ti::Attribute(n, "Id");
      if (!id.empty() && !index.ids.emplace(id, n).second) {
        return absl::InvalidArgumentError(
            absl::StrCat("duplicate Id '", id, "'"));
      }
      if (n->children != nullptr) {
        n = n->children;
        continue;
      }
    }
    while (n != root && n->next == nullptr) n = n->parent;
    if (n == root) break;
    n = n->next;
  }
  return index;
}

// A C14N method from an element with an Algorithm attribute (and, for
// Exclusive C14N, an optional InclusiveNamespaces PrefixList).
std::optional<ti::C14nMethod> C14nMethodOf(const xmlNode* node) {
  std::optional<ti::C14nMethod> method =
      ti::C14nMethodFromUri(ti::Attribute(node, "Algorithm"));
  if (method && method->mode == ti::C14nMethod::Mode::kExclusive10) {
    if (const xmlNode* inclusive =
            ti::FirstChild(node, "InclusiveNamespaces")) {
      for (absl::string_view prefix :
           absl::StrSplit(ti::Attribute(inclusive, "PrefixList"),
                          absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty())) {
        method->inclusive_prefixes.emplace_back(prefix);
      }
    }
  }
  return method;
}

struct Reference {
  std::string uri;
  bool signed_properties = false;
  const xmlNode* apex = nullptr;  // null: the whole document
  const xmlNode* excluded = nullptr;
  ti::C14nMethod method;  // default for a node-set: inclusive C14N 1.0
  const EVP_MD* md = nullptr;
  std::string digest_value;
};

absl::StatusOr<Reference> ParseReference(const xmlNode* node,
                                         const xmlNode* signature,
                                         const DocumentIndex& index) {
  Reference ref;
  if (xmlHasNsProp(node, reinterpret_cast<const xmlChar*>("URI"), nullptr) ==
      nullptr) {
    return absl::UnimplementedError("Reference without URI");
  }
  ref.uri = ti::Attribute(node, "URI");
  ref.signed_properties = ti::Attribute(node, "Type") == kSignedPropertiesType;
  const xmlNode* root = xmlDocGetRootElement(signature->doc);
  if (!ref.uri.empty()) {
    const absl::string_view uri(ref.uri);
    if (uri.size() < 2 || uri[0] != '#' ||
        absl::StartsWith(uri, "#xpointer(")) {
      return absl::UnimplementedError(absl::StrCat(
          "Reference URI '", ref.uri, "' is not a same-document Id reference"));
    }
    auto it = index.ids.find(uri.substr(1));
    if (it == index.ids.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("Reference target '", ref.uri, "' not found"));
    }
    ref.apex = it->second;
  }
  if (ref.signed_properties) {
    if (ref.apex == nullptr || !ti::IsElement(ref.apex, "SignedProperties") ||
        !IsAncestor(signature, ref.apex)) {
      return absl::InvalidArgumentError(
          "SignedProperties reference does not point at the signature's "
          "SignedProperties");
    }
  } else if (ref.apex != nullptr && ref.apex != root) {
    return absl::UnimplementedError(absl::StrCat(
        "Reference '", ref.uri, "' covers only part of the document"));
  }
  const auto transforms = DsChildren(DsChild(node, "Transforms"), "Transform");
  if (transforms.size() > kMaxTransforms) {
    return absl::UnimplementedError("too many transforms");
  }
  bool canonicalized = false;
  for (const xmlNode* transform : transforms) {
    const std::string algorithm = ti::Attribute(transform, "Algorithm");
    if (canonicalized) {
      return absl::UnimplementedError(
          absl::StrCat("transform ", algorithm, " after canonicalisation"));
    }
    if (algorithm == kEnvelopedSignatureUri) {
      ref.excluded = signature;
    } else if (auto method = C14nMethodOf(transform)) {
      ref.method = *std::move(method);
      canonicalized = true;
    } else {
      return absl::UnimplementedError(
          absl::StrCat("unsupported transform '", algorithm, "'"));
    }
  }
  // A same-document reference ("" or "#id") selects no comment nodes.
  ref.method.with_comments = false;
  const std::string digest_uri =
      ti::Attribute(DsChild(node, "DigestMethod"), "Algorithm");
  ref.md = ti::DigestFromUri(digest_uri, /*allow_sha1=*/false);
  if (ref.md == nullptr) {
    return absl::UnimplementedError(
        absl::StrCat("unsupported DigestMethod '", digest_uri, "'"));
  }
  const xmlNode* value = DsChild(node, "DigestValue");
  if (value == nullptr) return absl::InvalidArgumentError("no DigestValue");
  ASSIGN_OR_RETURN(ref.digest_value,
                   ti::DecodeBase64Text(ti::TrimmedText(value)));
  return ref;
}

bool ConstantTimeEqual(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() &&
         CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

absl::Status CheckReference(xmlDoc* doc, const Reference& ref) {
  ASSIGN_OR_RETURN(std::string canonical,
                   ti::Canonicalize(doc, ref.apex, ref.excluded, ref.method));
  ASSIGN_OR_RETURN(std::string digest, ti::ComputeDigest(ref.md, canonical));
  if (!ConstantTimeEqual(digest, ref.digest_value)) {
    return absl::DataLossError(
        absl::StrCat("the digest of Reference '", ref.uri,
                     "' does not match its DigestValue (content changed)"));
  }
  return absl::OkStatus();
}

// The KeyInfo certificates, in document order.
absl::StatusOr<std::vector<ti::X509Ptr>> KeyInfoCertificates(
    const xmlNode* signature) {
  std::vector<ti::X509Ptr> certs;
  for (const xmlNode* data :
       DsChildren(DsChild(signature, "KeyInfo"), "X509Data")) {
    for (const xmlNode* cert : DsChildren(data, "X509Certificate")) {
      ASSIGN_OR_RETURN(std::string der,
                       ti::DecodeBase64Text(ti::TrimmedText(cert)));
      ASSIGN_OR_RETURN(ti::X509Ptr parsed, ti::ParseCertificateDer(der));
      certs.push_back(std::move(parsed));
    }
  }
  if (certs.empty()) {
    return absl::UnimplementedError("KeyInfo holds no X509Certificate");
  }
  return certs;
}

// Keeps the certificates a XAdES SigningCertificate(V2) identifies, if the
// SignedProperties have one.
absl::Status FilterBySigningCertificate(const xmlNode* signed_properties,
                                        std::vector<ti::X509Ptr>& certs) {
  const xmlNode* properties =
      ti::FirstChild(signed_properties, "SignedSignatureProperties");
  const xmlNode* signing_cert =
      ti::FirstChild(properties, "SigningCertificateV2");
  if (signing_cert == nullptr) {
    signing_cert = ti::FirstChild(properties, "SigningCertificate");
  }
  if (signing_cert == nullptr) return absl::OkStatus();
  std::vector<ti::X509Ptr> kept;
  for (ti::X509Ptr& cert : certs) {
    const std::string der = ti::CertificateDer(cert.get());
    bool match = false;
    for (const xmlNode* entry : ti::Children(signing_cert, "Cert")) {
      const xmlNode* digest = ti::FirstChild(entry, "CertDigest");
      const std::string uri =
          ti::Attribute(DsChild(digest, "DigestMethod"), "Algorithm");
      const EVP_MD* md = ti::DigestFromUri(uri, /*allow_sha1=*/true);
      if (md == nullptr) {
        return absl::UnimplementedError(
            absl::StrCat("unsupported CertDigest method '", uri, "'"));
      }
      ASSIGN_OR_RETURN(std::string expected,
                       ti::DecodeBase64Text(
                           ti::TrimmedText(DsChild(digest, "DigestValue"))));
      ASSIGN_OR_RETURN(std::string actual, ti::ComputeDigest(md, der));
      if (ConstantTimeEqual(actual, expected)) match = true;
    }
    if (match) kept.push_back(std::move(cert));
  }
  if (kept.empty()) {
    return absl::InvalidArgumentError(
        "no KeyInfo certificate matches the XAdES SigningCertificate");
  }
  certs = std::move(kept);
  return absl::OkStatus();
}

std::optional<absl::Time> SigningTime(const xmlNode* signed_properties) {
  const std::string text = ti::TrimmedText(ti::FindPath(
      signed_properties, {"SignedSignatureProperties", "SigningTime"}));
  absl::Time t;
  std::string error;
  if (text.empty() || !absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    return std::nullopt;
  }
  return t;
}

// The one ds:Signature of the document, a child of the document element.
absl::StatusOr<const xmlNode*> EnvelopedSignature(const xmlNode* root,
                                                  const DocumentIndex& index) {
  if (index.signatures.empty()) {
    return absl::NotFoundError("the document has no ds:Signature");
  }
  if (index.signatures.size() > 1) {
    return absl::InvalidArgumentError(absl::StrCat("the document has ",
                                                   index.signatures.size(),
                                                   " ds:Signature elements"));
  }
  if (index.signatures.front()->parent != root) {
    return absl::InvalidArgumentError(
        "ds:Signature is not a child of the document element");
  }
  return index.signatures.front();
}

// The references of SignedInfo: exactly one to the whole document and at
// most one to the signature's SignedProperties.
absl::StatusOr<std::vector<Reference>> ParseReferences(
    const xmlNode* signed_info, const xmlNode* signature,
    const DocumentIndex& index) {
  const auto nodes = DsChildren(signed_info, "Reference");
  if (nodes.empty() || nodes.size() > kMaxReferences) {
    return absl::InvalidArgumentError(
        absl::StrCat("SignedInfo has ", nodes.size(), " references"));
  }
  std::vector<Reference> references;
  int document_refs = 0;
  int properties_refs = 0;
  for (const xmlNode* node : nodes) {
    ASSIGN_OR_RETURN(Reference ref, ParseReference(node, signature, index));
    ++(ref.signed_properties ? properties_refs : document_refs);
    references.push_back(std::move(ref));
  }
  if (document_refs != 1 || properties_refs > 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected one Reference to the whole document and at most one to "
        "SignedProperties, found ",
        document_refs, " and ", properties_refs));
  }
  return references;
}

// The DER of the first of `certs` whose key verifies `value` over `data`.
absl::StatusOr<std::string> VerifyWithKeyInfo(
    const ti::SignatureAlgorithm& algorithm,
    const std::vector<ti::X509Ptr>& certs, absl::string_view data,
    absl::string_view value) {
  absl::Status last;
  for (const ti::X509Ptr& cert : certs) {
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    last = key == nullptr
               ? absl::InvalidArgumentError(
                     "KeyInfo certificate without usable key")
               : ti::VerifySignatureValue(algorithm, key, data, value);
    if (last.ok()) return ti::CertificateDer(cert.get());
  }
  ti::TakeOpenSslErrors();
  return absl::UnauthenticatedError(last.message());
}

absl::Status Verify(absl::string_view xml, XmlSignatureVerification& out) {
  ASSIGN_OR_RETURN(ti::XmlDocPtr doc,
                   ti::ParseXmlSecurely(xml, kMaxSignedXmlBytes));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  ASSIGN_OR_RETURN(DocumentIndex index, IndexDocument(root));
  ASSIGN_OR_RETURN(const xmlNode* signature, EnvelopedSignature(root, index));
  const xmlNode* signed_info = DsChild(signature, "SignedInfo");
  const xmlNode* c14n_node = DsChild(signed_info, "CanonicalizationMethod");
  const xmlNode* method_node = DsChild(signed_info, "SignatureMethod");
  const xmlNode* value_node = DsChild(signature, "SignatureValue");
  if (c14n_node == nullptr || method_node == nullptr || value_node == nullptr) {
    return absl::InvalidArgumentError(
        "SignedInfo, CanonicalizationMethod, SignatureMethod or "
        "SignatureValue missing");
  }
  out.canonicalization_method = ti::Attribute(c14n_node, "Algorithm");
  out.signature_method = ti::Attribute(method_node, "Algorithm");
  const std::optional<ti::C14nMethod> c14n = C14nMethodOf(c14n_node);
  if (!c14n) {
    return absl::UnimplementedError(
        absl::StrCat("unsupported CanonicalizationMethod '",
                     out.canonicalization_method, "'"));
  }
  ASSIGN_OR_RETURN(ti::SignatureAlgorithm algorithm,
                   ti::SignatureAlgorithmOf(method_node));
  ASSIGN_OR_RETURN(std::vector<Reference> references,
                   ParseReferences(signed_info, signature, index));
  const xmlNode* signed_properties = nullptr;
  for (const Reference& ref : references) {
    RETURN_IF_ERROR(CheckReference(doc.get(), ref));
    if (ref.signed_properties) signed_properties = ref.apex;
  }

  ASSIGN_OR_RETURN(std::string value,
                   ti::DecodeBase64Text(ti::TrimmedText(value_node)));
  ASSIGN_OR_RETURN(std::vector<ti::X509Ptr> certs,
                   KeyInfoCertificates(signature));
  if (signed_properties != nullptr) {
    RETURN_IF_ERROR(FilterBySigningCertificate(signed_properties, certs));
  }
  ASSIGN_OR_RETURN(std::string canonical_signed_info,
                   ti::Canonicalize(doc.get(), signed_info, nullptr, *c14n));
  ASSIGN_OR_RETURN(
      out.signer_certificate_der,
      VerifyWithKeyInfo(algorithm, certs, canonical_signed_info, value));
  out.signed_properties_verified = signed_properties != nullptr;
  if (signed_properties != nullptr) {
    out.signing_time = SigningTime(signed_properties);
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view XmlSignatureVerdictName(XmlSignatureVerdict verdict) {
  switch (verdict) {
    case XmlSignatureVerdict::kValid:
      return "valid";
    case XmlSignatureVerdict::kMissing:
      return "missing";
    case XmlSignatureVerdict::kMalformed:
      return "malformed";
    case XmlSignatureVerdict::kUnsupported:
      return "unsupported";
    case XmlSignatureVerdict::kDigestMismatch:
      return "digest-mismatch";
    case XmlSignatureVerdict::kSignatureInvalid:
      return "signature-invalid";
  }
  return "unknown";
}

absl::Status XmlSignatureVerification::ToStatus() const {
  if (valid()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "XML signature ", XmlSignatureVerdictName(verdict), ": ", detail));
}

XmlSignatureVerification VerifyEnvelopedXmlSignature(absl::string_view xml) {
  XmlSignatureVerification out;
  const absl::Status status = Verify(xml, out);
  out.verdict = VerdictOf(status);
  if (!status.ok()) {
    out.detail = std::string(status.message());
    out.signer_certificate_der.clear();
    out.signed_properties_verified = false;
    out.signing_time.reset();
  }
  return out;
}

}  // namespace docintake::signature
