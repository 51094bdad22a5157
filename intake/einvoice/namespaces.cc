#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice {
namespace {

struct Binding {
  const char* prefix;
  const char* uri;
};

constexpr Binding kBindings[] = {
    {"ubl", kUblInvoiceNs}, {"cn", kUblCreditNoteNs}, {"cac", kCacNs},
    {"cbc", kCbcNs},        {"ext", kExtNs},          {"rsm", kRsmNs},
    {"ram", kRamNs},        {"udt", kUdtNs},          {"qdt", kQdtNs},
};

}  // namespace

absl::string_view PrefixForNamespace(absl::string_view uri) {
  for (const Binding& b : kBindings) {
    if (uri == b.uri) return b.prefix;
  }
  return "";
}

absl::string_view NamespaceForPrefix(absl::string_view prefix) {
  for (const Binding& b : kBindings) {
    if (prefix == b.prefix) return b.uri;
  }
  return "";
}

}  // namespace docintake::einvoice
