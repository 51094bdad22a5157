#include "signature/trust/chain_validator.h"

#include <openssl/err.h>

#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "signature/trust/internal/online_revocation.h"
#include "signature/trust/internal/revocation_checker.h"
#include "signature/trust/internal/x509_util.h"

namespace docintake::signature {
namespace {

using trust_internal::X509Ptr;
using trust_internal::X509StackPtr;
using trust_internal::X509StoreCtxPtr;
using trust_internal::X509StorePtr;

struct VerifyError {
  int code;
  int depth;
};

bool IsTimeError(int code) {
  return code == X509_V_ERR_CERT_HAS_EXPIRED ||
         code == X509_V_ERR_CERT_NOT_YET_VALID ||
         code == X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD ||
         code == X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD;
}

// Errors meaning "no path to an anchor" stop verification; time and
// constraint errors are recorded and verification goes on, so that one run
// yields the whole path and every problem.
bool IsPathError(int code) {
  switch (code) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
    case X509_V_ERR_CERT_CHAIN_TOO_LONG:
    case X509_V_ERR_OUT_OF_MEM:
      return true;
    default:
      return false;
  }
}

int VerifyCallback(int ok, X509_STORE_CTX* ctx) {
  if (ok == 1) return 1;
  auto* errors =
      static_cast<std::vector<VerifyError>*>(X509_STORE_CTX_get_app_data(ctx));
  const int code = X509_STORE_CTX_get_error(ctx);
  errors->push_back({code, X509_STORE_CTX_get_error_depth(ctx)});
  return IsPathError(code) ? 0 : 1;
}

std::string DescribeError(const VerifyError& e,
                          const std::vector<ChainCertificate>& chain) {
  std::string who = absl::StrCat("certificate at depth ", e.depth);
  if (e.depth >= 0 && static_cast<size_t>(e.depth) < chain.size()) {
    who = absl::StrCat("'", chain[e.depth].subject, "'");
  }
  return absl::StrCat(who, ": ", X509_verify_cert_error_string(e.code));
}

ChainCertificate Summarize(X509* cert) {
  ChainCertificate c;
  c.der = trust_internal::CertificateDer(cert);
  c.subject = trust_internal::NameToString(X509_get_subject_name(cert));
  c.issuer = trust_internal::NameToString(X509_get_issuer_name(cert));
  c.serial_hex = trust_internal::SerialHex(cert);
  c.not_before = trust_internal::AsnTimeToTime(X509_get0_notBefore(cert))
                     .value_or(absl::InfinitePast());
  c.not_after = trust_internal::AsnTimeToTime(X509_get0_notAfter(cert))
                    .value_or(absl::InfinitePast());
  c.sha256_hex = base::Sha256Hex(c.der);
  return c;
}

}  // namespace

const char* ChainStatusName(ChainStatus status) {
  switch (status) {
    case ChainStatus::kValid:
      return "PASSED";
    case ChainStatus::kNoCertificateChainFound:
      return "NO_CERTIFICATE_CHAIN_FOUND";
    case ChainStatus::kChainConstraintsFailure:
      return "CHAIN_CONSTRAINTS_FAILURE";
    case ChainStatus::kRevoked:
      return "REVOKED";
    case ChainStatus::kRevokedNoPoe:
      return "REVOKED_NO_POE";
    case ChainStatus::kRevokedCaNoPoe:
      return "REVOKED_CA_NO_POE";
    case ChainStatus::kOutOfBoundsNotRevoked:
      return "OUT_OF_BOUNDS_NOT_REVOKED";
    case ChainStatus::kOutOfBoundsNoPoe:
      return "OUT_OF_BOUNDS_NO_POE";
    case ChainStatus::kTryLater:
      return "TRY_LATER";
  }
  return "UNKNOWN";
}

const char* ChainIndication(ChainStatus status) {
  switch (status) {
    case ChainStatus::kValid:
      return "TOTAL-PASSED";
    case ChainStatus::kRevoked:
      return "TOTAL-FAILED";
    default:
      return "INDETERMINATE";
  }
}

