// Fuzz target: the ustar reader (member index, reading and streaming members)
// and the offline evidence bundle verifier over the same bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "archive/evidence_bundle.h"
#include "archive/internal/tar_header.h"
#include "archive/signing_key.h"
#include "archive/tar_reader.h"
#include "google/protobuf/stubs/logging.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::archive {
namespace {

// A key the input cannot know: no bundle may verify against it.
const std::string& ForeignPublicKeyPem() {
  static const std::string* const pem = new std::string(
      SigningKey::Generate(KeyAlgorithm::kEd25519)->PublicKeyPem());
  return *pem;
}

void CheckMembers(const TarSource& source,
                  const std::vector<TarMember>& members) {
  for (const TarMember& m : members) {
    FUZZ_CHECK(internal::ValidateMemberName(m.name).ok(), m.name);
    FUZZ_CHECK(m.data_offset % internal::kTarBlockSize == 0 &&
                   m.data_offset <= source.size() &&
                   m.size <= source.size() - m.data_offset,
               absl::StrCat(m.name, " lies outside the data"));
    FUZZ_CHECK(!m.is_directory || m.size == 0, m.name);
    const absl::StatusOr<std::string> whole =
        ReadTarMember(source, m, source.size());
    FUZZ_CHECK(whole.ok() && whole->size() == m.size, m.name);
    std::string streamed;
    const absl::Status status =
        StreamTarMember(source, m, [&](absl::string_view piece) {
          streamed.append(piece.data(), piece.size());
          return absl::OkStatus();
        });
    FUZZ_CHECK(status.ok() && streamed == *whole, m.name);
  }
}

void CheckReport(const v1::VerificationReport& report, bool foreign_key) {
  FUZZ_CHECK(report.checks_size() > 0, "a report without checks");
  if (report.ok()) {
    for (const v1::VerificationCheck& check : report.checks()) {
      FUZZ_CHECK(check.ok() || IsUnchecked(check),
                 absl::StrCat("report ok despite failed check ", check.name()));
    }
  }
  FUZZ_CHECK(!foreign_key || !report.ok(),
             "a bundle verifies against a key it was not signed with");
}

void FuzzOne(absl::string_view bytes) {
  // Protobuf logs every string field with invalid UTF-8 it refuses; fatal
  // messages still abort.
  const google::protobuf::LogSilencer quiet;
  const std::unique_ptr<TarSource> source = TarSourceFromBytes(bytes);
  const absl::StatusOr<std::vector<TarMember>> members =
      ListTarMembers(*source, TarLimits());
  if (members.ok()) {
    CheckMembers(*source, *members);
  } else {
    FUZZ_CHECK(
        fuzz::HasCode(members.status(), {absl::StatusCode::kInvalidArgument,
                                         absl::StatusCode::kDataLoss}),
        members.status().ToString());
  }

  BundleTrust self_attested;
  BundleTrust foreign;
  foreign.expected_public_key_pem = ForeignPublicKeyPem();
  for (const BundleTrust* trust : {&self_attested, &foreign}) {
    const absl::StatusOr<v1::VerificationReport> report =
        VerifyEvidenceBundle(*source, *trust);
    if (report.ok()) {
      FUZZ_CHECK(members.ok(), "a bundle that is not a tar verifies");
      CheckReport(*report, trust == &foreign);
    } else {
      FUZZ_CHECK(
          fuzz::HasCode(report.status(), {absl::StatusCode::kInvalidArgument,
                                          absl::StatusCode::kDataLoss}),
          report.status().ToString());
      FUZZ_CHECK(
          members.ok() || report.status().code() == members.status().code(),
          "the verifier and the reader disagree on the tar");
    }
  }
}

}  // namespace
}  // namespace docintake::archive

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::archive::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
