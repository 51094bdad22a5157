#include "archive/internal/bundle_members.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "archive/evidence_bundle.h"
#include "base/status_macros.h"

namespace docintake::archive::internal {
namespace {

constexpr uint64_t kMaxSmallMemberBytes = 1 << 20;
constexpr uint64_t kMaxRecordMemberBytes = 64 << 20;

bool IsOriginalName(absl::string_view rel) {
  const std::string with_dot = absl::StrCat(kBundleOriginal, ".");
  if (rel == kBundleOriginal) return true;
  if (!absl::StartsWith(rel, with_dot)) return false;
  const absl::string_view ext = rel.substr(with_dot.size());
  return !ext.empty() && ext.size() <= 10 &&
         std::all_of(ext.begin(), ext.end(),
                     [](char c) { return absl::ascii_isalnum(c); });
}

bool IsEvidenceName(absl::string_view rel) {
  for (const char* name :
       {kBundleReadme, kBundleRecord, kBundleRecordJson, kBundleSalt,
        kBundleLeaf, kBundleProof, kBundleCheckpoint, kBundleTimestamp,
        kBundlePublicKey, kBundleTsaCa}) {
    if (rel == name) return true;
  }
  return false;
}

bool IsAdditionFolder(absl::string_view rel) {
  return rel == kBundleRenditions || rel == kBundleReports ||
         absl::StartsWith(rel, absl::StrCat(kBundleRenditions, "/")) ||
         absl::StartsWith(rel, absl::StrCat(kBundleReports, "/"));
}

}  // namespace

absl::StatusOr<BundleMembers> ReadBundleMembers(const TarSource& source) {
  ASSIGN_OR_RETURN(std::vector<TarMember> members,
                   ListTarMembers(source, TarLimits()));
  if (members.empty()) {
    return absl::InvalidArgumentError("not an evidence bundle: no members");
  }
  BundleMembers out;
  out.folder = members[0].name.substr(0, members[0].name.find('/'));
  const std::string prefix = out.folder + "/";
  for (const TarMember& m : members) {
    if (m.name == out.folder && m.is_directory) continue;
    if (!absl::StartsWith(m.name, prefix)) {
      return absl::InvalidArgumentError(
          absl::StrCat("not an evidence bundle: ", m.name,
                       " lies outside the folder ", prefix));
    }
    const std::string rel = m.name.substr(prefix.size());
    if (m.is_directory) {
      if (!IsAdditionFolder(rel)) out.unexpected.push_back(rel + "/");
    } else if (IsOriginalName(rel) && out.original_name.empty()) {
      out.original_name = rel;
      out.original = m;
    } else if (IsEvidenceName(rel)) {
      const bool record = rel == kBundleRecord || rel == kBundleRecordJson;
      ASSIGN_OR_RETURN(
          out.evidence[rel],
          ReadTarMember(source, m,
                        record ? kMaxRecordMemberBytes : kMaxSmallMemberBytes));
    } else if (IsAdditionFolder(rel)) {
      out.additions.push_back(rel);
    } else {
      out.unexpected.push_back(rel);
    }
  }
  return out;
}

}  // namespace docintake::archive::internal
