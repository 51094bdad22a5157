// The members of an evidence bundle sorted by role: its folder (the document
// id), the evidence members read into memory (within size limits), the
// original (left in the source, to be hashed in pieces), additions under
// renditions/ and reports/, and members that do not belong. Pure function;
// thread-safe.
#ifndef DOCINTAKE_ARCHIVE_INTERNAL_BUNDLE_MEMBERS_H_
#define DOCINTAKE_ARCHIVE_INTERNAL_BUNDLE_MEMBERS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "archive/tar_reader.h"

namespace docintake::archive::internal {

struct BundleMembers {
  std::string folder;
  // Known evidence members by name inside the folder, with their bytes.
  std::map<std::string, std::string> evidence;
  std::string original_name;  // empty if the bundle has no original
  TarMember original;
  std::vector<std::string> additions;   // files under renditions/, reports/
  std::vector<std::string> unexpected;  // anything else ("x/" for folders)

  // The evidence member's bytes, or null if the bundle lacks it.
  const std::string* Get(const std::string& name) const {
    auto it = evidence.find(name);
    return it == evidence.end() ? nullptr : &it->second;
  }
  size_t count() const {
    return evidence.size() + additions.size() + unexpected.size() +
           (original_name.empty() ? 0 : 1);
  }
};

// Lists and sorts the members of `source`. Errors of ListTarMembers, and
// INVALID_ARGUMENT for an empty archive, members outside one top folder, or
// evidence members over their size limits (1 MiB; record.* 64 MiB).
absl::StatusOr<BundleMembers> ReadBundleMembers(const TarSource& source);

}  // namespace docintake::archive::internal

#endif  // DOCINTAKE_ARCHIVE_INTERNAL_BUNDLE_MEMBERS_H_
