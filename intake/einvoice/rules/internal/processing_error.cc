#include "intake/einvoice/rules/internal/processing_error.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice::internal {
namespace {

bool CastableToBoolean(const std::string& text) {
  const absl::string_view v =
      absl::StripAsciiWhitespace(absl::string_view(text));
  return v == "true" || v == "false" || v == "1" || v == "0";
}

std::string Walk(const XmlElement& e) {
  if (e.Is(kCbcNs, "ChargeIndicator") && !CastableToBoolean(e.Text())) {
    return e.path();
  }
  if (e.Is(kRamNs, "ChargeIndicator")) {
    for (const XmlElement& i : e.Children(kUdtNs, "Indicator")) {
      if (!CastableToBoolean(i.Text())) return i.path();
    }
  }
  for (const XmlElement& child : e.Children()) {
    std::string found = Walk(child);
    if (!found.empty()) return found;
  }
  return "";
}

}  // namespace

std::string FindBooleanCastError(const XmlDocument& document) {
  return Walk(document.Root());
}

}  // namespace docintake::einvoice::internal
