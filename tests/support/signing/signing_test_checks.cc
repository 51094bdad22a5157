#include "tests/support/signing/signing_test_checks.h"

#include <openssl/bio.h>
#include <openssl/evp.h>

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "tests/support/command.h"

namespace docintake::testing::signing::checks {

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

ToolResult QpdfCheck(const std::string& path) {
  return Qpdf("--check '" + path + "'");
}

ToolResult Qpdf(const std::string& args) {
  CommandResult r = RunCommand("qpdf " + args + " 2>&1");
  return {r.exit_code, r.out};
}

std::string Pdfsig(const std::string& path) {
  return RunCommand("pdfsig -nocert '" + path + "' 2>&1").out;
}

std::vector<std::vector<int64_t>> ByteRanges(const std::string& pdf) {
  std::vector<std::vector<int64_t>> out;
  for (size_t at = pdf.find("/ByteRange ["); at != std::string::npos;
       at = pdf.find("/ByteRange [", at + 1)) {
    const size_t open = pdf.find('[', at);
    const size_t close = pdf.find(']', open);
    std::vector<int64_t> values;
    for (absl::string_view token : absl::StrSplit(
             absl::string_view(pdf).substr(open + 1, close - open - 1), ' ',
             absl::SkipEmpty())) {
      int64_t v = 0;
      if (absl::SimpleAtoi(token, &v)) values.push_back(v);
    }
    out.push_back(values);
  }
  return out;
}

std::vector<HexContents> ContentsStrings(const std::string& pdf) {
  std::vector<HexContents> out;
  for (size_t at = pdf.find("/Contents <"); at != std::string::npos;
       at = pdf.find("/Contents <", at + 1)) {
    const size_t open = pdf.find('<', at);
    const size_t close = pdf.find('>', open);
    std::string hex = pdf.substr(open + 1, close - open - 1);
    out.push_back({open, close + 1, absl::HexStringToBytes(hex)});
  }
  return out;
}

std::string RangeBytes(const std::string& pdf, const std::vector<int64_t>& br) {
  return pdf.substr(static_cast<size_t>(br[0]), static_cast<size_t>(br[1])) +
         pdf.substr(static_cast<size_t>(br[2]), static_cast<size_t>(br[3]));
}

CMS_ContentInfo* ParseCms(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size()));
}

bool CmsVerifies(CMS_ContentInfo* cms, const std::string& content,
                 bool detached) {
  BIO* data = detached ? BIO_new_mem_buf(content.data(),
                                         static_cast<int>(content.size()))
                       : nullptr;
  const int ok = CMS_verify(cms, nullptr, nullptr, data, nullptr,
                            CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY);
  BIO_free(data);
  return ok == 1;
}

absl::Time FromAsn1(const ASN1_TIME* t) {
  struct tm tm {};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return absl::InfinitePast();
  return absl::FromUnixSeconds(timegm(&tm));
}

std::string Sha(const char* name, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, EVP_get_digestbyname(name),
             nullptr);
  return std::string(reinterpret_cast<char*>(out), len);
}

}  // namespace docintake::testing::signing::checks
