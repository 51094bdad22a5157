// The set of trust anchors a validation assumes, with where each came from:
// certificate files (PEM with one or more certificates, or DER) and the
// service digital identities of trusted lists (CA, OCSP, TSA services of
// any status — the status at a time is looked up by whoever needs it, see
// ChainOptions and qualification.h). An anchor is matched by subject and
// public key, not by exact bytes: a re-issued copy of a root with the same
// key is the same anchor. Trusted lists are loaded only with a verifying
// XML signature, national lists authenticated through a loaded LOTL (see
// TrustedListAuthentication). Immutable after loading; safe to share.
#ifndef DOCINTAKE_SIGNATURE_TRUST_TRUST_STORE_H_
#define DOCINTAKE_SIGNATURE_TRUST_TRUST_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
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

// How the signer of a loaded trusted list was authenticated. Every signed
// list's XML signature has verified (xml_signature.h); a list whose
// signature does not verify is never loaded.
struct TrustedListAuthentication {
  enum class Kind {
    // A list of trusted lists. Accepted as given: the LOTL is configuration
    // (the operator chose the file); its signer is not checked against the
    // certificates the EU publishes in the Official Journal.
    kListOfListsAsConfigured,
    // A national list signed with one of the certificates that a loaded
    // LOTL's pointer for the list's territory names (exact DER match).
    kSignerListedInLotl,
    // A national list whose signature verifies while no LOTL is loaded:
    // the signer is reported but unauthenticated (see `warning`).
    kSignerNotAuthenticated,
    // A list without ds:Signature, accepted only where unsigned lists are
    // allowed (TrustStoreOptions, or the two-argument AddTrustedList).
    kUnsigned,
  };
  Kind kind = Kind::kUnsigned;
  std::string signer_certificate_der;  // "" for kUnsigned
  std::string signer_subject;          // RFC 2253
  // XAdES SigningTime as claimed in the signature.
  std::optional<absl::Time> signing_time;
  std::string warning;  // "" or e.g. "no LOTL to authenticate the signer"
};

struct TrustStoreOptions {
  // Whether a trusted list without ds:Signature is loaded (as kUnsigned,
  // with a warning) instead of refused. Off for production trust folders.
  bool allow_unsigned_trusted_lists = false;
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
  // (other files, e.g. .tsv/.md, are skipped). Lists of trusted lists are
  // added before all other files, so national lists are authenticated
  // against them whatever the file order. Fails closed: a trusted list whose
  // signature does not verify (InvalidArgument "XML signature <verdict>:
  // <reason>"), whose signer a loaded LOTL does not list (PermissionDenied)
  // or that is unsigned (InvalidArgument, unless allowed) refuses the whole
  // load. Every error names the offending file.
  static absl::StatusOr<TrustStore> Load(const std::vector<std::string>& paths,
                                         const TrustStoreOptions& options = {});

  // Adds the certificates of a PEM (one or more) or DER blob as anchors.
  absl::Status AddCertificates(absl::string_view pem_or_der,
                               const std::string& origin);
  // Adds a trusted list and its service certificates (services of type
  // CA/*, NationalRootCA*, Certstatus/* and TSA/*) as anchors; a list of
  // lists (LOTL) adds no anchors. Authenticates the list as Load does,
  // against the LOTLs added before it (a LOTL added later does not re-check
  // it). Errors as for Load, without the file name; nothing is added then.
  absl::Status AddTrustedList(absl::string_view xml, const std::string& origin,
                              const TrustStoreOptions& options);
  // The same for stores assembled in code (tests, hand-written lists): an
  // unsigned list is accepted as kUnsigned; a signature, if present, must
  // verify.
  absl::Status AddTrustedList(absl::string_view xml, const std::string& origin);

  const std::vector<TrustAnchor>& anchors() const { return anchors_; }
  const std::vector<TrustedList>& trusted_lists() const { return lists_; }
  // Origins of the trusted lists, parallel to trusted_lists().
  const std::vector<std::string>& trusted_list_origins() const {
    return list_origins_;
  }

  // How each trusted list was authenticated, parallel to trusted_lists().
  const std::vector<TrustedListAuthentication>& trusted_list_authentications()
      const {
    return authentications_;
  }
  // The authentication warnings as "<origin>: <warning>" lines.
  std::vector<std::string> TrustedListWarnings() const;

  // The anchor with the certificate's subject and public key, or nullptr.
  // InvalidArgument if `cert_der` is not a certificate.
  absl::StatusOr<const TrustAnchor*> FindAnchor(
      absl::string_view cert_der) const;

  // Trusted-list services whose digital identity has the certificate's
  // subject and public key (any service type, any status).
  absl::StatusOr<std::vector<TrustServiceRef>> FindServices(
      absl::string_view cert_der) const;

 private:
  absl::StatusOr<TrustedListAuthentication> Authenticate(
      const TrustedList& list, absl::string_view xml,
      const TrustStoreOptions& options) const;
  void AddAnchor(std::string der, std::string subject, std::string subject_der,
                 std::string public_key_der, AnchorSource source);

  std::vector<TrustAnchor> anchors_;
  std::vector<TrustedList> lists_;
  std::vector<std::string> list_origins_;
  std::vector<TrustedListAuthentication> authentications_;
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_TRUST_STORE_H_
