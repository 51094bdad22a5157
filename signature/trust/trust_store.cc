#include "signature/trust/trust_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "signature/trust/internal/x509_util.h"
#include "signature/trust/xml_signature.h"

namespace docintake::signature {
namespace {

namespace fs = std::filesystem;
using trust_internal::X509Ptr;

constexpr uintmax_t kMaxFileBytes = 64u << 20;

absl::StatusOr<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path.string(), ": ", ec.message()));
  }
  if (size > kMaxFileBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path.string(), " is too large for a trust file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(absl::StrCat("cannot open ", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool LooksLikeXml(absl::string_view data) {
  const absl::string_view head = absl::StripLeadingAsciiWhitespace(
      data.substr(0, std::min<size_t>(data.size(), 4096)));
  return absl::StartsWith(head, "<") || absl::StartsWith(head, "\xEF\xBB\xBF<");
}

bool IsAnchorServiceType(absl::string_view type) {
  const std::string name = ShortUriName(type);
  return absl::StartsWith(name, "CA/") ||
         absl::StartsWith(name, "NationalRootCA") ||
         absl::StartsWith(name, "Certstatus/") || absl::StartsWith(name, "TSA");
}

bool IsTrustFileName(const fs::path& path) {
  std::string ext = absl::AsciiStrToLower(path.extension().string());
  return ext == ".pem" || ext == ".crt" || ext == ".cer" || ext == ".der" ||
         ext == ".xml";
}

// A trust file read for loading; LOTLs are loaded first.
struct TrustFile {
  fs::path path;
  std::string data;
  bool xml = false;
  bool list_of_lists = false;
};

absl::Status LoadFile(TrustStore& store, const TrustFile& file,
                      const TrustStoreOptions& options) {
  absl::Status status =
      file.xml ? store.AddTrustedList(file.data, file.path.string(), options)
               : store.AddCertificates(file.data, file.path.string());
  if (!status.ok()) {
    return absl::Status(status.code(), absl::StrCat(file.path.string(), ": ",
                                                    status.message()));
  }
  return absl::OkStatus();
}

