#include "archive/checkpoint.h"

#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

// RFC 8032 §7.1 TEST 1 key: Ed25519 signatures are deterministic, so a note
// signed with it is a golden.
constexpr char kRfc8032Test1Pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";

// The RFC 6962 tree of the 8 standard test leaves.
constexpr char kRootHex[] =
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

// SignCheckpoint(GoldenCheckpoint(), RFC 8032 key). Cross-checked with an
// independent Ed25519 implementation (Python "cryptography"): the signature
// verifies over the first four lines and the key id is
// SHA-256("example.com/docintake\n" 0x01 public key)[:4].
constexpr char kGoldenNote[] =
    "example.com/docintake\n"
    "8\n"
    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
    "time 2024-05-01T12:34:56Z\n"
    "\n"
    "\xE2\x80\x94 example.com/docintake "
    "5AFVeuWV9olroxAygTyy7cCwaoWInpewlJ77B/"
    "Oqu7dJey3o52XYwBmVgDDaYA4LABvqZg+GBsxbjG0aiLD+ehSv/Qo=\n";

Checkpoint GoldenCheckpoint() {
  return Checkpoint{"example.com/docintake", 8,
                    absl::HexStringToBytes(kRootHex),
                    absl::FromCivil(absl::CivilSecond(2024, 5, 1, 12, 34, 56),
                                    absl::UTCTimeZone())};
}

std::unique_ptr<SigningKey> LoadKey(const std::string& path,
                                    const std::string& pem) {
  std::ofstream(path, std::ios::binary) << pem;
  EXPECT_EQ(::chmod(path.c_str(), 0600), 0);
  absl::StatusOr<std::unique_ptr<SigningKey>> key =
      SigningKey::LoadOrCreate(path, KeyAlgorithm::kEd25519);
  EXPECT_TRUE(key.ok()) << key.status();
  return key.ok() ? *std::move(key) : nullptr;
}

VerifyingKey PublicOf(const SigningKey& key) {
  return *VerifyingKey::FromPem(key.PublicKeyPem());
}

// A syntactically valid signature line for `origin` (the signature is junk).
std::string JunkSignatureLine(absl::string_view origin) {
  return absl::StrCat("\xE2\x80\x94 ", origin, " ",
                      absl::Base64Escape(std::string(68, 'x')), "\n");
}

TEST(CheckpointTest, GoldenNote) {
  testing::TempDir dir;
  std::unique_ptr<SigningKey> key =
      LoadKey(dir.Path("k.pem"), kRfc8032Test1Pem);
  ASSERT_NE(key, nullptr);
  const std::string note = SignCheckpoint(GoldenCheckpoint(), *key);
  EXPECT_EQ(note, kGoldenNote);
  absl::StatusOr<Checkpoint> parsed = VerifyCheckpoint(note, PublicOf(*key));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
}

class CheckpointRoundTripTest : public ::testing::TestWithParam<KeyAlgorithm> {
 protected:
  std::unique_ptr<SigningKey> key_ = SigningKey::Generate(GetParam());
};

INSTANTIATE_TEST_SUITE_P(Algorithms, CheckpointRoundTripTest,
                         ::testing::Values(KeyAlgorithm::kEd25519,
                                           KeyAlgorithm::kEcdsaP256),
                         [](const auto& param_info) {
                           return param_info.param == KeyAlgorithm::kEd25519
                                      ? "Ed25519"
                                      : "EcdsaP256";
                         });

TEST_P(CheckpointRoundTripTest, SignedNoteVerifies) {
  for (uint64_t size : {uint64_t{0}, uint64_t{1}, uint64_t{1234567},
                        uint64_t{18446744073709551615u}}) {
    Checkpoint checkpoint = GoldenCheckpoint();
    checkpoint.tree_size = size;
    const std::string note = SignCheckpoint(checkpoint, *key_);
    absl::StatusOr<Checkpoint> verified =
        VerifyCheckpoint(note, PublicOf(*key_));
    ASSERT_TRUE(verified.ok()) << verified.status() << "\n" << note;
    EXPECT_EQ(verified->origin, checkpoint.origin);
    EXPECT_EQ(verified->tree_size, size);
    EXPECT_EQ(verified->root_hash, checkpoint.root_hash);
    EXPECT_EQ(verified->time, checkpoint.time);
    absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(note);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->tree_size, size);
  }
}

TEST_P(CheckpointRoundTripTest, TimeIsKeptToTheSecond) {
  Checkpoint checkpoint = GoldenCheckpoint();
  checkpoint.time += absl::Milliseconds(999);
  absl::StatusOr<Checkpoint> verified =
      VerifyCheckpoint(SignCheckpoint(checkpoint, *key_), PublicOf(*key_));
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_EQ(verified->time, GoldenCheckpoint().time);
}

