// XML canonicalisation (W3C C14N 1.0/1.1 and Exclusive C14N 1.0) of a
// document subset, as XML signatures need it: a subtree (or the whole
// document) minus one excluded subtree (the enveloped ds:Signature). Built
// on libxml2's xmlC14NExecute with a visibility callback. Reads the
// document only; distinct documents may be used from different threads.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_C14N_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_C14N_H_

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature::trust_internal {

inline constexpr char kC14n10Uri[] =
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
inline constexpr char kC14n10CommentsUri[] =
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
inline constexpr char kC14n11Uri[] = "http://www.w3.org/2006/12/xml-c14n11";
inline constexpr char kC14n11CommentsUri[] =
    "http://www.w3.org/2006/12/xml-c14n11#WithComments";
inline constexpr char kExcC14nUri[] = "http://www.w3.org/2001/10/xml-exc-c14n#";
inline constexpr char kExcC14nCommentsUri[] =
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";

struct C14nMethod {
  enum class Mode { kInclusive10, kInclusive11, kExclusive10 };
  Mode mode = Mode::kInclusive10;
  bool with_comments = false;
  // Exclusive C14N only: the InclusiveNamespaces PrefixList ("#default"
  // stands for the default namespace).
  std::vector<std::string> inclusive_prefixes;
};

// The method named by a canonicalisation algorithm URI; nullopt if `uri`
// names none of the six algorithms above.
std::optional<C14nMethod> C14nMethodFromUri(absl::string_view uri);

// Canonicalises the nodes of `doc` that lie in the subtree of `apex` (the
// whole document if null) and not in the subtree of `excluded` (none if
// null). InvalidArgument if libxml2 refuses the document (e.g. a relative
// namespace URI).
absl::StatusOr<std::string> Canonicalize(xmlDoc* doc, const xmlNode* apex,
                                         const xmlNode* excluded,
                                         const C14nMethod& method);

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_C14N_H_
