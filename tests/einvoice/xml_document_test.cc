#include "intake/einvoice/xml_document.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice {
namespace {

constexpr char kSmallUbl[] =
    "<?xml version=\"1.0\"?>\n"
    "<ubl:Invoice xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:"
    "Invoice-2\"\n"
    " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:"
    "CommonBasicComponents-2\"\n"
    " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:"
    "CommonAggregateComponents-2\">\n"
    "  <cbc:ID>A-1</cbc:ID>\n"
    "  <cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>\n"
    "  <cbc:Note>x</cbc:Note>\n"
    "  <cac:InvoiceLine><cbc:ID>2</cbc:ID>\n"
    "    <cbc:LineExtensionAmount currencyID=\"EUR\">1.50"
    "</cbc:LineExtensionAmount>\n"
    "    <cbc:Note><![CDATA[a<b]]> &amp; c</cbc:Note>\n"
    "    <foo:Bar xmlns:foo=\"urn:other\"/>\n"
    "  </cac:InvoiceLine>\n"
    "</ubl:Invoice>\n";

TEST(XmlDocumentTest, ReadsElementsTextAttributesAndLocations) {
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(kSmallUbl);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const XmlElement root = doc->Root();
  EXPECT_TRUE(root.Is(kUblInvoiceNs, "Invoice"));
  EXPECT_EQ(root.path(), "/ubl:Invoice[1]");
  EXPECT_EQ(root.line(), 4);  // the line where the start tag ends
  EXPECT_EQ(root.Find("cbc:ID").Text(), "A-1");
  const auto lines = root.Children(kCacNs, "InvoiceLine");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].path(), "/ubl:Invoice[1]/cac:InvoiceLine[2]");
  EXPECT_EQ(lines[1].line(), 8);
  const XmlElement amount = lines[1].Child(kCbcNs, "LineExtensionAmount");
  EXPECT_EQ(amount.path(),
            "/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:LineExtensionAmount[1]");
  EXPECT_EQ(amount.Attribute("currencyID").value_or("?"), "EUR");
  EXPECT_FALSE(amount.Attribute("unitCode").has_value());
  EXPECT_EQ(lines[1].Find("cbc:Note").Text(), "a<b & c");
  // All-children positions count same-named siblings only.
  const auto all = root.Children();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[2].path(), "/ubl:Invoice[1]/cbc:Note[1]");
  EXPECT_EQ(all[3].path(), "/ubl:Invoice[1]/cac:InvoiceLine[2]");
  EXPECT_EQ(lines[1].Children().back().path(),
            "/ubl:Invoice[1]/cac:InvoiceLine[2]/Q{urn:other}Bar[1]");
  const auto ids = root.FindAll("cac:InvoiceLine/cbc:ID");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1].Text(), "2");
  EXPECT_EQ(ids[1].path(), "/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]");
  EXPECT_FALSE(root.Find("cac:Nothing/cbc:ID").valid());
  EXPECT_FALSE(root.Find("nope:InvoiceLine").valid());
}

TEST(XmlDocumentTest, RefusesExternalEntities) {
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<r>&x;</r>";
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(xxe);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlRefused);
  EXPECT_NE(doc.status().message().find("entity"), absl::string_view::npos);
}

TEST(XmlDocumentTest, RefusesParameterEntitiesAndNetworkDtds) {
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]>\n"
      "<r/>";
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(xxe);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlRefused);
}

TEST(XmlDocumentTest, RefusesBillionLaughs) {
  std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
      "<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    absl::StrAppend(&bomb, "<!ENTITY lol", i, " \"");
    for (int k = 0; k < 10; ++k) {
      absl::StrAppend(&bomb,
                      i == 1 ? "&lol;" : absl::StrCat("&lol", i - 1, ";"));
    }
    absl::StrAppend(&bomb, "\">\n");
  }
  absl::StrAppend(&bomb, "]>\n<lolz>&lol9;</lolz>\n");
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(bomb);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlRefused);
}

TEST(XmlDocumentTest, AcceptsADoctypeWithoutEntities) {
  absl::StatusOr<XmlDocument> doc =
      XmlDocument::Parse("<!DOCTYPE r [<!ELEMENT r ANY>]><r>1</r>");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->Root().Text(), "1");
}

TEST(XmlDocumentTest, NotWellFormedCarriesThePseudoRuleId) {
  for (const char* bad : {"", "<a>", "<a></b>", "not xml", "<a x='1' x='2'/>",
                          "<a>&undef;</a>", "<a/><b/>", "<p:a/>"}) {
    absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(bad);
    ASSERT_FALSE(doc.ok()) << bad;
    EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlNotWellFormed) << bad;
    EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  }
}

TEST(XmlDocumentTest, EnforcesTheDepthLimit) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  for (int i = 0; i < 100; ++i) deep += "</a>";
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(deep);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlRefused);
  XmlLimits generous;
  generous.max_depth = 200;
  EXPECT_TRUE(XmlDocument::Parse(deep, generous).ok());
}

TEST(XmlDocumentTest, EnforcesTheSizeLimit) {
  XmlLimits small;
  small.max_bytes = 10;
  absl::StatusOr<XmlDocument> doc =
      XmlDocument::Parse("<a>0123456789</a>", small);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlRefused);
  EXPECT_TRUE(XmlDocument::Parse("<a>1</a>", small).ok());
}

TEST(XmlDocumentTest, OtherErrorsCarryNoPseudoRuleId) {
  EXPECT_EQ(PseudoRuleIdOf(absl::InternalError("x")), "");
}

}  // namespace
}  // namespace docintake::einvoice
