#include "ocr/batch_splitter.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::ocr {
namespace {

using Role = SplitPlan::Role;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

SplitPage Content() { return SplitPage(); }
SplitPage Blank() {
  SplitPage page;
  page.blank = true;
  return page;
}
SplitPage WithBarcode(std::string symbology, std::string value) {
  SplitPage page;
  page.barcodes.push_back(Barcode{std::move(symbology), std::move(value)});
  return page;
}
SplitPage PatchT() { return WithBarcode("CODE-39", "PATCHT"); }
SplitPage Asn(std::string value) {
  return WithBarcode("CODE-39", std::move(value));
}

// "[1-2] ASN=5; [4]" style rendering of the documents, for readable failures.
std::string Describe(const SplitPlan& plan) {
  std::string out;
  for (const SplitDocument& doc : plan.documents) {
    if (!out.empty()) out += "; ";
    out += "[";
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      if (i > 0) out += ",";
      out += std::to_string(doc.pages[i]);
    }
    out += "]";
    if (!doc.asn.empty()) out += " ASN=" + doc.asn;
  }
  return out;
}

TEST(BatchSplitterTest, EmptyBatchHasNoDocuments) {
  const SplitPlan plan = PlanSplit({});
  EXPECT_THAT(plan.roles, IsEmpty());
  EXPECT_THAT(plan.documents, IsEmpty());
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, BatchWithoutBarcodesIsOneDocument) {
  const SplitPlan plan = PlanSplit({Content(), Content(), Content()});
  EXPECT_EQ(Describe(plan), "[1,2,3]");
  EXPECT_THAT(plan.roles,
              ElementsAre(Role::kContent, Role::kContent, Role::kContent));
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, UnrelatedBarcodesDoNotSplit) {
  const SplitPlan plan =
      PlanSplit({Content(), WithBarcode("EAN-13", "4006381333931"),
                 WithBarcode("CODE-39", "ASN"), WithBarcode("CODE-39", "ASNX1"),
                 WithBarcode("QR-Code", "PATCHT2")});
  EXPECT_EQ(Describe(plan), "[1,2,3,4,5]");
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, SingleSeparatorSheetGivesNoDocuments) {
  const SplitPlan plan = PlanSplit({PatchT()});
  EXPECT_THAT(plan.roles, ElementsAre(Role::kSeparator));
  EXPECT_THAT(plan.documents, IsEmpty());
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, OnlySeparatorsGiveNoDocuments) {
  const SplitPlan plan = PlanSplit({PatchT(), PatchT(), PatchT()});
  EXPECT_THAT(plan.documents, IsEmpty());
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, SeparatorInTheMiddleIsDroppedAndSplits) {
  const SplitPlan plan = PlanSplit({Content(), PatchT(), Content()});
  EXPECT_EQ(Describe(plan), "[1]; [3]");
  EXPECT_THAT(plan.roles,
              ElementsAre(Role::kContent, Role::kSeparator, Role::kContent));
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, SeveralSeparators) {
  const SplitPlan plan = PlanSplit({Content(), Content(), PatchT(), Content(),
                                    Content(), PatchT(), Content()});
  EXPECT_EQ(Describe(plan), "[1,2]; [4,5]; [7]");
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, SeparatorFirstOrLastLeavesNoEmptyDocument) {
  EXPECT_EQ(Describe(PlanSplit({PatchT(), Content(), Content()})), "[2,3]");
  EXPECT_EQ(Describe(PlanSplit({Content(), Content(), PatchT()})), "[1,2]");
  const SplitPlan both = PlanSplit({PatchT(), Content(), PatchT()});
  EXPECT_EQ(Describe(both), "[2]");
  EXPECT_TRUE(both.split);
}

TEST(BatchSplitterTest, ConsecutiveSeparatorsLeaveNoEmptyDocument) {
  const SplitPlan plan =
      PlanSplit({Content(), PatchT(), PatchT(), PatchT(), Content()});
  EXPECT_EQ(Describe(plan), "[1]; [5]");
  EXPECT_THAT(plan.roles,
              ElementsAre(Role::kContent, Role::kSeparator, Role::kSeparator,
                          Role::kSeparator, Role::kContent));
}

TEST(BatchSplitterTest, SeparatorValueMatchesInAnySymbology) {
  const SplitPlan plan =
      PlanSplit({Content(), WithBarcode("QR-Code", "PATCHT"), Content(),
                 WithBarcode("CODE-128", "PATCHT"), Content()});
  EXPECT_EQ(Describe(plan), "[1]; [3]; [5]");
}

