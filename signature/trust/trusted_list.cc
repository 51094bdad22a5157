#include "signature/trust/trusted_list.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/trust/internal/xml_document.h"

namespace docintake::signature {
namespace {

using trust_internal::Attribute;
using trust_internal::Children;
using trust_internal::DecodeBase64Text;
using trust_internal::FindPath;
using trust_internal::FirstChild;
using trust_internal::PreferredName;
using trust_internal::TrimmedText;

constexpr int kMaxCriteriaDepth = 8;

absl::StatusOr<absl::Time> ParseXmlDateTime(const std::string& text,
                                            absl::string_view what) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad ", what, " '", text, "': ", error));
  }
  return t;
}

// OIDs appear as "1.2.3" or "urn:oid:1.2.3".
std::string NormalizeOid(std::string oid) {
  if (absl::StartsWithIgnoreCase(oid, "urn:oid:")) oid.erase(0, 8);
  return oid;
}

QualificationCriteria ParseCriteria(const xmlNode* list, int depth) {
  QualificationCriteria criteria;
  criteria.assert_mode = Attribute(list, "assert");
  if (criteria.assert_mode.empty()) criteria.assert_mode = "all";
  for (xmlNode* child : trust_internal::ElementChildren(list)) {
    if (trust_internal::IsElement(child, "KeyUsage")) {
      KeyUsageCriterion ku;
      for (xmlNode* bit : Children(child, "KeyUsageBit")) {
        ku.bits.push_back({Attribute(bit, "name"), TrimmedText(bit) == "true"});
      }
      criteria.key_usages.push_back(std::move(ku));
    } else if (trust_internal::IsElement(child, "PolicySet")) {
      std::vector<std::string> set;
      for (xmlNode* id : Children(child, "PolicyIdentifier")) {
        set.push_back(NormalizeOid(TrimmedText(FirstChild(id, "Identifier"))));
      }
      criteria.policy_sets.push_back(std::move(set));
    } else if (trust_internal::IsElement(child, "CriteriaList")) {
      if (depth >= kMaxCriteriaDepth) {
        criteria.has_unsupported_criteria = true;
      } else {
        criteria.nested.push_back(ParseCriteria(child, depth + 1));
      }
    } else if (trust_internal::IsElement(child, "Description")) {
      criteria.description = TrimmedText(child);
    } else {
      criteria.has_unsupported_criteria = true;
    }
  }
  return criteria;
}

void ParseExtensions(const xmlNode* extensions, ServiceStatusEntry& entry) {
  for (xmlNode* ext : Children(extensions, "Extension")) {
    for (xmlNode* quals : Children(ext, "Qualifications")) {
      for (xmlNode* element : Children(quals, "QualificationElement")) {
        Qualification q;
        for (xmlNode* qualifier :
             Children(FirstChild(element, "Qualifiers"), "Qualifier")) {
          q.qualifier_uris.push_back(Attribute(qualifier, "uri"));
        }
        if (xmlNode* list = FirstChild(element, "CriteriaList")) {
          q.criteria = ParseCriteria(list, 0);
        }
        entry.qualifications.push_back(std::move(q));
      }
    }
    for (xmlNode* info : Children(ext, "AdditionalServiceInformation")) {
      const std::string uri = TrimmedText(FirstChild(info, "URI"));
      if (!uri.empty()) entry.additional_info.push_back(uri);
    }
  }
}

// Reads the fields shared by ServiceInformation and ServiceHistoryInstance;
// certificates of the digital identity go to `certificates` if given.
absl::StatusOr<ServiceStatusEntry> ParseEntry(
    const xmlNode* node, std::vector<std::string>* certificates) {
  ServiceStatusEntry entry;
  entry.service_type = TrimmedText(FirstChild(node, "ServiceTypeIdentifier"));
  entry.service_name = PreferredName(FirstChild(node, "ServiceName"));
  entry.status = TrimmedText(FirstChild(node, "ServiceStatus"));
  if (entry.service_type.empty() || entry.status.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "service '", entry.service_name, "' lacks type or status"));
  }
  {
    ASSIGN_OR_RETURN(
        entry.status_start,
        ParseXmlDateTime(TrimmedText(FirstChild(node, "StatusStartingTime")),
                         "StatusStartingTime"));
  }
  for (xmlNode* id :
       Children(FirstChild(node, "ServiceDigitalIdentity"), "DigitalId")) {
    if (xmlNode* cert = FirstChild(id, "X509Certificate")) {
      if (certificates != nullptr) {
        ASSIGN_OR_RETURN(std::string der, DecodeBase64Text(TrimmedText(cert)));
        certificates->push_back(std::move(der));
      }
    } else if (xmlNode* subject = FirstChild(id, "X509SubjectName")) {
      entry.x509_subject_names.push_back(TrimmedText(subject));
    } else if (xmlNode* ski = FirstChild(id, "X509SKI")) {
      ASSIGN_OR_RETURN(std::string raw, DecodeBase64Text(TrimmedText(ski)));
      entry.x509_skis.push_back(std::move(raw));
    }
  }
  ParseExtensions(FirstChild(node, "ServiceInformationExtensions"), entry);
  return entry;
}

