// Shared pieces of the code-list family "BR-CL" (br_cl.cc): the element the
// walk is at with its ancestors, the XPath value tests the official
// Schematron uses for codes, and the per-syntax context matchers
// (br_cl_ubl.cc, br_cl_cii.cc). The official Schematron evaluates the first
// rule of its code-list pattern whose context matches an element; the
// matchers follow the pattern's rule order for that reason. Internal;
// stateless, thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CL_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CL_CHECKS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "intake/einvoice/rules/internal/code_lists.h"
#include "intake/einvoice/rules/rule.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// One element of the walk. `ancestors` runs from the document element to
// the parent (empty for the document element itself).
struct CodeListNode {
  const XmlElement& element;
  absl::Span<const XmlElement> ancestors;

  // The parent / grandparent, or nullptr.
  const XmlElement* Parent() const;
  const XmlElement* Grandparent() const;
  bool ParentIs(absl::string_view ns, absl::string_view local) const;
  bool HasAncestor(absl::string_view ns, absl::string_view local) const;
};

// The RuleDefinition of BR-CL-<number> (1 ... 26).
const RuleDefinition& BrClRule(int number);

// XPath normalize-space: XML whitespace trimmed, inner runs collapsed to one
// blank.
std::string NormalizeSpace(absl::string_view text);

// The official code test, contains(' A B C ', concat(' ',
// normalize-space(x), ' ')) with not(contains(normalize-space(x), ' ')):
// the normalised value is one of the list's codes (an empty value is not).
bool IsListedCode(const CodeList& list, absl::string_view raw);

// The same test against the ISO 6523 ICD list as the 1.3.15 artefacts write
// it for BR-CL-10, -11, -21 and -26: the list string ends in "0244" without a
// trailing blank, so the last code, 0244, is never accepted.
bool IsListedIcdCode(absl::string_view raw);

// The xs:boolean cast of an untyped value ("true"/"1", "false"/"0", blanks
// around allowed), nullopt if it is not castable.
std::optional<bool> XsBoolean(absl::string_view text);

// Reports BR-CL-<number> at the node's element unless `ok`.
void ReportUnless(bool ok, int number, const CodeListNode& node,
                  FindingSink& sink);

// The code-list rules of one binding for one element (first matching
// context only), plus, for UBL, BR-CL-08 on document-level cbc:Note.
void CheckUblCodeLists(const CodeListNode& node, FindingSink& sink);
void CheckCiiCodeLists(const CodeListNode& node, FindingSink& sink);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CL_CHECKS_H_