TEST_P(CheckpointRoundTripTest, EverySingleByteChangeIsRejected) {
  const std::string note = SignCheckpoint(GoldenCheckpoint(), *key_);
  const VerifyingKey public_key = PublicOf(*key_);
  const auto expect_rejected = [&](const std::string& changed,
                                   const std::string& what) {
    absl::StatusOr<Checkpoint> result = VerifyCheckpoint(changed, public_key);
    ASSERT_FALSE(result.ok()) << what << ":\n" << changed;
    EXPECT_THAT(result.status().code(),
                ::testing::AnyOf(absl::StatusCode::kInvalidArgument,
                                 absl::StatusCode::kDataLoss))
        << what;
  };
  for (size_t i = 0; i < note.size(); ++i) {
    for (int flip : {0x01, 0x02, 0x20, 0x80}) {
      std::string changed = note;
      changed[i] = static_cast<char>(changed[i] ^ flip);
      expect_rejected(changed, absl::StrCat("byte ", i, " ^ ", flip));
    }
    std::string removed = note;
    removed.erase(i, 1);
    expect_rejected(removed, absl::StrCat("byte ", i, " removed"));
    std::string inserted = note;
    inserted.insert(i, " ");
    expect_rejected(inserted, absl::StrCat("space inserted at ", i));
  }
}

TEST_P(CheckpointRoundTripTest, OtherKeyIsDataLoss) {
  const std::string note = SignCheckpoint(GoldenCheckpoint(), *key_);
  std::unique_ptr<SigningKey> other = SigningKey::Generate(GetParam());
  absl::StatusOr<Checkpoint> result = VerifyCheckpoint(note, PublicOf(*other));
  EXPECT_EQ(result.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), HasSubstr("different key"));
}

TEST_P(CheckpointRoundTripTest, SignatureUnderTheRightKeyIdIsStillChecked) {
  // A forger who copies the expected key id still needs the private key.
  std::unique_ptr<SigningKey> forger = SigningKey::Generate(GetParam());
  const std::string forged = SignCheckpoint(GoldenCheckpoint(), *forger);
  const std::string line_start = "\xE2\x80\x94 example.com/docintake ";
  const size_t at = forged.find(line_start) + line_start.size();
  std::string blob;
  ASSERT_TRUE(
      absl::Base64Unescape(forged.substr(at, forged.size() - at - 1), &blob));
  blob.replace(0, 4, key_->KeyId("example.com/docintake"));
  const std::string note =
      absl::StrCat(forged.substr(0, at), absl::Base64Escape(blob), "\n");
  absl::StatusOr<Checkpoint> result = VerifyCheckpoint(note, PublicOf(*key_));
  EXPECT_EQ(result.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), HasSubstr("does not verify"));
}

// Each malformed note must be INVALID_ARGUMENT from both entry points.
struct MalformedCase {
  const char* name;
  std::string note;
};

std::string Note(absl::string_view origin, absl::string_view size,
                 absl::string_view root, absl::string_view time_line) {
  return absl::StrCat(origin, "\n", size, "\n", root, "\n", time_line, "\n\n",
                      JunkSignatureLine(origin));
}

std::vector<MalformedCase> MalformedCases() {
  const std::string root = absl::Base64Escape(absl::HexStringToBytes(kRootHex));
  const std::string origin = "example.com/docintake";
  const std::string time = "time 2024-05-01T12:34:56Z";
  const std::string good = Note(origin, "8", root, time);
  const std::string text =
      absl::StrCat(origin, "\n8\n", root, "\n", time, "\n");
  return {
      {"Empty", ""},
      {"NoSignature", text},
      {"NoBlankLine", absl::StrCat(text, JunkSignatureLine(origin))},
      {"MissingTimeLine",
       absl::StrCat(origin, "\n8\n", root, "\n\n", JunkSignatureLine(origin))},
      {"MissingRootLine",
       absl::StrCat(origin, "\n8\n", time, "\n\n", JunkSignatureLine(origin))},
      {"ExtraLine", absl::StrCat(text, "extra\n\n", JunkSignatureLine(origin))},
      {"EmptyOrigin", Note("", "8", root, time)},
      {"OriginWithSpace", Note("example.com docintake", "8", root, time)},
      {"OriginWithPlus", Note("example.com+docintake", "8", root, time)},
      {"SizeWithLeadingZeros", Note(origin, "007", root, time)},
      {"SizeWithPlus", Note(origin, "+7", root, time)},
      {"SizeWithSpace", Note(origin, " 7", root, time)},
      {"SizeNegative", Note(origin, "-1", root, time)},
      {"SizeHex", Note(origin, "0x8", root, time)},
      {"SizeEmpty", Note(origin, "", root, time)},
      {"SizeOverflow", Note(origin, "18446744073709551616", root, time)},
      {"RootBadBase64", Note(origin, "8", "!!!!", time)},
      {"RootUnpadded",
       Note(origin, "8", root.substr(0, root.size() - 1), time)},
      {"RootNonCanonicalBits",
       Note(origin, "8", absl::StrCat(root.substr(0, 42), "h="), time)},
      {"Root31Bytes",
       Note(origin, "8",
            absl::Base64Escape(absl::HexStringToBytes(kRootHex).substr(1)),
            time)},
      {"Root33Bytes",
       Note(origin, "8",
            absl::Base64Escape(absl::HexStringToBytes(kRootHex) + "x"), time)},
      {"TimeMissingKeyword", Note(origin, "8", root, "2024-05-01T12:34:56Z")},
      {"TimeFraction", Note(origin, "8", root, "time 2024-05-01T12:34:56.5Z")},
      {"TimeOffset", Note(origin, "8", root, "time 2024-05-01T12:34:56+00:00")},
      {"TimeLowercase", Note(origin, "8", root, "time 2024-05-01t12:34:56z")},
      {"TimeFeb30", Note(origin, "8", root, "time 2024-02-30T12:34:56Z")},
      {"TimeLeapSecond", Note(origin, "8", root, "time 2024-06-30T23:59:60Z")},
      {"TimeDoubleSpace",
       Note(origin, "8", root, "time  2024-05-01T12:34:56Z")},
      {"CrLf", absl::StrReplaceAll(good, {{"\n", "\r\n"}})},
      {"TrailingGarbage", absl::StrCat(good, "garbage")},
      {"TrailingNewline", absl::StrCat(good, "\n")},
      {"TwoSignatures", absl::StrCat(good, JunkSignatureLine(origin))},
      {"SignatureWithoutNewline", good.substr(0, good.size() - 1)},
      {"SignatureByOtherName",
       absl::StrCat(text, "\n", JunkSignatureLine("other.example/log"))},
      {"SignatureHyphenNotEmDash",
       absl::StrCat(text, "\n- ", origin, " ",
                    absl::Base64Escape(std::string(68, 'x')), "\n")},
      {"SignatureTooShort", absl::StrCat(text, "\n\xE2\x80\x94 ", origin, " ",
                                         absl::Base64Escape("abcd"), "\n")},
      {"SignatureExtraField",
       absl::StrCat(text, "\n\xE2\x80\x94 ", origin, " ",
                    absl::Base64Escape(std::string(68, 'x')), " x\n")},
      {"Huge", Note(origin, "8", root, time) + std::string(5000, 'x')},
  };
}

