// The trusted-list parser and TrustStore on a hand-written list and hostile
// XML.
#include "signature/trust/trusted_list.h"

#include "gtest/gtest.h"
#include "signature/trust/trust_store.h"
#include "tests/signature/trust/test_pki.h"

namespace docintake::signature {
namespace {

using testing::MiniService;
using testing::Utc;

constexpr char kQualifiersNr[] =
    "<q:QualificationElement><q:Qualifiers>"
    "<q:Qualifier uri=\"http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/"
    "QCWithQSCD\"/></q:Qualifiers><q:CriteriaList assert=\"atLeastOne\">"
    "<q:KeyUsage><q:KeyUsageBit name=\"nonRepudiation\">true</q:KeyUsageBit>"
    "</q:KeyUsage><q:PolicySet><q:PolicyIdentifier><q:Identifier "
    "Qualifier=\"OIDAsURN\">urn:oid:1.2.3.4</q:Identifier>"
    "</q:PolicyIdentifier></q:PolicySet><q:Description>nR only"
    "</q:Description></q:CriteriaList></q:QualificationElement>";

class TrustedListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ca_ = testing::Issue(testing::MakeSpec([](testing::CertSpec& s) {
                           s.common_name = "QC CA";
                           s.ca = true;
                         }),
                         nullptr);
    MiniService service;
    service.name = "QC CA";
    service.type_uri = kServiceTypeCaQc;
    service.cert_der = ca_->der();
    service.status_uri = kStatusWithdrawn;
    service.status_start = "2021-05-21T10:00:00Z";
    service.history = {{kStatusGranted, "2016-06-30T22:00:00Z"},
                       {kStatusUnderSupervision, "2011-03-18T11:14:59Z"}};
    service.additional_info = {std::string(kSvcInfoExtPrefix) +
                               "ForeSignatures"};
    service.qualifications_xml = kQualifiersNr;
    xml_ = testing::MiniTrustedListXml("XX", 7, {service});
  }

  std::unique_ptr<testing::TestIdentity> ca_;
  std::string xml_;
};

TEST_F(TrustedListTest, ParsesSchemeAndServices) {
  auto list = ParseTrustedList(xml_);
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->territory, "XX");
  EXPECT_EQ(list->sequence_number, 7);
  EXPECT_EQ(list->scheme_operator_name, "Test Operator");
  EXPECT_EQ(list->issue_date, Utc(2023, 1, 2, 3, 4, 5));
  ASSERT_TRUE(list->next_update.has_value());
  EXPECT_EQ(*list->next_update, Utc(2023, 7, 2, 3, 4, 5));
  ASSERT_EQ(list->services.size(), 1u);
  const TrustService& s = list->services[0];
  EXPECT_EQ(s.tsp_name, "Test TSP");  // the English name wins
  EXPECT_EQ(s.current.service_name, "QC CA");
  EXPECT_EQ(ShortUriName(s.current.service_type), "CA/QC");
  EXPECT_EQ(s.current.status, kStatusWithdrawn);
  ASSERT_EQ(s.certificates.size(), 1u);
  EXPECT_EQ(s.certificates[0], ca_->der());
  ASSERT_EQ(s.history.size(), 2u);
  EXPECT_EQ(s.history[1].status_start, Utc(2011, 3, 18, 11, 14, 59));
  ASSERT_EQ(s.current.additional_info.size(), 1u);
  EXPECT_EQ(ShortUriName(s.current.additional_info[0]), "ForeSignatures");
  ASSERT_EQ(s.current.qualifications.size(), 1u);
  const Qualification& q = s.current.qualifications[0];
  ASSERT_EQ(q.qualifier_uris.size(), 1u);
  EXPECT_EQ(ShortUriName(q.qualifier_uris[0]), "QCWithQSCD");
  EXPECT_EQ(q.criteria.assert_mode, "atLeastOne");
  ASSERT_EQ(q.criteria.key_usages.size(), 1u);
  EXPECT_EQ(q.criteria.key_usages[0].bits[0].name, "nonRepudiation");
  EXPECT_TRUE(q.criteria.key_usages[0].bits[0].value);
  ASSERT_EQ(q.criteria.policy_sets.size(), 1u);
  EXPECT_EQ(q.criteria.policy_sets[0][0], "1.2.3.4");
  EXPECT_EQ(q.criteria.description, "nR only");
  EXPECT_FALSE(q.criteria.has_unsupported_criteria);
}