const char* RevocationStateName(RevocationState state) {
  switch (state) {
    case RevocationState::kNotChecked:
      return "NOT_CHECKED";
    case RevocationState::kGood:
      return "GOOD";
    case RevocationState::kRevoked:
      return "REVOKED";
    case RevocationState::kUnknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

struct ChainValidator::Impl {
  const TrustStore& store;
  std::vector<X509Ptr> anchors;  // parallel to store.anchors()

  bool AnchorActive(size_t index, absl::Time t) const {
    for (const AnchorSource& source : store.anchors()[index].sources) {
      if (source.kind == AnchorSource::Kind::kCertificateFile) return true;
      const TrustService& service = store.trusted_lists()[source.list_index]
                                        .services[source.service_index];
      const ServiceStatusEntry* entry = ServiceStatusAt(service, t);
      if (entry != nullptr && IsGrantedStatusAt(entry->status, t)) return true;
    }
    return false;
  }

  ChainResult Run(X509* leaf, const std::vector<X509*>& pool,
                  const RevocationData& revocation,
                  const ChainOptions& options) const;
};

ChainValidator::ChainValidator(const TrustStore& store)
    : impl_(new Impl{store, {}}) {
  for (const TrustAnchor& anchor : store.anchors()) {
    auto cert = trust_internal::ParseCertificateDer(anchor.der);
    impl_->anchors.push_back(cert.ok() ? std::move(cert).value() : nullptr);
  }
  ERR_clear_error();
}

ChainValidator::~ChainValidator() = default;

absl::StatusOr<ChainResult> ChainValidator::Validate(
    absl::string_view certificate_der,
    const std::vector<std::string>& untrusted_pool,
    const RevocationData& revocation, const ChainOptions& options) const {
  auto leaf = trust_internal::ParseCertificateDer(certificate_der);
  if (!leaf.ok()) return leaf.status();
  std::vector<X509Ptr> owned_pool;
  std::vector<std::string> skipped;
  for (size_t i = 0; i < untrusted_pool.size(); ++i) {
    auto cert = trust_internal::ParseCertificateDer(untrusted_pool[i]);
    if (cert.ok()) {
      owned_pool.push_back(std::move(cert).value());
    } else {
      skipped.push_back(absl::StrCat("untrusted certificate #", i,
                                     " skipped: ", cert.status().message()));
    }
  }
  std::vector<X509*> pool;
  for (const X509Ptr& c : owned_pool) pool.push_back(c.get());
  ChainResult result = impl_->Run(leaf->get(), pool, revocation, options);
  for (std::string& s : skipped) result.reasons.push_back(std::move(s));
  ERR_clear_error();
  return result;
}

ChainResult ChainValidator::Impl::Run(X509* leaf,
                                      const std::vector<X509*>& pool,
                                      const RevocationData& revocation,
                                      const ChainOptions& options) const {
  ChainResult result;
  const absl::Time t = options.validation_time;
  X509StorePtr x509_store(X509_STORE_new());
  std::vector<size_t> active;
  for (size_t i = 0; i < anchors.size(); ++i) {
    if (anchors[i] == nullptr) continue;
    if (options.require_active_tl_service && !AnchorActive(i, t)) continue;
    X509_STORE_add_cert(x509_store.get(), anchors[i].get());
    active.push_back(i);
  }
  auto find_anchor = [&](X509* cert) -> const TrustAnchor* {
    for (size_t i : active) {
      if (trust_internal::SameSubjectAndKey(anchors[i].get(), cert)) {
        return &store.anchors()[i];
      }
    }
    return nullptr;
  };
  // A certificate with an anchor's subject and key is that anchor, even when
  // its bytes differ (re-issued roots): trust it as such.
  std::vector<X509*> candidates(pool);
  candidates.push_back(leaf);
  for (X509* cert : candidates) {
    if (find_anchor(cert) != nullptr)
      X509_STORE_add_cert(x509_store.get(), cert);
  }
  ERR_clear_error();  // "cert already in hash table"

  X509StackPtr untrusted(sk_X509_new_null());
  for (X509* cert : pool) {
    if (X509_up_ref(cert) == 1) sk_X509_push(untrusted.get(), cert);
  }
  X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  std::vector<VerifyError> errors;
  if (ctx == nullptr || X509_STORE_CTX_init(ctx.get(), x509_store.get(), leaf,
                                            untrusted.get()) != 1) {
    result.reasons.push_back("OpenSSL could not set up path validation");
    return result;
  }
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_time(param, trust_internal::ToTimeT(t));
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
  X509_STORE_CTX_set_app_data(ctx.get(), &errors);
  X509_STORE_CTX_set_verify_cb(ctx.get(), VerifyCallback);
  const int rc = X509_verify_cert(ctx.get());
  X509StackPtr chain(X509_STORE_CTX_get1_chain(ctx.get()));
  std::vector<X509*> path;
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain.get()); ++i) {
    path.push_back(sk_X509_value(chain.get(), i));
  }
  if (path.empty()) path.push_back(leaf);
  for (X509* cert : path) {
    ChainCertificate c = Summarize(cert);
    if (const TrustAnchor* anchor = find_anchor(cert)) {
      c.is_anchor = true;
      c.anchor_sources = anchor->sources;
    }
    result.chain.push_back(std::move(c));
  }

  bool anchored = rc == 1 && result.chain.back().is_anchor;
  std::vector<std::string> path_reasons, constraint_reasons, time_reasons;
  bool leaf_time_error = false;
  for (const VerifyError& e : errors) {
    const std::string text = DescribeError(e, result.chain);
    if (IsPathError(e.code)) {
      anchored = false;
      path_reasons.push_back(text);
    } else if (IsTimeError(e.code)) {
      time_reasons.push_back(text);
      if (e.depth == 0) leaf_time_error = true;
    } else {
      constraint_reasons.push_back(text);
    }
  }
  if (!anchored) {
    result.status = ChainStatus::kNoCertificateChainFound;
    result.reasons.push_back("no path to a trust anchor");
    for (std::string& r : path_reasons) result.reasons.push_back(std::move(r));
    return result;
  }

  // The purpose of the end-entity certificate.
  X509* end = path.front();
  const trust_internal::KeyUsage ku = trust_internal::GetKeyUsage(end);
  switch (options.purpose) {
    case CertificatePurpose::kSigning:
      if (ku.present && (ku.bits & KU_NON_REPUDIATION) == 0) {
        constraint_reasons.push_back(
            "the signing certificate lacks the nonRepudiation "
            "(contentCommitment) key usage");
      }
      break;
    case CertificatePurpose::kTimestamping:
      if (!trust_internal::HasExtendedKeyUsage(end, NID_time_stamp)) {
        constraint_reasons.push_back(
            "the timestamping certificate lacks the timeStamping extended "
            "key usage");
      }
      break;
    case CertificatePurpose::kOcspSigning:
      if (!result.chain.front().is_anchor &&
          !trust_internal::HasExtendedKeyUsage(end, NID_OCSP_sign)) {
        constraint_reasons.push_back(
            "the OCSP responder certificate lacks the OCSPSigning extended "
            "key usage");
      }
      break;
    case CertificatePurpose::kAny:
      break;
  }

  // Revocation of every certificate below the anchor.
  const trust_internal::ResponderTrustFn responder_trust =
      [this, &options](X509* responder, const std::vector<X509*>& extra,
                       absl::Time at, std::string* why) {
        using ResponderTrust = RevocationFinding::ResponderTrust;
        ChainOptions o;
        o.purpose = CertificatePurpose::kOcspSigning;
        o.validation_time = at;
        o.require_revocation_data = false;
        o.require_active_tl_service = options.require_active_tl_service;
        ChainResult r = Run(responder, extra, RevocationData(), o);
        if (r.status == ChainStatus::kValid && !r.chain.empty()) {
          for (const AnchorSource& source : r.chain.back().anchor_sources) {
            if (source.kind == AnchorSource::Kind::kTrustedList) {
              return ResponderTrust::kTrustedList;
            }
          }
          return ResponderTrust::kCertificateFile;
        }
        *why = absl::StrCat(ChainStatusName(r.status),
                            r.reasons.empty() ? "" : ": ",
                            r.reasons.empty() ? "" : r.reasons[0]);
        return ResponderTrust::kNone;
      };
  trust_internal::RevocationChecker checker(revocation, responder_trust, t,
                                            options.clock_skew);
  std::vector<std::string> revocation_reasons(checker.parse_notes());
  std::vector<X509*> lookup(pool);
  lookup.insert(lookup.end(), path.begin(), path.end());
  bool leaf_revoked = false, ca_revoked = false, unknown = false;
  bool leaf_good = true;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    ChainCertificate& c = result.chain[i];
    if (c.is_anchor) break;
    c.revocation = checker.Check(path[i], path[i + 1], lookup);
    if (options.fetcher != nullptr &&
        c.revocation.state == RevocationState::kUnknown) {
      c.revocation = trust_internal::CheckOnline(
          *options.fetcher, path[i], path[i + 1], lookup, responder_trust, t,
          options.clock_skew, std::move(c.revocation));
    }
    if (c.revocation.state == RevocationState::kRevoked) {
      (i == 0 ? leaf_revoked : ca_revoked) = true;
      revocation_reasons.insert(revocation_reasons.begin(),
                                absl::StrCat("'", c.subject, "' was revoked (",
                                             c.revocation.source, ")"));
    } else if (c.revocation.state == RevocationState::kUnknown) {
      if (i == 0 || options.require_revocation_data_for_ca) unknown = true;
      std::string why = absl::StrCat("no revocation data covers '", c.subject,
                                     "' at the validation time");
      for (const std::string& note : c.revocation.notes) {
        absl::StrAppend(&why, "; ", note);
      }
      revocation_reasons.push_back(std::move(why));
    }
    if (i == 0 && c.revocation.state != RevocationState::kGood) {
      leaf_good = false;
    }
  }

  const bool revoked_first = leaf_revoked || ca_revoked;
  auto append = [&](std::vector<std::string>& from) {
    for (std::string& r : from) result.reasons.push_back(std::move(r));
  };
  if (revoked_first) append(revocation_reasons);
  append(constraint_reasons);
  append(time_reasons);
  if (!revoked_first) append(revocation_reasons);
  if (leaf_revoked) {
    result.status = options.time_is_proof_of_existence
                        ? ChainStatus::kRevoked
                        : ChainStatus::kRevokedNoPoe;
  } else if (ca_revoked) {
    result.status = ChainStatus::kRevokedCaNoPoe;
  } else if (!constraint_reasons.empty()) {
    result.status = ChainStatus::kChainConstraintsFailure;
  } else if (!time_reasons.empty()) {
    result.status = leaf_time_error && leaf_good && result.chain.size() > 1
                        ? ChainStatus::kOutOfBoundsNotRevoked
                        : ChainStatus::kOutOfBoundsNoPoe;
  } else if (unknown && options.require_revocation_data) {
    result.status = ChainStatus::kTryLater;
  } else {
    result.status = ChainStatus::kValid;
  }
  return result;
}

}  // namespace docintake::signature
