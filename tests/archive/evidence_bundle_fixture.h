// EvidenceBundleTest: a real RecordStore in a temp dir holding one ~1.5 MiB
// "PDF" between neighbours, checkpointed, with its evidence material; helpers
// to build, verify and tamper with its bundle. Shared by the evidence tests.
#ifndef DOCINTAKE_TESTS_ARCHIVE_EVIDENCE_BUNDLE_FIXTURE_H_
#define DOCINTAKE_TESTS_ARCHIVE_EVIDENCE_BUNDLE_FIXTURE_H_

#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "archive/evidence_bundle.h"
#include "archive/record_store.h"
#include "archive/tar_reader.h"
#include "base/document_id.h"
#include "base/sha256.h"
#include "base/string_file.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_tsa.h"

namespace docintake::archive {

using StringSink = base::StringWritableFile;
using InProcessTsa = testing::InProcessTsaClient;

inline std::string Describe(const v1::VerificationReport& report) {
  std::string out;
  for (const v1::VerificationCheck& check : report.checks()) {
    absl::StrAppend(&out, check.ok() ? "ok " : "NOT ", check.name(), ": ",
                    check.detail(), "\n");
  }
  return out;
}

// Failed checks (UNCHECKED ones aside), with their details.
inline std::string Failures(const v1::VerificationReport& report) {
  std::string out;
  for (const v1::VerificationCheck& check : report.checks()) {
    if (!check.ok() && !IsUnchecked(check)) {
      absl::StrAppend(&out, check.name(), ": ", check.detail(), "\n");
    }
  }
  return out;
}

inline std::string Sha256(absl::string_view data) {
  base::Sha256 hasher;
  hasher.Update(data);
  return hasher.Finish();
}

inline const v1::VerificationCheck* FindCheck(
    const v1::VerificationReport& report, const std::string& name) {
  for (const v1::VerificationCheck& check : report.checks()) {
    if (check.name() == name) return &check;
  }
  return nullptr;
}

class EvidenceBundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RecordStoreOptions options;
    options.dir = dir_.Path("archive");
    auto store =
        RecordStore::Open(base::FileSystem::Default(), clock_, options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    // Neighbours on both sides, so that the proof has a real audit path.
    for (int i = 0; i < 3; ++i) ArchiveOne(absl::StrCat("before ", i));
    content_ = "%PDF-1.7\n";
    for (int i = 0; content_.size() < (3 << 20) / 2; ++i) {
      absl::StrAppend(&content_, "line ", i, " of the Bescheid\n");
    }
    id_ = ArchiveOne(content_, "Bescheid 2024.PDF");
    for (int i = 0; i < 2; ++i) ArchiveOne(absl::StrCat("after ", i));
    ASSERT_TRUE(store_->CreateCheckpoint().ok());
    Refresh();
  }

  std::string ArchiveOne(const std::string& content,
                         const std::string& filename = "x.pdf") {
    clock_.Advance(absl::Milliseconds(5));
    v1::Record record;
    record.set_document_id(base::NewDocumentId(clock_.Now()));
    record.set_state(v1::PROCESSING);
    record.mutable_intake()->set_filename(filename);
    record.mutable_intake()->set_sha256(base::Sha256Hex(content));
    record.mutable_intake()->set_size(content.size());
    record.mutable_intake()->set_media_kind(v1::PDF);
    EXPECT_TRUE(store_->Archive(record, content).ok());
    return record.document_id();
  }

  void Refresh() {
    auto material = store_->GetEvidenceMaterial(id_);
    ASSERT_TRUE(material.ok()) << material.status();
    material_ = *std::move(material);
  }

  std::string Build(const EvidenceBundleOptions& options = {}) {
    absl::StatusOr<std::string> bundle =
        BuildEvidenceBundle(material_, content_, options);
    EXPECT_TRUE(bundle.ok()) << bundle.status();
    return bundle.ok() ? *bundle : "";
  }

  v1::VerificationReport Verify(const std::string& bundle,
                                const BundleTrust& trust = {}) {
    absl::StatusOr<v1::VerificationReport> report =
        VerifyEvidenceBundleBytes(bundle, trust);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : v1::VerificationReport();
  }

  BundleTrust WithKey() {
    BundleTrust trust;
    trust.expected_public_key_pem = material_.public_key.pem();
    return trust;
  }

  // The bundle with one byte of member `name` (inside the folder) flipped at
  // `fraction` of its length.
  std::string Flip(std::string bundle, const std::string& name,
                   double fraction = 0.5) {
    return FlipAt(std::move(bundle), name, [fraction](uint64_t size) {
      return static_cast<uint64_t>(static_cast<double>(size - 1) * fraction);
    });
  }
  // Flips the byte at `where(member size)` inside member `name`.
  std::string FlipAt(std::string bundle, const std::string& name,
                     const std::function<uint64_t(uint64_t)>& where) {
    auto members = ListTarMembers(*TarSourceFromBytes(bundle), TarLimits());
    EXPECT_TRUE(members.ok()) << members.status();
    for (const TarMember& m : *members) {
      if (m.name == absl::StrCat(id_, "/", name)) {
        const uint64_t at = m.data_offset + where(m.size);
        bundle[at] = static_cast<char>(bundle[at] ^ 0x01);
        return bundle;
      }
    }
    ADD_FAILURE() << "no member " << name;
    return bundle;
  }

  std::string WriteFile(const std::string& name, const std::string& bytes) {
    const std::string path = dir_.Path(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  testing::TempDir dir_;
  base::FakeClock clock_{absl::FromUnixSeconds(1700000000)};
  std::unique_ptr<RecordStore> store_;
  std::string content_;
  std::string id_;
  RecordStore::EvidenceMaterial material_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_TESTS_ARCHIVE_EVIDENCE_BUNDLE_FIXTURE_H_