class MalformedCheckpointTest : public ::testing::TestWithParam<MalformedCase> {
};

INSTANTIATE_TEST_SUITE_P(Cases, MalformedCheckpointTest,
                         ::testing::ValuesIn(MalformedCases()),
                         [](const auto& param_info) {
                           return param_info.param.name;
                         });

TEST_P(MalformedCheckpointTest, IsInvalidArgument) {
  absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(GetParam().note);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument)
      << parsed.status();
  std::unique_ptr<SigningKey> key =
      SigningKey::Generate(KeyAlgorithm::kEd25519);
  EXPECT_EQ(VerifyCheckpoint(GetParam().note, PublicOf(*key)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CheckpointTest, WellFormedJunkSignatureParsesButDoesNotVerify) {
  const std::string note =
      Note("example.com/docintake", "8",
           absl::Base64Escape(absl::HexStringToBytes(kRootHex)),
           "time 2024-05-01T12:34:56Z");
  absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(note);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->tree_size, 8u);
  std::unique_ptr<SigningKey> key =
      SigningKey::Generate(KeyAlgorithm::kEd25519);
  EXPECT_EQ(VerifyCheckpoint(note, PublicOf(*key)).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(CheckpointTest, ErrorsNameWhatIsWrong) {
  const std::string root = absl::Base64Escape(absl::HexStringToBytes(kRootHex));
  EXPECT_THAT(
      ParseCheckpoint(Note("o", "007", root, "time x")).status().message(),
      HasSubstr("tree size"));
  EXPECT_THAT(
      ParseCheckpoint(
          Note("o", "7",
               absl::Base64Escape(absl::HexStringToBytes(kRootHex).substr(1)),
               "time x"))
          .status()
          .message(),
      HasSubstr("root hash"));
  EXPECT_THAT(
      ParseCheckpoint(Note("o", "7", root, "time x")).status().message(),
      HasSubstr("time"));
}

TEST(CheckpointTest, ValidateOrigin) {
  EXPECT_TRUE(ValidateOrigin("example.com/docintake").ok());
  EXPECT_TRUE(ValidateOrigin("docintake/archive").ok());
  for (absl::string_view bad :
       {absl::string_view(""), absl::string_view("a b"),
        absl::string_view("a+b"), absl::string_view("a\tb"),
        absl::string_view("caf\xC3\xA9"), absl::string_view("a\nb")}) {
    EXPECT_EQ(ValidateOrigin(bad).code(), absl::StatusCode::kInvalidArgument)
        << absl::CHexEscape(bad);
  }
  EXPECT_EQ(ValidateOrigin(std::string(256, 'a')).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CheckpointDeathTest, SigningAnUnsignableCheckpointAborts) {
  std::unique_ptr<SigningKey> key =
      SigningKey::Generate(KeyAlgorithm::kEd25519);
  Checkpoint checkpoint = GoldenCheckpoint();
  checkpoint.root_hash.pop_back();
  EXPECT_DEATH(SignCheckpoint(checkpoint, *key), "unsignable");
  checkpoint = GoldenCheckpoint();
  checkpoint.origin = "has space";
  EXPECT_DEATH(SignCheckpoint(checkpoint, *key), "unsignable");
}

}  // namespace
}  // namespace docintake::archive
