#include "intake/einvoice/invoice_model.h"

#include "absl/strings/str_cat.h"

namespace docintake::einvoice {
namespace {

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

bool Value::IsEmpty() const { return present && Trimmed().empty(); }

bool Value::HasText() const { return present && !Trimmed().empty(); }

std::string Value::Trimmed() const {
  size_t begin = 0, end = text.size();
  while (begin < end && IsXmlSpace(text[begin])) ++begin;
  while (end > begin && IsXmlSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::string Value::Collapsed() const {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

const std::string* Value::Attribute(absl::string_view name) const {
  for (const auto& [key, value] : attributes) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string Value::AttributePath(absl::string_view name) const {
  return absl::StrCat(path, "/@", name);
}

Value Value::AttributeAsValue(absl::string_view name) const {
  Value v;
  const std::string* found = Attribute(name);
  if (found == nullptr) return v;
  v.present = true;
  v.text = *found;
  v.path = AttributePath(name);
  v.line = line;
  return v;
}

bool Invoice::IsCreditNote() const { return syntax == Syntax::kUblCreditNote; }

}  // namespace docintake::einvoice