TEST(BatchSplitterTest, SeparatorAmongOtherBarcodesOnThePage) {
  SplitPage page = WithBarcode("EAN-13", "4006381333931");
  page.barcodes.push_back(Barcode{"CODE-39", "PATCHT"});
  EXPECT_EQ(Describe(PlanSplit({Content(), page, Content()})), "[1]; [3]");
}

TEST(BatchSplitterTest, CustomSeparatorValues) {
  SplitOptions options;
  options.separator_values = {"SEP", "NEXT"};
  const SplitPlan plan =
      PlanSplit({Content(), WithBarcode("QR-Code", "SEP"), Content(),
                 WithBarcode("CODE-39", "NEXT"), Content(), PatchT()},
                options);
  EXPECT_EQ(Describe(plan), "[1]; [3]; [5,6]");
}

TEST(BatchSplitterTest, AsnOnTheOnlyPageNamesTheDocument) {
  const SplitPlan plan = PlanSplit({Asn("ASN00123")});
  EXPECT_EQ(Describe(plan), "[1] ASN=123");
  EXPECT_THAT(plan.roles, ElementsAre(Role::kContent));
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, AsnOnPageOneDoesNotSplit) {
  const SplitPlan plan = PlanSplit({Asn("ASN7"), Content(), Content()});
  EXPECT_EQ(Describe(plan), "[1,2,3] ASN=7");
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, AsnOnALaterPageStartsADocumentAndIsKept) {
  const SplitPlan plan =
      PlanSplit({Content(), Content(), Asn("ASN00042"), Content()});
  EXPECT_EQ(Describe(plan), "[1,2]; [3,4] ASN=42");
  EXPECT_THAT(plan.roles, ElementsAre(Role::kContent, Role::kContent,
                                      Role::kContent, Role::kContent));
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, SplitByAsnCorpusPattern) {
  // separator/split-by-asn-1.pdf: ASNs on pages 1, 3, 4, 7 and 9 of 10.
  std::vector<SplitPage> pages(10);
  pages[0] = Asn("ASN00123");
  pages[2] = Asn("ASN00124");
  pages[3] = Asn("ASN00125");
  pages[6] = Asn("ASN00126");
  pages[8] = Asn("ASN00127");
  const SplitPlan plan = PlanSplit(pages);
  EXPECT_EQ(Describe(plan),
            "[1,2] ASN=123; [3] ASN=124; [4,5,6] ASN=125; [7,8] ASN=126; "
            "[9,10] ASN=127");
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, ConsecutiveAsnPagesAreSeparateDocuments) {
  EXPECT_EQ(Describe(PlanSplit({Asn("ASN1"), Asn("ASN2")})),
            "[1] ASN=1; [2] ASN=2");
  // Even with the same number twice: every ASN page starts a document.
  EXPECT_EQ(Describe(PlanSplit({Asn("ASN1"), Asn("ASN1")})),
            "[1] ASN=1; [2] ASN=1");
}

TEST(BatchSplitterTest, FirstOfTwoAsnsOnOnePageCounts) {
  SplitPage page = Asn("ASN0005");
  page.barcodes.push_back(Barcode{"QR-Code", "ASN0006"});
  EXPECT_EQ(Describe(PlanSplit({Content(), page, Content()})),
            "[1]; [2,3] ASN=5");
}

TEST(BatchSplitterTest, AsnAfterSeparatorOpensNoExtraDocument) {
  const SplitPlan plan =
      PlanSplit({Content(), PatchT(), Asn("ASN9"), Content()});
  EXPECT_EQ(Describe(plan), "[1]; [3,4] ASN=9");
  EXPECT_EQ(Describe(PlanSplit({PatchT(), Asn("ASN9"), Content()})),
            "[2,3] ASN=9");
}

TEST(BatchSplitterTest, SeparatorWinsOverAsnOnTheSamePage) {
  SplitPage page = PatchT();
  page.barcodes.push_back(Barcode{"CODE-39", "ASN00077"});
  const SplitPlan plan = PlanSplit({Content(), page, Content()});
  EXPECT_EQ(Describe(plan), "[1]; [3]");
  EXPECT_THAT(plan.roles,
              ElementsAre(Role::kContent, Role::kSeparator, Role::kContent));
}

TEST(BatchSplitterTest, AsnNumberDropsLeadingZeros) {
  EXPECT_EQ(Describe(PlanSplit({Asn("ASN0000")})), "[1] ASN=0");
  EXPECT_EQ(Describe(PlanSplit({Asn("ASN0100")})), "[1] ASN=100");
  EXPECT_EQ(Describe(PlanSplit({Asn("ASN12345678901234567890")})),
            "[1] ASN=12345678901234567890");
}

