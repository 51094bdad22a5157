#include "intake/einvoice/schema/structural_schema_validator.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/schema/internal/lexical_checks.h"
#include "intake/einvoice/schema/internal/schema_finding.h"
#include "intake/einvoice/schema/internal/schema_tables.h"

namespace docintake::einvoice {
namespace {

using schema_internal::IsValidLexical;
using schema_internal::LexicalTypeName;
using schema_internal::SchemaAttribute;
using schema_internal::SchemaFinding;
using schema_internal::SchemaParticle;
using schema_internal::SchemaTables;
using schema_internal::SchemaType;

constexpr char kXsiNs[] = "http://www.w3.org/2001/XMLSchema-instance";

// "cbc:ID" for the known namespaces, "Q{uri}local" otherwise.
std::string PrefixedName(const XmlElement& e) {
  const absl::string_view prefix = PrefixForNamespace(e.namespace_uri());
  if (prefix.empty()) {
    return absl::StrCat("Q{", e.namespace_uri(), "}", e.local_name());
  }
  return absl::StrCat(prefix, ":", e.local_name());
}

size_t NonSpaceCount(const std::string& text) {
  size_t n = 0;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') ++n;
  }
  return n;
}

class Checker {
 public:
  explicit Checker(const SchemaTables& tables) : tables_(tables) {}

  void CheckRoot(const XmlElement& root) {
    const std::string name = PrefixedName(root);
    for (const schema_internal::SchemaRoot& r : tables_.roots) {
      if (name == r.element) {
        CheckElement(root, r.type);
        return;
      }
    }
    Report(root, absl::StrCat("no matching global declaration for ", name),
           absl::StrCat("keine passende globale Deklaration für ", name));
  }

  std::vector<Finding> TakeFindings() { return std::move(findings_); }

 private:
  void Report(const XmlElement& e, absl::string_view en, absl::string_view de) {
    findings_.push_back(SchemaFinding(e.line(), e.local_name(), en, de));
  }

  void CheckElement(const XmlElement& e, int type_index) {
    const SchemaType& type = tables_.types[static_cast<size_t>(type_index)];
    CheckAttributes(e, type);
    if (type.simple) {
      if (e.HasChildElements()) {
        Report(e, "element content is not allowed: the type has simple content",
               "Elementinhalt ist nicht erlaubt: der Typ hat einfachen Inhalt");
        return;
      }
      const std::string text = e.Text();
      if (!IsValidLexical(type.lexical, text)) {
        Report(e,
               absl::StrCat("'", text, "' is not a valid value of ",
                            LexicalTypeName(type.lexical)),
               absl::StrCat("'", text, "' ist kein gültiger Wert vom Typ ",
                            LexicalTypeName(type.lexical)));
      }
      return;
    }
    CheckContent(e, type);
  }

  void CheckAttributes(const XmlElement& e, const SchemaType& type) {
    const auto declared =
        tables_.attributes.subspan(static_cast<size_t>(type.first_attribute),
                                   static_cast<size_t>(type.attribute_count));
    for (const auto& [name, value] : e.Attributes()) {
      if (!e.Attribute(name).has_value()) {
        // A qualified attribute: only the xsi ones are allowed everywhere,
        // and xsi:nil is an error because no element of these schemas is
        // nillable.
        if (e.Attribute(kXsiNs, name).has_value()) {
          if (name == "nil") {
            Report(e, "the element is not nillable",
                   "das Element darf nicht mit xsi:nil leer sein");
          } else if (name != "schemaLocation" &&
                     name != "noNamespaceSchemaLocation" && name != "type") {
            Report(
                e,
                absl::StrCat("the attribute 'xsi:", name, "' is not allowed"),
                absl::StrCat("das Attribut 'xsi:", name,
                             "' ist nicht erlaubt"));
          }
          continue;
        }
        Report(e, absl::StrCat("the attribute '", name, "' is not allowed"),
               absl::StrCat("das Attribut '", name, "' ist nicht erlaubt"));
        continue;
      }
      const SchemaAttribute* decl = nullptr;
      for (const SchemaAttribute& a : declared) {
        if (name == a.name) decl = &a;
      }
      if (decl == nullptr) {
        Report(e, absl::StrCat("the attribute '", name, "' is not allowed"),
               absl::StrCat("das Attribut '", name, "' ist nicht erlaubt"));
        continue;
      }
      const absl::string_view trimmed = schema_internal::TrimXmlSpace(value);
      if (!IsValidLexical(decl->lexical, value) ||
          (decl->max_length > 0 &&
           (trimmed.empty() ||
            trimmed.size() > static_cast<size_t>(decl->max_length)))) {
        Report(e,
               absl::StrCat("'", value,
                            "' is not a valid value of the "
                            "attribute '",
                            name, "'"),
               absl::StrCat("'", value,
                            "' ist kein gültiger Wert des "
                            "Attributs '",
                            name, "'"));
      }
    }
    for (const SchemaAttribute& a : declared) {
      if (a.required && !e.Attribute(a.name).has_value()) {
        Report(e,
               absl::StrCat("the attribute '", a.name,
                            "' is required but "
                            "missing"),
               absl::StrCat("das Pflichtattribut '", a.name, "' fehlt"));
      }
    }
  }

