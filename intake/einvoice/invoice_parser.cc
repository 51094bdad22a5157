#include "intake/einvoice/invoice_parser.h"

#include "absl/strings/str_cat.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/internal/mappings.h"

namespace docintake::einvoice {

absl::StatusOr<Invoice> ParseInvoice(const XmlDocument& doc) {
  const XmlElement root = doc.Root();
  switch (DetectSyntax(root)) {
    case Syntax::kUblInvoice:
      return internal::MapUbl(root, /*credit_note=*/false);
    case Syntax::kUblCreditNote:
      return internal::MapUbl(root, /*credit_note=*/true);
    case Syntax::kCii:
      return internal::MapCii(root);
    case Syntax::kOther:
      break;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("not an EN 16931 invoice: the document element is {",
                   root.namespace_uri(), "}", root.local_name()));
}

}  // namespace docintake::einvoice
