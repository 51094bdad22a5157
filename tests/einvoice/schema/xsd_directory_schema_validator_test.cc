// XsdDirectorySchemaValidator: the hand-made cases of schema_cases.h with the
// corpus folder's xsd/, concurrent use, and configuration errors (missing
// files, a schema import that would need the network — refused without a
// connection attempt).
#include "intake/einvoice/schema/xsd_directory_schema_validator.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/owned.h"
#include "gtest/gtest.h"
#include "tests/einvoice/schema/schema_cases.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

using schema_test::CaseDocument;
using schema_test::SchemaCase;
using schema_test::SchemaCases;

std::multiset<std::string> Locations(const SchemaValidator& validator,
                                     const SchemaCase& c) {
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(CaseDocument(c));
  if (!doc.ok()) return {"parse error"};
  absl::StatusOr<std::vector<Finding>> findings =
      validator.Validate(*doc, c.cii ? Syntax::kCii : Syntax::kUblInvoice);
  if (!findings.ok()) return {"validation error"};
  std::multiset<std::string> out;
  for (const Finding& f : *findings) out.insert(f.location);
  return out;
}

TEST(XsdDirectorySchemaValidatorTest, ReportsWhatXmllintReports) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  auto validator =
      XsdDirectorySchemaValidator::Create(corpus + "/einvoice/xsd");
  ASSERT_TRUE(validator.ok()) << validator.status();
  for (const SchemaCase& c : SchemaCases()) {
    EXPECT_EQ(
        Locations(**validator, c),
        std::multiset<std::string>(c.locations.begin(), c.locations.end()))
        << c.name;
  }
}

TEST(XsdDirectorySchemaValidatorTest, IsSafeToUseFromSeveralThreads) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  auto validator =
      XsdDirectorySchemaValidator::Create(corpus + "/einvoice/xsd");
  ASSERT_TRUE(validator.ok()) << validator.status();
  const std::vector<SchemaCase> cases = SchemaCases();
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (const SchemaCase& c : cases) {
          if (Locations(**validator, c) !=
              std::multiset<std::string>(c.locations.begin(),
                                         c.locations.end())) {
            ++wrong[t];
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

TEST(XsdDirectorySchemaValidatorTest, MissingDirectoryIsNotFound) {
  auto validator =
      XsdDirectorySchemaValidator::Create("/nonexistent/docintake-xsd");
  EXPECT_EQ(validator.status().code(), absl::StatusCode::kNotFound);
}

class TempSchemaDir : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/docintake-xsd-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    for (const char* sub : {"/ubl-2.1", "/ubl-2.1/maindoc", "/cii-d16b"}) {
      ASSERT_EQ(mkdir((dir_ + sub).c_str(), 0700), 0);
    }
  }
  void TearDown() override {
    for (const std::string& f : files_) std::remove(f.c_str());
    for (const char* sub : {"/ubl-2.1/maindoc", "/ubl-2.1", "/cii-d16b", ""}) {
      rmdir((dir_ + sub).c_str());
    }
  }
  void Write(const std::string& relative, const std::string& text) {
    const std::string path = dir_ + "/" + relative;
    std::ofstream(path) << text;
    files_.push_back(path);
  }

  std::string dir_;
  std::vector<std::string> files_;
};

constexpr char kTinySchema[] =
    R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">)"
    R"(<xs:element name="a" type="xs:string"/></xs:schema>)";

TEST_F(TempSchemaDir, ImportOverTheNetworkIsRefused) {
  // A listening loopback socket: a schema loader that went to the network
  // would connect to it.
  base::Fd listener(socket(AF_INET, SOCK_STREAM, 0));
  ASSERT_GE(listener.get(), 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(
      bind(listener.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(listener.get(), 4), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(
      getsockname(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const std::string port = std::to_string(ntohs(addr.sin_port));
  Write("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd",
        R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">)"
        R"(<xs:import namespace="urn:x" schemaLocation="http://127.0.0.1:)" +
            port +
            R"(/never.xsd"/>)"
            R"(<xs:element name="a" type="b:T" xmlns:b="urn:x"/></xs:schema>)");
  Write("ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd", kTinySchema);
  Write("cii-d16b/CrossIndustryInvoice_100pD16B.xsd", kTinySchema);
  auto validator = XsdDirectorySchemaValidator::Create(dir_);
  EXPECT_EQ(validator.status().code(), absl::StatusCode::kInvalidArgument)
      << validator.status();
  ASSERT_EQ(fcntl(listener.get(), F_SETFL, O_NONBLOCK), 0);
  base::Fd accepted(accept(listener.get(), nullptr, nullptr));
  EXPECT_LT(accepted.get(), 0) << "the schema loader connected to the network";
}

TEST_F(TempSchemaDir, MissingMainSchemaIsNotFound) {
  Write("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", kTinySchema);
  Write("ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd", kTinySchema);
  auto validator = XsdDirectorySchemaValidator::Create(dir_);
  EXPECT_EQ(validator.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(TempSchemaDir, LocalSchemasLoad) {
  Write("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", kTinySchema);
  Write("ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd", kTinySchema);
  Write("cii-d16b/CrossIndustryInvoice_100pD16B.xsd", kTinySchema);
  auto validator = XsdDirectorySchemaValidator::Create(dir_);
  ASSERT_TRUE(validator.ok()) << validator.status();
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse("<a>x</a>");
  ASSERT_TRUE(doc.ok());
  auto findings = (*validator)->Validate(*doc, Syntax::kUblInvoice);
  ASSERT_TRUE(findings.ok());
  EXPECT_TRUE(findings->empty());
  doc = XmlDocument::Parse("<b/>");
  ASSERT_TRUE(doc.ok());
  findings = (*validator)->Validate(*doc, Syntax::kUblInvoice);
  ASSERT_TRUE(findings.ok());
  ASSERT_EQ(findings->size(), 1u);
  EXPECT_EQ((*findings)[0].location, "line 1 element b");
}

}  // namespace
}  // namespace docintake::einvoice
