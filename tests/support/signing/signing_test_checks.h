// Independent checks for the signing test support's self-test: external
// tools (qpdf, pdfsig) and small parsers that do not share code with the
// library under test. Test-only.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_SIGNING_TEST_CHECKS_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_SIGNING_TEST_CHECKS_H_

#include <openssl/cms.h>
#include <openssl/x509.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace docintake::testing::signing::checks {

void WriteFile(const std::string& path, const std::string& data);

// `qpdf --check` exit code and output (stdout and stderr).
struct ToolResult {
  int exit_code;
  std::string out;
};
ToolResult QpdfCheck(const std::string& path);
ToolResult Qpdf(const std::string& args);
// `pdfsig -nocert` output (stdout and stderr).
std::string Pdfsig(const std::string& path);

// Per "/ByteRange [" in `pdf`, in file order, the numbers up to ']'.
std::vector<std::vector<int64_t>> ByteRanges(const std::string& pdf);
// Per "/Contents <" in `pdf`, the offset of '<' and the decoded bytes.
struct HexContents {
  size_t offset;
  size_t end;  // just after '>'
  std::string bytes;
};
std::vector<HexContents> ContentsStrings(const std::string& pdf);
// The bytes selected by a 4-number ByteRange.
std::string RangeBytes(const std::string& pdf, const std::vector<int64_t>& br);

// d2i of a CMS ContentInfo (null on failure; caller frees).
CMS_ContentInfo* ParseCms(const std::string& der);
// CMS_verify with the embedded certificates, no chain check; `content` for
// detached signatures ("" = attached).
bool CmsVerifies(CMS_ContentInfo* cms, const std::string& content,
                 bool detached);

absl::Time FromAsn1(const ASN1_TIME* t);
std::string Sha(const char* name, const std::string& data);

}  // namespace docintake::testing::signing::checks

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_SIGNING_TEST_CHECKS_H_
