#include "archive/signing_key.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

// RFC 8032 §7.1, TEST 1, as PKCS#8 (prefix 302e020100300506032b657004220420).
constexpr char kRfc8032Test1Pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";
constexpr char kRfc8032Test1Public[] =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr char kRfc8032Test1Signature[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
    "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

// A throwaway ECDSA P-384 key: valid PKCS#8, unsupported curve.
constexpr char kP384Pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDChpg2bes3sPXVRTYq\n"
    "/UQLkknF6FGbkigFoaVwvVjp/sTto4wjcEoBuvr0zjh+AyqhZANiAATigrPQpik8\n"
    "I1v1T7JBLp6somqPbva5EeX1PkBgXII4y5O2PxLpFYCcA1Dr5Ik0MVV8ygX/TQny\n"
    "FlH2BvU1O6DeuTxIA3Omh6WOhdHmcR+wXwEvOekHUZN211SV+21k/So=\n"
    "-----END PRIVATE KEY-----\n";

void WriteFile(const std::string& path, const std::string& data, mode_t mode) {
  std::ofstream(path, std::ios::binary) << data;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

mode_t ModeOf(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

class SigningKeyTest : public ::testing::TestWithParam<KeyAlgorithm> {
 protected:
  std::unique_ptr<SigningKey> CreateKey() {
    absl::StatusOr<std::unique_ptr<SigningKey>> key =
        SigningKey::LoadOrCreate(path_, GetParam());
    EXPECT_TRUE(key.ok()) << key.status();
    return key.ok() ? *std::move(key) : nullptr;
  }
  VerifyingKey PublicOf(const SigningKey& key) {
    absl::StatusOr<VerifyingKey> public_key =
        VerifyingKey::FromPem(key.PublicKeyPem());
    EXPECT_TRUE(public_key.ok()) << public_key.status();
    return *public_key;
  }

  testing::TempDir dir_;
  const std::string path_ = dir_.Path("archive-key.pem");
};

INSTANTIATE_TEST_SUITE_P(Algorithms, SigningKeyTest,
                         ::testing::Values(KeyAlgorithm::kEd25519,
                                           KeyAlgorithm::kEcdsaP256),
                         [](const auto& param_info) {
                           return param_info.param == KeyAlgorithm::kEd25519
                                      ? "Ed25519"
                                      : "EcdsaP256";
                         });

TEST_P(SigningKeyTest, SignatureVerifiesWithPublicKey) {
  std::unique_ptr<SigningKey> key = CreateKey();
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->algorithm(), GetParam());
  const VerifyingKey public_key = PublicOf(*key);
  EXPECT_EQ(public_key.algorithm(), GetParam());
  const std::string signature = key->Sign("checkpoint text\n");
  EXPECT_TRUE(public_key.Verify("checkpoint text\n", signature).ok());
  EXPECT_EQ(public_key.KeyId("origin"), key->KeyId("origin"));
  EXPECT_EQ(key->KeyId("origin").size(), 4u);
}

TEST_P(SigningKeyTest, ChangedMessageIsDataLoss) {
  std::unique_ptr<SigningKey> key = CreateKey();
  ASSERT_NE(key, nullptr);
  const std::string signature = key->Sign("tree size 8");
  absl::Status status = PublicOf(*key).Verify("tree size 9", signature);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
}

TEST_P(SigningKeyTest, ChangedSignatureIsDataLoss) {
  std::unique_ptr<SigningKey> key = CreateKey();
  ASSERT_NE(key, nullptr);
  const VerifyingKey public_key = PublicOf(*key);
  const std::string signature = key->Sign("message");
  for (size_t i = 0; i < signature.size(); ++i) {
    std::string changed = signature;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    EXPECT_EQ(public_key.Verify("message", changed).code(),
              absl::StatusCode::kDataLoss)
        << "byte " << i;
  }
  EXPECT_EQ(public_key.Verify("message", "").code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(public_key.Verify("message", signature + "x").code(),
            absl::StatusCode::kDataLoss);
}

TEST_P(SigningKeyTest, KeyFileIsOwnerOnlyPkcs8) {
  ASSERT_NE(CreateKey(), nullptr);
  EXPECT_EQ(ModeOf(path_), 0600u);
  EXPECT_TRUE(
      absl::StartsWith(ReadFile(path_), "-----BEGIN PRIVATE KEY-----\n"));
  // No temp file is left next to it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_.path()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST_P(SigningKeyTest, ReloadGivesTheSameKey) {
  std::unique_ptr<SigningKey> created = CreateKey();
  ASSERT_NE(created, nullptr);
  // The algorithm of the file wins over the one asked for on creation.
  const KeyAlgorithm other = GetParam() == KeyAlgorithm::kEd25519
                                 ? KeyAlgorithm::kEcdsaP256
                                 : KeyAlgorithm::kEd25519;
  absl::StatusOr<std::unique_ptr<SigningKey>> loaded =
      SigningKey::LoadOrCreate(path_, other);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ((*loaded)->algorithm(), GetParam());
  EXPECT_EQ((*loaded)->PublicKeyPem(), created->PublicKeyPem());
  EXPECT_EQ((*loaded)->KeyId("log"), created->KeyId("log"));
  EXPECT_TRUE(PublicOf(*created).Verify("m", (*loaded)->Sign("m")).ok());
}

TEST_P(SigningKeyTest, PublicKeyPemRoundTrips) {
  std::unique_ptr<SigningKey> key = CreateKey();
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(
      absl::StartsWith(key->PublicKeyPem(), "-----BEGIN PUBLIC KEY-----\n"));
  const VerifyingKey public_key = PublicOf(*key);
  const VerifyingKey copy = public_key;  // copies share the key
  EXPECT_TRUE(copy.Verify("m", key->Sign("m")).ok());
}

TEST_P(SigningKeyTest, GeneratedKeysDiffer) {
  std::unique_ptr<SigningKey> a = SigningKey::Generate(GetParam());
  std::unique_ptr<SigningKey> b = SigningKey::Generate(GetParam());
  EXPECT_NE(a->PublicKeyPem(), b->PublicKeyPem());
  EXPECT_EQ(PublicOf(*b).Verify("m", a->Sign("m")).code(),
            absl::StatusCode::kDataLoss);
}

TEST_P(SigningKeyTest, SignsFromManyThreads) {
  std::unique_ptr<SigningKey> key = CreateKey();
  ASSERT_NE(key, nullptr);
  const VerifyingKey public_key = PublicOf(*key);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string message = absl::StrCat("thread ", t, " message ", i);
        if (!public_key.Verify(message, key->Sign(message)).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_P(SigningKeyTest, GroupOrOtherAccessIsRefused) {
  ASSERT_NE(CreateKey(), nullptr);
  for (mode_t mode : {0640, 0604, 0660, 0644, 0610}) {
    ASSERT_EQ(::chmod(path_.c_str(), mode), 0);
    absl::StatusOr<std::unique_ptr<SigningKey>> key =
        SigningKey::LoadOrCreate(path_, GetParam());
    ASSERT_EQ(key.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(key.status().message(), HasSubstr(path_));
    EXPECT_THAT(
        key.status().message(),
        HasSubstr(absl::StrCat("mode 0", mode / 64, (mode / 8) % 8, mode % 8)));
  }
  ASSERT_EQ(::chmod(path_.c_str(), 0400), 0);
  EXPECT_TRUE(SigningKey::LoadOrCreate(path_, GetParam()).ok());
}

TEST(SigningKeyFileTest, CorruptKeyFileIsDataLoss) {
  testing::TempDir dir;
  const std::string path = dir.Path("key.pem");
  for (const std::string& content :
       {std::string("not a key\n"), std::string(""),
        std::string(kRfc8032Test1Pem).substr(0, 40),
        absl::StrCat("-----BEGIN PRIVATE KEY-----\nAAAA\n",
                     "-----END PRIVATE KEY-----\n")}) {
    WriteFile(path, content, 0600);
    absl::StatusOr<std::unique_ptr<SigningKey>> key =
        SigningKey::LoadOrCreate(path, KeyAlgorithm::kEd25519);
    EXPECT_EQ(key.status().code(), absl::StatusCode::kDataLoss) << key.status();
    EXPECT_THAT(key.status().message(), HasSubstr(path));
    EXPECT_THAT(key.status().message(), HasSubstr("PKCS#8"));
    // The damaged file is left alone for the operator.
    EXPECT_EQ(ReadFile(path), content);
  }
}

TEST(SigningKeyFileTest, UnsupportedCurveIsFailedPrecondition) {
  testing::TempDir dir;
  const std::string path = dir.Path("key.pem");
  WriteFile(path, kP384Pem, 0600);
  absl::StatusOr<std::unique_ptr<SigningKey>> key =
      SigningKey::LoadOrCreate(path, KeyAlgorithm::kEcdsaP256);
  EXPECT_EQ(key.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(key.status().message(), HasSubstr("P-256"));
}

TEST(SigningKeyFileTest, MissingDirectoryIsNotFound) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<SigningKey>> key = SigningKey::LoadOrCreate(
      dir.Path("no/such/dir/key.pem"), KeyAlgorithm::kEd25519);
  EXPECT_EQ(key.status().code(), absl::StatusCode::kNotFound) << key.status();
}

TEST(SigningKeyFileTest, Ed25519MatchesRfc8032AndSignedNoteKeyId) {
  testing::TempDir dir;
  const std::string path = dir.Path("key.pem");
  WriteFile(path, kRfc8032Test1Pem, 0600);
  absl::StatusOr<std::unique_ptr<SigningKey>> key =
      SigningKey::LoadOrCreate(path, KeyAlgorithm::kEcdsaP256);
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ((*key)->algorithm(), KeyAlgorithm::kEd25519);
  EXPECT_EQ(absl::BytesToHexString((*key)->Sign("")), kRfc8032Test1Signature);
  // c2sp.org/signed-note: SHA-256(name || "\n" || 0x01 || public key)[:4].
  base::Sha256 h;
  h.Update("example.com/log\n\x01");
  h.Update(absl::HexStringToBytes(kRfc8032Test1Public));
  EXPECT_EQ((*key)->KeyId("example.com/log"), h.Finish().substr(0, 4));
  EXPECT_NE((*key)->KeyId("example.com/log"), (*key)->KeyId("other/log"));
}

TEST(SigningKeyFileTest, EcdsaKeyIdIsHashOfSpki) {
  std::unique_ptr<SigningKey> key =
      SigningKey::Generate(KeyAlgorithm::kEcdsaP256);
  // SPKI DER = base64 body of the PEM.
  const std::string pem = key->PublicKeyPem();
  const std::string begin = "-----BEGIN PUBLIC KEY-----\n";
  ASSERT_TRUE(absl::StartsWith(pem, begin));
  std::string body =
      pem.substr(begin.size(), pem.find("-----END") - begin.size());
  body.erase(std::remove(body.begin(), body.end(), '\n'), body.end());
  std::string der;
  ASSERT_TRUE(absl::Base64Unescape(body, &der));
  base::Sha256 h;
  h.Update(der);
  EXPECT_EQ(key->KeyId("any name"), h.Finish().substr(0, 4));
}

TEST(VerifyingKeyTest, RejectsWhatIsNotAPublicKey) {
  for (absl::string_view pem :
       {absl::string_view(""), absl::string_view("garbage"),
        absl::string_view(kRfc8032Test1Pem)}) {
    EXPECT_EQ(VerifyingKey::FromPem(pem).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace docintake::archive
