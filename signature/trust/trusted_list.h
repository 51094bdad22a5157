// An ETSI TS 119 612 trusted list (an EU member state's list or the EU list
// of trusted lists), parsed into plain values: scheme facts, the trust
// services with their status history, qualifications extensions and
// additional service information, and the pointers to other lists.
// Certificates are DER bytes, times absl::Time. Values are immutable after
// parsing and safe to share between threads.
#ifndef DOCINTAKE_SIGNATURE_TRUST_TRUSTED_LIST_H_
#define DOCINTAKE_SIGNATURE_TRUST_TRUSTED_LIST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::signature {

// Service type identifiers (ServiceTypeIdentifier).
inline constexpr char kServiceTypeCaQc[] =
    "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
inline constexpr char kServiceTypeCaPkc[] =
    "http://uri.etsi.org/TrstSvc/Svctype/CA/PKC";
inline constexpr char kServiceTypeOcspQc[] =
    "http://uri.etsi.org/TrstSvc/Svctype/Certstatus/OCSP/QC";
inline constexpr char kServiceTypeTsaQtst[] =
    "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST";

// Service status URIs (ServiceStatus).
inline constexpr char kStatusGranted[] =
    "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
inline constexpr char kStatusWithdrawn[] =
    "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn";
inline constexpr char kStatusUnderSupervision[] =
    "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision";
inline constexpr char kStatusAccredited[] =
    "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited";
inline constexpr char kStatusSupervisionInCessation[] =
    "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/"
    "supervisionincessation";

// Prefix of qualifier and additional-service-information URIs; the short
// names below follow it ("ForeSignatures", "QCWithQSCD", ...).
inline constexpr char kSvcInfoExtPrefix[] =
    "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/";

// One KeyUsage criterion: every listed bit must have the given value.
struct KeyUsageCriterion {
  struct Bit {
    std::string name;  // "nonRepudiation", "digitalSignature", ...
    bool value = false;
  };
  std::vector<Bit> bits;
};

// A CriteriaList of a qualification element (TS 119 612 §5.5.9.2).
struct QualificationCriteria {
  std::string assert_mode;  // "all", "atLeastOne" or "none"
  std::vector<KeyUsageCriterion> key_usages;
  // Each PolicySet: the certificate must hold all of these policy OIDs.
  std::vector<std::vector<std::string>> policy_sets;
  std::vector<QualificationCriteria> nested;
  std::string description;
  // Criteria this parser does not evaluate (otherCriteriaList, ...): a
  // certificate never matches criteria that contain such a criterion.
  bool has_unsupported_criteria = false;
};

// A QualificationElement: qualifier URIs applying to matching certificates.
struct Qualification {
  std::vector<std::string> qualifier_uris;
  QualificationCriteria criteria;
};

// The state of a service from `status_start` on: the current service
// information or one ServiceHistoryInstance.
struct ServiceStatusEntry {
  std::string service_type;  // URI
  std::string service_name;  // English name where available
  std::string status;        // URI
  absl::Time status_start;
  std::vector<std::string> additional_info;  // URIs
  std::vector<Qualification> qualifications;
  std::vector<std::string> x509_subject_names;  // as written in the list
  std::vector<std::string> x509_skis;           // raw key identifier bytes
};

struct TrustService {
  std::string tsp_name;
  ServiceStatusEntry current;
  std::vector<ServiceStatusEntry> history;  // as listed (newest first)
  std::vector<std::string> certificates;    // DER, current digital identity
};

// A PointersToOtherTSL entry (the LOTL points to the national lists).
struct OtherTslPointer {
  std::string location;
  std::string territory;
  std::string mime_type;
  std::vector<std::string> certificates;  // DER of the list's signers
};

struct TrustedList {
  std::string territory;
  int64_t sequence_number = 0;
  std::string tsl_type;
  std::string scheme_operator_name;
  absl::Time issue_date;
  std::optional<absl::Time> next_update;
  std::vector<TrustService> services;
  std::vector<OtherTslPointer> pointers;
};

// True for a list of trusted lists (TSLType ".../EUlistofthelists" or a
// non-EU "CClistofthelists"): it points to other lists, lists no services.
bool IsListOfTrustedLists(const TrustedList& list);

// Limit on the size of a trusted list document accepted by the parser.
inline constexpr size_t kMaxTrustedListBytes = 32u << 20;

// Parses a trusted list without network access, DTD loading or entity
// expansion. InvalidArgument for malformed XML, a document that is not a
// TrustServiceStatusList, or missing mandatory scheme facts.
absl::StatusOr<TrustedList> ParseTrustedList(absl::string_view xml);

// The entry of `service` in force at `time`: the one with the latest
// status_start not after `time`; nullptr if the service was not yet listed.
// The returned pointer lives as long as `service`.
const ServiceStatusEntry* ServiceStatusAt(const TrustService& service,
                                          absl::Time time);

// Short name of a URI under kSvcInfoExtPrefix or of a status/type URI: the
// part after the last '/' of the known prefixes ("granted", "QCWithQSCD").
std::string ShortUriName(absl::string_view uri);

// True for granted, and before 2016-07-01 (eIDAS) also for the pre-eIDAS
// statuses undersupervision, accredited and supervisionincessation.
bool IsGrantedStatusAt(absl::string_view status_uri, absl::Time time);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_TRUSTED_LIST_H_