absl::StatusOr<TrustService> ParseService(const xmlNode* service,
                                          const std::string& tsp_name) {
  TrustService out;
  out.tsp_name = tsp_name;
  const xmlNode* info = FirstChild(service, "ServiceInformation");
  if (info == nullptr) {
    return absl::InvalidArgumentError("TSPService without ServiceInformation");
  }
  ASSIGN_OR_RETURN(out.current, ParseEntry(info, &out.certificates));
  for (xmlNode* instance : Children(FirstChild(service, "ServiceHistory"),
                                    "ServiceHistoryInstance")) {
    ASSIGN_OR_RETURN(ServiceStatusEntry entry, ParseEntry(instance, nullptr));
    out.history.push_back(std::move(entry));
  }
  return out;
}

absl::StatusOr<OtherTslPointer> ParsePointer(const xmlNode* pointer) {
  OtherTslPointer out;
  out.location = TrimmedText(FirstChild(pointer, "TSLLocation"));
  for (xmlNode* identity :
       Children(FirstChild(pointer, "ServiceDigitalIdentities"),
                "ServiceDigitalIdentity")) {
    for (xmlNode* id : Children(identity, "DigitalId")) {
      if (xmlNode* cert = FirstChild(id, "X509Certificate")) {
        ASSIGN_OR_RETURN(std::string der, DecodeBase64Text(TrimmedText(cert)));
        out.certificates.push_back(std::move(der));
      }
    }
  }
  for (xmlNode* other : Children(FirstChild(pointer, "AdditionalInformation"),
                                 "OtherInformation")) {
    if (xmlNode* t = FirstChild(other, "SchemeTerritory")) {
      out.territory = TrimmedText(t);
    }
    if (xmlNode* m = FirstChild(other, "MimeType"))
      out.mime_type = TrimmedText(m);
  }
  return out;
}

}  // namespace

absl::StatusOr<TrustedList> ParseTrustedList(absl::string_view xml) {
  ASSIGN_OR_RETURN(trust_internal::XmlDocPtr doc,
                   trust_internal::ParseXmlSecurely(xml, kMaxTrustedListBytes));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!trust_internal::IsElement(root, "TrustServiceStatusList")) {
    return absl::InvalidArgumentError(
        "not a trusted list: root element is not TrustServiceStatusList");
  }
  const xmlNode* scheme = FirstChild(root, "SchemeInformation");
  if (scheme == nullptr) {
    return absl::InvalidArgumentError("trusted list without SchemeInformation");
  }
  TrustedList list;
  list.territory = TrimmedText(FirstChild(scheme, "SchemeTerritory"));
  list.tsl_type = TrimmedText(FirstChild(scheme, "TSLType"));
  list.scheme_operator_name =
      PreferredName(FirstChild(scheme, "SchemeOperatorName"));
  const std::string sequence =
      TrimmedText(FirstChild(scheme, "TSLSequenceNumber"));
  if (!absl::SimpleAtoi(sequence, &list.sequence_number) ||
      list.sequence_number < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad TSLSequenceNumber '", sequence, "'"));
  }
  {
    ASSIGN_OR_RETURN(
        list.issue_date,
        ParseXmlDateTime(TrimmedText(FirstChild(scheme, "ListIssueDateTime")),
                         "ListIssueDateTime"));
  }
  if (xmlNode* next = FindPath(scheme, {"NextUpdate", "dateTime"})) {
    ASSIGN_OR_RETURN(absl::Time t,
                     ParseXmlDateTime(TrimmedText(next), "NextUpdate"));
    list.next_update = t;
  }
  for (xmlNode* pointer :
       Children(FirstChild(scheme, "PointersToOtherTSL"), "OtherTSLPointer")) {
    ASSIGN_OR_RETURN(OtherTslPointer p, ParsePointer(pointer));
    list.pointers.push_back(std::move(p));
  }
  for (xmlNode* tsp : Children(FirstChild(root, "TrustServiceProviderList"),
                               "TrustServiceProvider")) {
    const std::string tsp_name =
        PreferredName(FindPath(tsp, {"TSPInformation", "TSPName"}));
    for (xmlNode* service :
         Children(FirstChild(tsp, "TSPServices"), "TSPService")) {
      ASSIGN_OR_RETURN(TrustService s, ParseService(service, tsp_name));
      list.services.push_back(std::move(s));
    }
  }
  return list;
}

bool IsListOfTrustedLists(const TrustedList& list) {
  return absl::EndsWithIgnoreCase(list.tsl_type, "listofthelists");
}

const ServiceStatusEntry* ServiceStatusAt(const TrustService& service,
                                          absl::Time time) {
  const ServiceStatusEntry* best = nullptr;
  auto consider = [&](const ServiceStatusEntry& entry) {
    if (entry.status_start > time) return;
    if (best == nullptr || entry.status_start > best->status_start) {
      best = &entry;
    }
  };
  consider(service.current);
  for (const ServiceStatusEntry& entry : service.history) consider(entry);
  return best;
}

std::string ShortUriName(absl::string_view uri) {
  for (absl::string_view prefix :
       {"http://uri.etsi.org/TrstSvc/Svctype/",
        "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/",
        "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/"}) {
    if (absl::StartsWith(uri, prefix)) {
      return std::string(uri.substr(prefix.size()));
    }
  }
  return std::string(uri);
}

bool IsGrantedStatusAt(absl::string_view status_uri, absl::Time time) {
  if (status_uri == kStatusGranted) return true;
  static const absl::Time kEidasStart =
      absl::FromCivil(absl::CivilDay(2016, 7, 1), absl::UTCTimeZone());
  return time < kEidasStart && (status_uri == kStatusUnderSupervision ||
                                status_uri == kStatusAccredited ||
                                status_uri == kStatusSupervisionInCessation);
}

}  // namespace docintake::signature
