#include "intake/einvoice/rules/internal/syntax_table.h"

#include <deque>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice::internal {
namespace {

// Storage for generated ids and messages; never freed (static lifetime).
const char* Keep(std::string text) {
  static std::deque<std::string>* const arena = new std::deque<std::string>();
  arena->push_back(std::move(text));
  return arena->back().c_str();
}

void Walk(const XmlElement& element, std::vector<XmlElement>* out) {
  out->push_back(element);
  for (const XmlElement& child : element.Children()) Walk(child, out);
}

std::string PaddedNumber(int number, int width) {
  std::string digits = absl::StrCat(number);
  while (static_cast<int>(digits.size()) < width) digits.insert(0, "0");
  return digits;
}

std::pair<std::string, std::string> Messages(const PresenceRule& rule) {
  const std::string what = rule.path;
  const bool fatal = rule.flag == Severity::kFatal;
  switch (rule.occurs) {
    case Occurs::kNone:
      return {
          absl::StrCat(what, fatal ? " must not be used here."
                                   : " should not be present here (not part "
                                     "of EN 16931)."),
          absl::StrCat(what, fatal ? " darf hier nicht verwendet werden."
                                   : " sollte hier nicht vorkommen (nicht "
                                     "Teil von EN 16931).")};
    case Occurs::kAtMostOne:
      return {absl::StrCat(what, " may occur at most once here."),
              absl::StrCat(what, " darf hier höchstens einmal vorkommen.")};
    case Occurs::kAtMostTwo:
      return {absl::StrCat(what, " may occur at most twice here."),
              absl::StrCat(what, " darf hier höchstens zweimal vorkommen.")};
    case Occurs::kExactlyOne:
      return {absl::StrCat(what, " must occur exactly once here."),
              absl::StrCat(what, " muss hier genau einmal vorkommen.")};
    case Occurs::kSome:
      return {absl::StrCat(what, " must be present here."),
              absl::StrCat(what, " muss hier vorhanden sein.")};
  }
  return {what, what};
}

}  // namespace

bool Allows(Occurs occurs, int count) {
  switch (occurs) {
    case Occurs::kNone:
      return count == 0;
    case Occurs::kAtMostOne:
      return count <= 1;
    case Occurs::kAtMostTwo:
      return count <= 2;
    case Occurs::kExactlyOne:
      return count == 1;
    case Occurs::kSome:
      return count > 0;
  }
  return true;
}

std::vector<RuleDefinition> DefinitionsFor(
    absl::string_view prefix, int width, absl::Span<const PresenceRule> rules) {
  std::vector<RuleDefinition> out;
  out.reserve(rules.size());
  for (const PresenceRule& rule : rules) {
    auto [en, de] = Messages(rule);
    out.push_back({Keep(absl::StrCat(prefix, PaddedNumber(rule.number, width))),
                   rule.flag, Keep(std::move(en)), Keep(std::move(de))});
  }
  return out;
}

RuleDefinition MakeDefinition(absl::string_view id, Severity flag,
                              absl::string_view message_en,
                              absl::string_view message_de) {
  return {Keep(std::string(id)), flag, Keep(std::string(message_en)),
          Keep(std::string(message_de))};
}

bool HasName(const XmlElement& element, absl::string_view prefixed_name) {
  const size_t colon = prefixed_name.find(':');
  if (colon == absl::string_view::npos) return false;
  const absl::string_view ns =
      NamespaceForPrefix(prefixed_name.substr(0, colon));
  return !ns.empty() && element.Is(ns, prefixed_name.substr(colon + 1));
}

int BooleanValue(absl::string_view text) {
  const absl::string_view v = absl::StripAsciiWhitespace(text);
  if (v == "true" || v == "1") return 1;
  if (v == "false" || v == "0") return 0;
  return -1;
}

SyntaxScope::SyntaxScope(const XmlDocument& document) {
  const XmlElement root = document.Root();
  if (root) Walk(root, &all_);
  if (all_.empty()) all_.emplace_back();
}

std::vector<XmlElement> SyntaxScope::Select(const XmlElement& context,
                                            absl::string_view path) const {
  std::vector<XmlElement> out;
  if (!context) return out;
  if (path.empty()) {
    out.push_back(context);
    return out;
  }
  if (absl::ConsumePrefix(&path, "//")) {
    const size_t slash = path.find('/');
    const absl::string_view first = path.substr(0, slash);
    const absl::string_view rest =
        slash == absl::string_view::npos ? "" : path.substr(slash + 1);
    for (const XmlElement& e : all_) {
      if (!HasName(e, first)) continue;
      for (XmlElement& m : Select(e, rest)) out.push_back(std::move(m));
    }
    return out;
  }
  if (absl::StartsWith(path, "(")) {
    const size_t close = path.find(')');
    if (close == absl::string_view::npos) return out;
    absl::string_view rest = path.substr(close + 1);
    absl::ConsumePrefix(&rest, "/");
    for (absl::string_view choice :
         absl::StrSplit(path.substr(1, close - 1), '|')) {
      const std::string full =
          rest.empty() ? std::string(choice) : absl::StrCat(choice, "/", rest);
      for (XmlElement& m : context.FindAll(full)) out.push_back(std::move(m));
    }
    return out;
  }
  return context.FindAll(path);
}

int SyntaxScope::Count(const XmlElement& context,
                       absl::string_view path) const {
  const size_t at = path.rfind('@');
  if (at == absl::string_view::npos) {
    return static_cast<int>(Select(context, path).size());
  }
  absl::string_view elements = path.substr(0, at);
  absl::ConsumeSuffix(&elements, "/");
  const absl::string_view attribute = path.substr(at + 1);
  int count = 0;
  if (elements == "/") {  // "//@name": any element of the document
    for (const XmlElement& e : all_) {
      if (e.Attribute(attribute).has_value()) ++count;
    }
    return count;
  }
  for (const XmlElement& e : Select(context, elements)) {
    if (e.Attribute(attribute).has_value()) ++count;
  }
  return count;
}

void SyntaxScope::Check(const XmlElement& context,
                        absl::Span<const PresenceRule> rules,
                        absl::Span<const RuleDefinition> definitions,
                        FindingSink& sink) const {
  for (size_t i = 0; i < rules.size() && i < definitions.size(); ++i) {
    if (!Allows(rules[i].occurs, Count(context, rules[i].path))) {
      sink.Report(definitions[i], context.path());
    }
  }
}

}  // namespace docintake::einvoice::internal
