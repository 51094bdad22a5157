#include "signature/etsi_report.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;

std::string Escape(absl::string_view text) {
  return absl::StrReplaceAll(
      text, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}});
}

std::string Time(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                          absl::FromUnixSeconds(t.seconds()),
                          absl::UTCTimeZone());
}

std::string MainIndication(v1::Indication indication) {
  switch (indication) {
    case v1::TOTAL_PASSED:
      return "urn:etsi:019102:mainindication:total-passed";
    case v1::TOTAL_FAILED:
      return "urn:etsi:019102:mainindication:total-failed";
    default:
      return "urn:etsi:019102:mainindication:indeterminate";
  }
}

std::string Element(absl::string_view name, absl::string_view text) {
  return absl::StrCat("<", name, ">", Escape(text), "</", name, ">");
}

std::string Qualification(Validation::Qualification q) {
  switch (q) {
    case Validation::QESIG:
      return "urn:cef:dss:signatureQualification:QESig";
    case Validation::QESEAL:
      return "urn:cef:dss:signatureQualification:QESeal";
    case Validation::ADESIG_QC:
      return "urn:cef:dss:signatureQualification:AdESigQC";
    case Validation::ADESIG:
      return "urn:cef:dss:signatureQualification:AdESig";
    case Validation::NOT_ADES:
      return "urn:cef:dss:signatureQualification:notAdES";
    default:
      return "urn:cef:dss:signatureQualification:indeterminate";
  }
}

std::string SignatureReport(const Validation& s,
                            const v1::SignatureReport& report) {
  std::string out = "<SignatureValidationReport>";
  absl::StrAppend(&out, "<SignatureIdentifier id=\"S-", s.index(), "\">",
                  Element("DAIdentifier", s.field_name()),
                  "</SignatureIdentifier>");
  absl::StrAppend(&out, "<ValidationTimeInfo>",
                  Element("ValidationTime", Time(report.validation_time())));
  if (s.has_best_signature_time()) {
    absl::StrAppend(
        &out, "<BestSignatureTime>",
        Element("POETime", Time(s.best_signature_time())),
        Element("TypeOfProof", "urn:etsi:019102:poetype:validation"),
        "</BestSignatureTime>");
  }
  absl::StrAppend(&out, "</ValidationTimeInfo>");
  if (s.has_claimed_signing_time()) {
    absl::StrAppend(&out, "<SignatureAttributes>",
                    Element("SigningTime", Time(s.claimed_signing_time())),
                    "</SignatureAttributes>");
  }
  if (!s.signer().subject().empty()) {
    absl::StrAppend(&out, "<SignerInformation>",
                    Element("Signer", s.signer().subject()),
                    "</SignerInformation>");
  }
  if (s.kind() != Validation::DOCUMENT_TIMESTAMP) {
    absl::StrAppend(&out, "<SignatureQuality>",
                    Element("SignatureQualityInformation",
                            Qualification(s.qualification())),
                    "</SignatureQuality>");
  }
  absl::StrAppend(&out, "<SignatureValidationStatus>",
                  Element("MainIndication", MainIndication(s.indication())));
  if (s.subindication() != v1::SUBINDICATION_UNSPECIFIED) {
    absl::StrAppend(
        &out, Element("SubIndication",
                      absl::StrCat("urn:etsi:019102:subindication:",
                                   v1::SubIndication_Name(s.subindication()))));
  }
  for (const std::string& error : s.errors()) {
    absl::StrAppend(&out,
                    "<AssociatedValidationReportData><"
                    "AdditionalValidationReportData><ReportData>",
                    Element("Type", "urn:docintake:error"),
                    Element("Value", error),
                    "</ReportData></AdditionalValidationReportData></"
                    "AssociatedValidationReportData>");
  }
  for (const std::string& warning : s.warnings()) {
    absl::StrAppend(&out,
                    "<AssociatedValidationReportData><"
                    "AdditionalValidationReportData><ReportData>",
                    Element("Type", "urn:docintake:warning"),
                    Element("Value", warning),
                    "</ReportData></AdditionalValidationReportData></"
                    "AssociatedValidationReportData>");
  }
  absl::StrAppend(&out,
                  "</SignatureValidationStatus></SignatureValidationReport>");
  return out;
}

}  // namespace

std::string EtsiValidationReport(const v1::SignatureReport& report) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<ValidationReport xmlns=\"http://uri.etsi.org/19102/v1.2.1#\">";
  for (const Validation& s : report.signatures()) {
    absl::StrAppend(&out, SignatureReport(s, report));
  }
  absl::StrAppend(&out, "<SignatureValidator>", "<DigitalId>",
                  Element("X509SubjectName", "CN=docintake"), "</DigitalId>",
                  "</SignatureValidator>", "</ValidationReport>\n");
  return out;
}

}  // namespace docintake::signature