// The files named by `paths`, directories expanded (sorted, recursively).
absl::StatusOr<std::vector<fs::path>> ExpandPaths(
    const std::vector<std::string>& paths) {
  std::vector<fs::path> out;
  for (const std::string& p : paths) {
    const fs::path path(p);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsTrustFileName(it->path())) {
          files.push_back(it->path());
        }
      }
      if (ec) {
        return absl::NotFoundError(
            absl::StrCat("cannot list ", p, ": ", ec.message()));
      }
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else if (fs::is_regular_file(path, ec)) {
      out.push_back(path);
    } else {
      return absl::NotFoundError(absl::StrCat("no such trust file: ", p));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<TrustStore> TrustStore::Load(
    const std::vector<std::string>& paths, const TrustStoreOptions& options) {
  ASSIGN_OR_RETURN(std::vector<fs::path> paths_to_load, ExpandPaths(paths));
  std::vector<TrustFile> files;
  for (fs::path& path : paths_to_load) {
    TrustFile file;
    ASSIGN_OR_RETURN(file.data, ReadFile(path));
    file.path = std::move(path);
    file.xml = LooksLikeXml(file.data);
    if (file.xml) {
      // A list that does not parse is reported when it is added.
      auto list = ParseTrustedList(file.data);
      file.list_of_lists = list.ok() && IsListOfTrustedLists(*list);
    }
    files.push_back(std::move(file));
  }
  TrustStore store;
  for (const bool lotl_pass : {true, false}) {
    for (const TrustFile& file : files) {
      if (file.list_of_lists != lotl_pass) continue;
      RETURN_IF_ERROR(LoadFile(store, file, options));
    }
  }
  return store;
}

absl::Status TrustStore::AddCertificates(absl::string_view pem_or_der,
                                         const std::string& origin) {
  ASSIGN_OR_RETURN(std::vector<X509Ptr> certs,
                   trust_internal::ParseCertificates(pem_or_der));
  for (const X509Ptr& cert : certs) {
    AnchorSource source;
    source.kind = AnchorSource::Kind::kCertificateFile;
    source.path = origin;
    source.description = absl::StrCat("certificate file ", origin);
    AddAnchor(trust_internal::CertificateDer(cert.get()),
              trust_internal::NameToString(X509_get_subject_name(cert.get())),
              trust_internal::SubjectDer(cert.get()),
              trust_internal::PublicKeyDer(cert.get()), std::move(source));
  }
  return absl::OkStatus();
}

absl::Status TrustStore::AddTrustedList(absl::string_view xml,
                                        const std::string& origin) {
  TrustStoreOptions options;
  options.allow_unsigned_trusted_lists = true;
  return AddTrustedList(xml, origin, options);
}

absl::Status TrustStore::AddTrustedList(absl::string_view xml,
                                        const std::string& origin,
                                        const TrustStoreOptions& options) {
  ASSIGN_OR_RETURN(TrustedList list, ParseTrustedList(xml));
  ASSIGN_OR_RETURN(TrustedListAuthentication authentication,
                   Authenticate(list, xml, options));
  const int list_index = static_cast<int>(lists_.size());
  // Parse every service certificate first so a bad one adds nothing.
  struct Pending {
    int service_index;
    X509Ptr cert;
  };
  std::vector<Pending> pending;
  for (size_t i = 0; i < list.services.size(); ++i) {
    const TrustService& service = list.services[i];
    if (!IsAnchorServiceType(service.current.service_type)) continue;
    for (const std::string& der : service.certificates) {
      auto cert = trust_internal::ParseCertificateDer(der);
      if (!cert.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("service '", service.current.service_name,
                         "': bad certificate: ", cert.status().message()));
      }
      pending.push_back({static_cast<int>(i), std::move(cert).value()});
    }
  }
  for (Pending& p : pending) {
    const TrustService& service = list.services[p.service_index];
    AnchorSource source;
    source.kind = AnchorSource::Kind::kTrustedList;
    source.path = origin;
    source.list_index = list_index;
    source.service_index = p.service_index;
    source.description =
        absl::StrCat(list.territory, " trusted list #", list.sequence_number,
                     ", service '", service.current.service_name, "' (",
                     ShortUriName(service.current.service_type), ")");
    AddAnchor(trust_internal::CertificateDer(p.cert.get()),
              trust_internal::NameToString(X509_get_subject_name(p.cert.get())),
              trust_internal::SubjectDer(p.cert.get()),
              trust_internal::PublicKeyDer(p.cert.get()), std::move(source));
  }
  lists_.push_back(std::move(list));
  list_origins_.push_back(origin);
  authentications_.push_back(std::move(authentication));
  return absl::OkStatus();
}