  static bool Matches(const SchemaParticle& p, const std::string& name,
                      const XmlElement& child) {
    if (absl::string_view(p.name) == "*") {
      return child.namespace_uri() != kExtNs && !child.namespace_uri().empty();
    }
    return name == p.name;
  }

  // Matches the children against the type's particles in sequence order;
  // reports the first mismatch only and stops there.
  void CheckContent(const XmlElement& e, const SchemaType& type) {
    const std::string text = e.Text();
    const std::vector<XmlElement> children = e.Children();
    std::vector<std::string> names;
    size_t child_text = 0;
    names.reserve(children.size());
    for (const XmlElement& c : children) {
      names.push_back(PrefixedName(c));
      child_text += NonSpaceCount(c.Text());
    }
    if (NonSpaceCount(text) != child_text) {
      Report(e,
             "character content is not allowed: the type has element-only "
             "content",
             "Textinhalt ist nicht erlaubt: der Typ erlaubt nur Elemente");
      return;
    }
    const auto particles =
        tables_.particles.subspan(static_cast<size_t>(type.first_particle),
                                  static_cast<size_t>(type.particle_count));
    size_t j = 0;  // next child
    size_t i = 0;  // next particle
    while (i < particles.size()) {
      const SchemaParticle& p = particles[i];
      if (p.choice_group == 0) {
        int count = 0;
        while (j < children.size() && Matches(p, names[j], children[j]) &&
               (p.max == 0 || count < p.max)) {
          if (p.type >= 0) CheckElement(children[j], p.type);
          ++j;
          ++count;
        }
        if (count < p.min) return Missing(e, children, j, p.name);
        ++i;
        continue;
      }
      size_t end = i;
      while (end < particles.size() &&
             particles[end].choice_group == p.choice_group) {
        ++end;
      }
      bool chosen = false;
      for (size_t k = i; k < end && j < children.size() && !chosen; ++k) {
        const SchemaParticle& member = particles[k];
        int count = 0;
        while (j < children.size() && Matches(member, names[j], children[j]) &&
               (member.max == 0 || count < member.max)) {
          if (member.type >= 0) CheckElement(children[j], member.type);
          ++j;
          ++count;
        }
        chosen = count > 0;
      }
      if (!chosen && p.group_min > 0) return Missing(e, children, j, p.name);
      i = end;
    }
    if (j < children.size()) {
      Report(children[j],
             absl::StrCat("this element (", names[j], ") is not expected here"),
             absl::StrCat("dieses Element (", names[j],
                          ") ist hier nicht erwartet"));
    }
  }

  // A required particle is missing before child j (or at the end).
  void Missing(const XmlElement& parent,
               const std::vector<XmlElement>& children, size_t j,
               absl::string_view expected) {
    if (j < children.size()) {
      Report(
          children[j],
          absl::StrCat("this element is not expected; expected is ", expected),
          absl::StrCat("dieses Element ist hier nicht erwartet; erwartet "
                       "wird ",
                       expected));
      return;
    }
    Report(parent,
           absl::StrCat("missing child element(s); expected is ", expected),
           absl::StrCat("fehlende Kindelemente; erwartet wird ", expected));
  }

  const SchemaTables& tables_;
  std::vector<Finding> findings_;
};

}  // namespace

absl::StatusOr<std::vector<Finding>> StructuralSchemaValidator::Validate(
    const XmlDocument& document, Syntax syntax) const {
  const SchemaTables* tables = nullptr;
  switch (syntax) {
    case Syntax::kUblInvoice:
    case Syntax::kUblCreditNote:
      tables = &schema_internal::UblSchemaTables();
      break;
    case Syntax::kCii:
      tables = &schema_internal::CiiSchemaTables();
      break;
    case Syntax::kOther:
      return absl::InvalidArgumentError(
          "the document element is not a UBL Invoice, UBL CreditNote or CII "
          "CrossIndustryInvoice; no schema applies");
  }
  Checker checker(*tables);
  checker.CheckRoot(document.Root());
  return checker.TakeFindings();
}

}  // namespace docintake::einvoice