TEST(BatchSplitterTest, AsnNeedsPrefixAndOnlyDigits) {
  for (const char* value :
       {"ASN", "ASN12A", "asn123", "XASN123", "ASN 12", "ASN-12", "123"}) {
    SCOPED_TRACE(value);
    const SplitPlan plan = PlanSplit({Content(), Asn(value)});
    EXPECT_EQ(Describe(plan), "[1,2]");
    EXPECT_FALSE(plan.split);
  }
}

TEST(BatchSplitterTest, CustomAsnPrefix) {
  SplitOptions options;
  options.asn_prefix = "ARCH-";
  EXPECT_EQ(
      Describe(PlanSplit({Content(), Asn("ARCH-0042"), Asn("ASN1")}, options)),
      "[1]; [2,3] ASN=42");
}

TEST(BatchSplitterTest, EmptyAsnPrefixDisablesAsnSplitting) {
  SplitOptions options;
  options.asn_prefix = "";
  const SplitPlan plan = PlanSplit(
      {Content(), Asn("ASN00123"), WithBarcode("CODE-39", "42")}, options);
  EXPECT_EQ(Describe(plan), "[1,2,3]");
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, BlankPagesStayContentByDefault) {
  const SplitPlan plan = PlanSplit({Content(), Blank(), Content()});
  EXPECT_EQ(Describe(plan), "[1,2,3]");
  EXPECT_THAT(plan.roles,
              ElementsAre(Role::kContent, Role::kContent, Role::kContent));
  EXPECT_FALSE(plan.split);
}

TEST(BatchSplitterTest, BlankPagesSplitWhenEnabled) {
  SplitOptions options;
  options.split_at_blank_pages = true;
  const SplitPlan plan = PlanSplit(
      {Blank(), Content(), Blank(), Blank(), Content(), Content(), Blank()},
      options);
  EXPECT_EQ(Describe(plan), "[2]; [5,6]");
  EXPECT_THAT(
      plan.roles,
      ElementsAre(Role::kBlank, Role::kContent, Role::kBlank, Role::kBlank,
                  Role::kContent, Role::kContent, Role::kBlank));
  EXPECT_TRUE(plan.split);
}

TEST(BatchSplitterTest, TrailingBlankPageCountsAsSplitWhenEnabled) {
  SplitOptions options;
  options.split_at_blank_pages = true;
  const SplitPlan plan = PlanSplit({Content(), Blank()}, options);
  EXPECT_EQ(Describe(plan), "[1]");
  EXPECT_TRUE(plan.split);  // page 2 was dropped
}

TEST(BatchSplitterTest, OnlyBlankPagesWithBlankSplittingGiveNoDocuments) {
  SplitOptions options;
  options.split_at_blank_pages = true;
  const SplitPlan plan = PlanSplit({Blank(), Blank()}, options);
  EXPECT_THAT(plan.documents, IsEmpty());
  EXPECT_THAT(plan.roles, ElementsAre(Role::kBlank, Role::kBlank));
}

TEST(BatchSplitterTest, BlankPageWithBarcodeIsNotBlank) {
  SplitOptions options;
  options.split_at_blank_pages = true;
  SplitPage asn = Asn("ASN3");
  asn.blank = true;
  SplitPage separator = PatchT();
  separator.blank = true;
  const SplitPlan plan =
      PlanSplit({Content(), asn, Content(), separator, Content()}, options);
  EXPECT_EQ(Describe(plan), "[1]; [2,3] ASN=3; [5]");
  EXPECT_THAT(plan.roles,
              ElementsAre(Role::kContent, Role::kContent, Role::kContent,
                          Role::kSeparator, Role::kContent));
}

TEST(BatchSplitterTest, EveryPageHasARoleAndAppearsAtMostOnce) {
  SplitOptions options;
  options.split_at_blank_pages = true;
  const std::vector<SplitPage> pages = {
      PatchT(), Asn("ASN1"), Blank(),   Content(), Asn("ASN2"),
      PatchT(), PatchT(),    Content(), Blank(),   Asn("ASN3")};
  const SplitPlan plan = PlanSplit(pages, options);
  ASSERT_EQ(plan.roles.size(), pages.size());
  std::vector<int> kept;
  for (const SplitDocument& doc : plan.documents) {
    EXPECT_FALSE(doc.pages.empty());
    kept.insert(kept.end(), doc.pages.begin(), doc.pages.end());
  }
  std::vector<int> content;
  for (size_t i = 0; i < plan.roles.size(); ++i) {
    if (plan.roles[i] == Role::kContent)
      content.push_back(static_cast<int>(i) + 1);
  }
  EXPECT_EQ(kept, content);
  EXPECT_EQ(Describe(plan), "[2] ASN=1; [4]; [5] ASN=2; [8]; [10] ASN=3");
}

}  // namespace
}  // namespace docintake::ocr
