// Signature dictionaries found in the raw bytes of a PDF, without a PDF
// library: the fail-closed count against a parser that may see fewer (PoDoFo
// 0.9.8 drops revisions behind a trailer with /Prev 0). A signature is any
// dictionary with a /ByteRange key, wherever it sits, except in streams and
// strings. Values own their data; functions are stateless and thread-safe.
#ifndef DOCINTAKE_SIGNATURE_PDF_RAW_SIGNATURE_H_
#define DOCINTAKE_SIGNATURE_PDF_RAW_SIGNATURE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature {

struct RawSignature {
  // The dictionary: offset of its "<<" and one past its ">>". If `closed` is
  // false the dictionary never ends and `dictionary_end` is where it broke.
  size_t dictionary_begin = 0;
  size_t dictionary_end = 0;
  bool closed = true;
  // The "N G obj" the dictionary sits in, or -1 outside any object.
  int64_t object_number = -1;
  int64_t generation = -1;

  // Names without the slash, #xx decoded; empty if absent or not a name.
  std::string type;  // "Sig", "DocTimeStamp" or anything else found
  std::string filter;
  std::string sub_filter;
  // Strings with escapes resolved (still PDF text encoding); empty if absent.
  std::string signing_time;  // /M, not parsed as a date
  std::string name;
  std::string reason;
  std::string location;

  // /ByteRange if it is an array of integers (any count, any sign), else
  // nullopt (a reference, reals, nested objects, ...).
  std::optional<std::vector<int64_t>> byte_range;

  // /Contents if it is a hex string: offset of its '<', one past its '>',
  // and the decoded bytes including all zero padding.
  bool has_hex_contents = false;
  size_t contents_begin = 0;
  size_t contents_end = 0;
  std::string contents;

  // Keys of the above that occur more than once (the first value is kept).
  std::vector<std::string> duplicate_keys;
  // Dictionary offsets of later definitions of the same object ("N G obj"
  // again, e.g. in an incremental update) that carry /ByteRange too. The
  // signature itself is the first definition: the one a signer wrote.
  std::vector<size_t> redefinitions;
};

// Every signature dictionary in `pdf`, one per object (later redefinitions
// folded into the first, see RawSignature::redefinitions), ordered like the
// corpus's sig_index: by byte_range[1] (missing: last), then by offset.
// INVALID_ARGUMENT if the bytes cannot be scanned reliably (so many unclosed
// literal strings that the linear work bound is reached). Work and memory
// are linear in the size of `pdf`.
absl::StatusOr<std::vector<RawSignature>> FindRawSignatures(
    absl::string_view pdf);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_PDF_RAW_SIGNATURE_H_