absl::StatusOr<TrustedListAuthentication> TrustStore::Authenticate(
    const TrustedList& list, absl::string_view xml,
    const TrustStoreOptions& options) const {
  TrustedListAuthentication out;
  const XmlSignatureVerification signature = VerifyEnvelopedXmlSignature(xml);
  if (signature.verdict == XmlSignatureVerdict::kMissing &&
      options.allow_unsigned_trusted_lists) {
    out.kind = TrustedListAuthentication::Kind::kUnsigned;
    out.warning = "unsigned trusted list accepted as given";
    return out;
  }
  if (signature.verdict == XmlSignatureVerdict::kMissing) {
    return absl::InvalidArgumentError(
        "trusted list is not signed (no ds:Signature); unsigned lists are "
        "refused");
  }
  RETURN_IF_ERROR(signature.ToStatus());
  ASSIGN_OR_RETURN(X509Ptr signer, trust_internal::ParseCertificateDer(
                                       signature.signer_certificate_der));
  out.signer_certificate_der = signature.signer_certificate_der;
  out.signer_subject =
      trust_internal::NameToString(X509_get_subject_name(signer.get()));
  out.signing_time = signature.signing_time;
  if (IsListOfTrustedLists(list)) {
    out.kind = TrustedListAuthentication::Kind::kListOfListsAsConfigured;
    return out;
  }
  bool have_lotl = false;
  bool have_pointer = false;
  for (const TrustedList& lotl : lists_) {
    if (!IsListOfTrustedLists(lotl)) continue;
    have_lotl = true;
    for (const OtherTslPointer& pointer : lotl.pointers) {
      if (pointer.territory != list.territory) continue;
      have_pointer = true;
      for (const std::string& der : pointer.certificates) {
        if (der == out.signer_certificate_der) {
          out.kind = TrustedListAuthentication::Kind::kSignerListedInLotl;
          return out;
        }
      }
    }
  }
  if (!have_lotl) {
    out.kind = TrustedListAuthentication::Kind::kSignerNotAuthenticated;
    out.warning =
        absl::StrCat("no LOTL to authenticate the signer ", out.signer_subject);
    return out;
  }
  return absl::PermissionDeniedError(
      have_pointer
          ? absl::StrCat("signer ", out.signer_subject,
                         " is not among the certificates of the LOTL's "
                         "pointer for territory ",
                         list.territory)
          : absl::StrCat("the LOTL has no pointer for territory '",
                         list.territory, "'"));
}

std::vector<std::string> TrustStore::TrustedListWarnings() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < authentications_.size(); ++i) {
    if (!authentications_[i].warning.empty()) {
      out.push_back(
          absl::StrCat(list_origins_[i], ": ", authentications_[i].warning));
    }
  }
  return out;
}

void TrustStore::AddAnchor(std::string der, std::string subject,
                           std::string subject_der, std::string public_key_der,
                           AnchorSource source) {
  for (TrustAnchor& anchor : anchors_) {
    if (anchor.der == der) {
      anchor.sources.push_back(std::move(source));
      return;
    }
  }
  TrustAnchor anchor;
  anchor.sha256_hex = base::Sha256Hex(der);
  anchor.der = std::move(der);
  anchor.subject = std::move(subject);
  anchor.subject_der = std::move(subject_der);
  anchor.public_key_der = std::move(public_key_der);
  anchor.sources.push_back(std::move(source));
  anchors_.push_back(std::move(anchor));
}

absl::StatusOr<const TrustAnchor*> TrustStore::FindAnchor(
    absl::string_view cert_der) const {
  ASSIGN_OR_RETURN(X509Ptr cert, trust_internal::ParseCertificateDer(cert_der));
  const std::string subject = trust_internal::SubjectDer(cert.get());
  const std::string key = trust_internal::PublicKeyDer(cert.get());
  for (const TrustAnchor& anchor : anchors_) {
    if (anchor.subject_der == subject && anchor.public_key_der == key) {
      return &anchor;
    }
  }
  return nullptr;
}

absl::StatusOr<std::vector<TrustServiceRef>> TrustStore::FindServices(
    absl::string_view cert_der) const {
  ASSIGN_OR_RETURN(X509Ptr cert, trust_internal::ParseCertificateDer(cert_der));
  std::vector<TrustServiceRef> out;
  for (size_t l = 0; l < lists_.size(); ++l) {
    const TrustedList& list = lists_[l];
    for (size_t s = 0; s < list.services.size(); ++s) {
      for (const std::string& der : list.services[s].certificates) {
        auto service_cert = trust_internal::ParseCertificateDer(der);
        if (service_cert.ok() && trust_internal::SameSubjectAndKey(
                                     service_cert->get(), cert.get())) {
          out.push_back({&list, &list.services[s], static_cast<int>(l),
                         static_cast<int>(s)});
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace docintake::signature
