// Key-level comparison of two PDF dictionaries for the change rules: which
// keys differ, whether they stay within an allowed set, and how to name
// them in a reason. Worker only; may throw PoDoFo's PdfError.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DICTIONARY_DIFF_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DICTIONARY_DIFF_H_

#include <set>
#include <string>

#include "podofo/base/PdfObject.h"

namespace docintake::signature::internal_objects {

using Keys = std::set<std::string>;

// Keys whose values differ between two dictionaries (also added/removed);
// {"*"} when either is not a dictionary.
Keys KeyDiff(const PoDoFo::PdfObject* a, const PoDoFo::PdfObject* b);
// Whether every key of `keys` is in `allowed`.
bool Within(const Keys& keys, const Keys& allowed);
// "/A /B".
std::string KeyList(const Keys& keys);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DICTIONARY_DIFF_H_
