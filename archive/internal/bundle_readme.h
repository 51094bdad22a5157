// The README.txt of an evidence bundle: plain text for an archivist that says
// what each member is and how to check it by hand with sha256sum and openssl,
// quoting the values to expect (copies only: the verifier never reads it).
// Pure function; thread-safe.
#ifndef DOCINTAKE_ARCHIVE_INTERNAL_BUNDLE_README_H_
#define DOCINTAKE_ARCHIVE_INTERNAL_BUNDLE_README_H_

#include <cstdint>
#include <string>
#include <vector>

namespace docintake::archive::internal {

struct ReadmeFacts {
  std::string document_id;
  uint64_t version = 0;
  std::string filename;  // as submitted; may be empty
  std::string original_member;
  std::string archived_at;  // RFC 3339
  uint64_t size = 0;
  // Lower-case hex.
  std::string sha256;
  std::string commitment;
  std::string record_hash;
  std::string leaf_hash;
  std::string root_hash;
  uint64_t leaf_index = 0;
  uint64_t tree_size = 0;
  std::string origin;
  std::string key_fingerprint;
  bool has_timestamp = false;
  bool has_tsa_ca = false;
  std::vector<std::string> attachments;  // names under the bundle folder
};

std::string BundleReadme(const ReadmeFacts& facts);

}  // namespace docintake::archive::internal

#endif  // DOCINTAKE_ARCHIVE_INTERNAL_BUNDLE_README_H_
