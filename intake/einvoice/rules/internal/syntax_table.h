// Table-driven presence and cardinality checks for the EN 16931 syntax rules
// (UBL-SR/CR/DT, CII-SR/DT): a PresenceRule names a rule id, its flag, a path
// relative to the rule's context element and how often the path may match.
// SyntaxScope indexes one document once (every element in document order) and
// counts path matches. Internal; a scope borrows its document and is
// thread-compatible; the tables and the definitions built from them are
// immutable.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_SYNTAX_TABLE_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_SYNTAX_TABLE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "intake/einvoice/rules/rule.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// How many matches of the path the rule allows.
enum class Occurs {
  kNone,        // not(path)
  kAtMostOne,   // count(path) <= 1
  kAtMostTwo,   // count(path) <= 2
  kExactlyOne,  // count(path) = 1
  kSome,        // path (at least one match)
};

// One rule of a table. The id is `prefix` of the table plus `number`, zero
// padded to the table's width ("CII-SR-" + 7 -> "CII-SR-007").
// Path syntax: prefixed steps separated by '/' ("ram:IncludedNote/ram:ID"),
// optionally a leading "(a|b)/" choice for the first step, a leading "//"
// (the first step matches anywhere in the document) and a final "@name"
// (attribute in no namespace; counts the elements that carry it).
struct PresenceRule {
  int number;
  Severity flag;
  const char* path;
  Occurs occurs;
};

bool Allows(Occurs occurs, int count);

// The RuleDefinitions of a table, in table order, with generated English and
// German messages. The strings live for the program's lifetime.
std::vector<RuleDefinition> DefinitionsFor(
    absl::string_view prefix, int width, absl::Span<const PresenceRule> rules);

// A hand-written rule's definition with an id built like the table ids.
RuleDefinition MakeDefinition(absl::string_view id, Severity flag,
                              absl::string_view message_en,
                              absl::string_view message_de);

class SyntaxScope {
 public:
  explicit SyntaxScope(const XmlDocument& document);

  const XmlElement& root() const { return all_.front(); }
  // Every element, root first, in document order.
  const std::vector<XmlElement>& all() const { return all_; }

  // The elements `path` (without "@name") selects from `context`.
  std::vector<XmlElement> Select(const XmlElement& context,
                                 absl::string_view path) const;
  // The number of matches of `path` (see PresenceRule) from `context`.
  int Count(const XmlElement& context, absl::string_view path) const;

  // Reports every rule of `rules` that `context` violates (definitions[i]
  // belongs to rules[i]).
  void Check(const XmlElement& context, absl::Span<const PresenceRule> rules,
             absl::Span<const RuleDefinition> definitions,
             FindingSink& sink) const;

 private:
  std::vector<XmlElement> all_;
};

// True if `element` has the prefixed name ("cac:Party").
bool HasName(const XmlElement& element, absl::string_view prefixed_name);

// XPath cast of an untyped value to xs:boolean: 1 for true/1, 0 for
// false/0 (surrounding whitespace ignored), -1 otherwise.
int BooleanValue(absl::string_view text);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_SYNTAX_TABLE_H_
