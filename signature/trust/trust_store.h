// The set of trust anchors a validation assumes, with where each came from:
// certificate files (PEM with one or more certificates, or DER) and the
// service digital identities of trusted lists (CA, OCSP, TSA services of
// any status — the status at a time is looked up by whoever needs it, see
// ChainOptions and qualification.h). An anchor is matched by subject and
// public key, not by exact bytes: a re-issued copy of a root with the same
// key is the same anchor. Immutable after loading; safe to share.
#ifndef DOCINTAKE_SIGNATURE_TRUST_TRUST_STORE_H_
#define DOCINTAKE_SIGNATURE_TRUST_TRUST_STORE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "signature/trust/trusted_list.h"

namespace docintake::signature {

// Where an anchor came from.
struct AnchorSource {
  enum class Kind { kCertificateFile, kTrustedList };
  Kind kind = Kind::kCertificateFile;
  std::string path;  // file (or caller-given origin) it was loaded from
  // For kTrustedList: indexes into TrustStore::trusted_lists() and its
  // services.
  int list_index = -1;
  int service_index = -1;
  std::string description;  // one line for reports
};

struct TrustAnchor {
  std::string der;
  std::string sha256_hex;
  std::string subject;      // RFC 2253
  std::string subject_der;  // for matching
  std::string public_key_der;
  std::vector<AnchorSource> sources;
};

// A trusted-list service together with its list.
struct TrustServiceRef {
  const TrustedList* list = nullptr;
  const TrustService* service = nullptr;
  int list_index = -1;
  int service_index = -1;
};

class TrustStore {
 public:
  TrustStore() = default;

  // Loads each path: a certificate file, a trusted list (XML), or a
  // directory searched recursively for *.pem/*.crt/*.cer/*.der and *.xml
  // (other files, e.g. .tsv/.md, are skipped). InvalidArgument/NotFound
  // names the offending file.
  static absl::StatusOr<TrustStore> Load(const std::vector<std::string>& paths);

  // Adds the certificates of a PEM (one or more) or DER blob as anchors.
  absl::Status AddCertificates(absl::string_view pem_or_der,
                               const std::string& origin);
  // Adds a trusted list and its service certificates (services of type
  // CA/*, NationalRootCA*, Certstatus/* and TSA/*) as anchors. A list of
  // lists (LOTL) adds no anchors.
  absl::Status AddTrustedList(absl::string_view xml, const std::string& origin);

  const std::vector<TrustAnchor>& anchors() const { return anchors_; }
  const std::vector<TrustedList>& trusted_lists() const { return lists_; }
  // Origins of the trusted lists, parallel to trusted_lists().
  const std::vector<std::string>& trusted_list_origins() const {
    return list_origins_;
  }

  // The anchor with the certificate's subject and public key, or nullptr.
  // InvalidArgument if `cert_der` is not a certificate.
  absl::StatusOr<const TrustAnchor*> FindAnchor(
      absl::string_view cert_der) const;

  // Trusted-list services whose digital identity has the certificate's
  // subject and public key (any service type, any status).
  absl::StatusOr<std::vector<TrustServiceRef>> FindServices(
      absl::string_view cert_der) const;

 private:
  void AddAnchor(std::string der, std::string subject, std::string subject_der,
                 std::string public_key_der, AnchorSource source);

  std::vector<TrustAnchor> anchors_;
  std::vector<TrustedList> lists_;
  std::vector<std::string> list_origins_;
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_TRUST_STORE_H_