TEST_F(TrustedListTest, ServiceStatusAtPicksTheEntryInForce) {
  auto list = ParseTrustedList(xml_);
  ASSERT_TRUE(list.ok());
  const TrustService& s = list->services[0];
  EXPECT_EQ(ServiceStatusAt(s, Utc(2000, 1, 1)), nullptr);
  EXPECT_EQ(ServiceStatusAt(s, Utc(2012, 1, 1))->status,
            kStatusUnderSupervision);
  EXPECT_EQ(ServiceStatusAt(s, Utc(2016, 6, 30, 22))->status, kStatusGranted);
  EXPECT_EQ(ServiceStatusAt(s, Utc(2021, 5, 21, 9, 59, 59))->status,
            kStatusGranted);
  EXPECT_EQ(ServiceStatusAt(s, Utc(2021, 5, 21, 10))->status, kStatusWithdrawn);
  EXPECT_TRUE(IsGrantedStatusAt(kStatusUnderSupervision, Utc(2016, 6, 30)));
  EXPECT_FALSE(IsGrantedStatusAt(kStatusUnderSupervision, Utc(2016, 7, 1)));
  EXPECT_FALSE(IsGrantedStatusAt(kStatusWithdrawn, Utc(2012, 1, 1)));
}

TEST_F(TrustedListTest, TrustStoreAnchorsServiceCertificates) {
  TrustStore store;
  ASSERT_TRUE(store.AddTrustedList(xml_, "mini.xml").ok());
  ASSERT_EQ(store.anchors().size(), 1u);
  const AnchorSource& source = store.anchors()[0].sources[0];
  EXPECT_EQ(source.kind, AnchorSource::Kind::kTrustedList);
  EXPECT_EQ(source.path, "mini.xml");
  EXPECT_EQ(source.service_index, 0);
  EXPECT_NE(source.description.find("QC CA"), std::string::npos);
  auto services = store.FindServices(ca_->der());
  ASSERT_TRUE(services.ok());
  ASSERT_EQ(services->size(), 1u);
  EXPECT_EQ((*services)[0].service->current.service_name, "QC CA");
  auto found = store.FindAnchor(ca_->der());
  ASSERT_TRUE(found.ok());
  EXPECT_NE(*found, nullptr);
}

TEST(TrustedListParserTest, RejectsHostileOrForeignXml) {
  const char* kCases[] = {
      "",
      "<notxml",
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>",
      "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://example.com/x\"><x/>",
      "<Other/>",
      "<TrustServiceStatusList/>",
      "<TrustServiceStatusList><SchemeInformation><TSLSequenceNumber>x"
      "</TSLSequenceNumber></SchemeInformation></TrustServiceStatusList>",
      "<TrustServiceStatusList><SchemeInformation><TSLSequenceNumber>1"
      "</TSLSequenceNumber><ListIssueDateTime>yesterday</ListIssueDateTime>"
      "</SchemeInformation></TrustServiceStatusList>",
  };
  for (const char* xml : kCases) {
    auto list = ParseTrustedList(xml);
    EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument) << xml;
  }
  EXPECT_FALSE(
      ParseTrustedList(std::string(kMaxTrustedListBytes + 1, ' ')).ok());
}

TEST(TrustedListParserTest, RejectsBadServiceCertificate) {
  MiniService service;
  service.name = "Broken";
  service.type_uri = kServiceTypeCaQc;
  service.cert_der = "not DER";
  service.status_uri = kStatusGranted;
  service.status_start = "2020-01-01T00:00:00Z";
  const std::string xml = testing::MiniTrustedListXml("XX", 1, {service});
  EXPECT_TRUE(ParseTrustedList(xml).ok());  // the parser keeps bytes
  TrustStore store;
  EXPECT_EQ(store.AddTrustedList(xml, "broken.xml").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(store.anchors().empty());
}

}  // namespace
}  // namespace docintake::signature
