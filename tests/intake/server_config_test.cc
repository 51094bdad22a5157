#include "intake/server_config.h"

#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace docintake::intake {
namespace {

using ::testing::HasSubstr;

TEST(ServerConfigTest, DefaultsAreDocumented) {
  absl::StatusOr<ServerConfig> c = ParseServerConfig({});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->listen, "127.0.0.1:50051");
  EXPECT_EQ(c->data_dir, "./var");
  EXPECT_EQ(c->max_document_bytes, 256ULL << 20);
  EXPECT_EQ(c->workers, 0);
}

TEST(ServerConfigTest, FlagsOverrideTheFileWhereverConfigStands) {
  testing::TempDir dir;
  const std::string path = dir.Path("docintaked.conf");
  std::ofstream(path) << "# comment\nlisten = 0.0.0.0:1\n"
                         "data-dir = /srv/x  # trailing comment\n"
                         "max-document-size = 10MiB\nworkers = 3\n";
  absl::StatusOr<ServerConfig> c = ParseServerConfig(
      {"--listen=127.0.0.1:9", "--config", path, "--workers", "5"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->listen, "127.0.0.1:9");
  EXPECT_EQ(c->data_dir, "/srv/x");
  EXPECT_EQ(c->max_document_bytes, 10ULL << 20);
  EXPECT_EQ(c->workers, 5);
}

TEST(ServerConfigTest, RejectsUnknownAndMalformedSettings) {
  EXPECT_THAT(
      std::string(ParseServerConfig({"--colour", "red"}).status().message()),
      HasSubstr("colour"));
  EXPECT_FALSE(ParseServerConfig({"--max-document-size", "lots"}).ok());
  EXPECT_FALSE(ParseServerConfig({"--workers", "-1"}).ok());
  EXPECT_FALSE(ParseServerConfig({"--lease", "0s"}).ok());
  EXPECT_FALSE(ParseServerConfig({"--listen"}).ok());
  EXPECT_FALSE(ParseServerConfig({"positional"}).ok());
}

TEST(ServerConfigTest, OcrAndBatchSettings) {
  absl::StatusOr<ServerConfig> defaults = ParseServerConfig({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->ocr_language, "deu");
  EXPECT_EQ(defaults->ocr_dpi, 300);
  EXPECT_TRUE(defaults->split_batches);
  EXPECT_FALSE(defaults->split_at_blank_pages);
  absl::StatusOr<ServerConfig> c = ParseServerConfig(
      {"--ocr-language", "deu+eng", "--ocr-dpi", "400", "--ocr-engines", "3",
       "--ocr-max-page-time", "30s", "--max-page-pixels", "1000000",
       "--split-batches", "false", "--split-at-blank-pages", "yes"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->ocr_language, "deu+eng");
  EXPECT_EQ(c->ocr_dpi, 400);
  EXPECT_EQ(c->ocr_engines, 3);
  EXPECT_EQ(c->ocr_max_page_time, absl::Seconds(30));
  EXPECT_EQ(c->max_page_pixels, 1000000);
  EXPECT_FALSE(c->split_batches);
  EXPECT_TRUE(c->split_at_blank_pages);
  EXPECT_FALSE(ParseServerConfig({"--ocr-dpi", "5000"}).ok());
  EXPECT_FALSE(ParseServerConfig({"--ocr-language", "../etc"}).ok());
  EXPECT_THAT(
      std::string(
          ParseServerConfig({"--split-batches", "maybe"}).status().message()),
      HasSubstr("true or false"));
}

TEST(ServerConfigTest, SignatureSettings) {
  absl::StatusOr<ServerConfig> defaults = ParseServerConfig({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_TRUE(defaults->trust_paths.empty());
  EXPECT_FALSE(defaults->revocation_fetch);
  absl::StatusOr<ServerConfig> c =
      ParseServerConfig({"--trust", "/etc/a.pem", "--trust=/etc/lists",
                         "--revocation-fetch", "true"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->trust_paths,
            (std::vector<std::string>{"/etc/a.pem", "/etc/lists"}));
  EXPECT_TRUE(c->revocation_fetch);
  EXPECT_FALSE(ParseServerConfig({"--trust="}).ok());
  EXPECT_FALSE(ParseServerConfig({"--revocation-fetch", "sometimes"}).ok());
  EXPECT_NE(ServerConfigHelp().find("--revocation-fetch"), std::string::npos);
}

TEST(ServerConfigTest, NamesTheLineOfABadFileEntry) {
  testing::TempDir dir;
  const std::string path = dir.Path("bad.conf");
  std::ofstream(path) << "listen = 127.0.0.1:1\nnot a setting\n";
  absl::Status s = ParseServerConfig({"--config", path}).status();
  EXPECT_THAT(std::string(s.message()), HasSubstr("bad.conf:2"));
}

}  // namespace
}  // namespace docintake::intake
