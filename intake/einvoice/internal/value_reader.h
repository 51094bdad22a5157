// Reading model values (invoice_model.h) from XmlElements: the shared helpers
// of the UBL and CII mappings. Absent elements give absent values. Internal;
// thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_INTERNAL_VALUE_READER_H_
#define DOCINTAKE_INTAKE_EINVOICE_INTERNAL_VALUE_READER_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "intake/einvoice/invoice_model.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// The element itself (absent if null).
Value ReadValue(const XmlElement& e);
DecimalValue ReadDecimal(const XmlElement& e);
IndicatorValue ReadIndicator(const XmlElement& e);
// UBL xs:date text (an optional time zone suffix is allowed).
DateValue ReadUblDate(const XmlElement& e);
// A CII date container (ram:IssueDateTime etc.): its udt:DateTimeString,
// qdt:DateTimeString or udt:DateString child, parsed when format is "102".
DateValue ReadCiiDate(const XmlElement& container);
// CII udt:Indicator inside ram:ChargeIndicator.
IndicatorValue ReadCiiIndicator(const XmlElement& container);

// The first element at `relative_path` below `from` (prefixed names).
inline Value ValueAt(const XmlElement& from, absl::string_view path) {
  return ReadValue(from.Find(path));
}
inline DecimalValue DecimalAt(const XmlElement& from, absl::string_view path) {
  return ReadDecimal(from.Find(path));
}
std::vector<Value> ValuesAt(const XmlElement& from, absl::string_view path);

// First present of two values.
Value FirstPresent(Value a, Value b);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_INTERNAL_VALUE_READER_H_
