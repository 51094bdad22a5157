// Human-readable renderings of records and events: the `get` summary, the
// `list` table and the `watch` lines. Stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_RECORD_FORMAT_H_
#define DOCINTAKE_INTAKE_CLI_RECORD_FORMAT_H_

#include <string>

#include "docintake/v1/intake.pb.h"
#include "docintake/v1/record.pb.h"

namespace docintake::cli {

// Several "label  value" lines ending in '\n': id, state, channel, filename,
// media type, size, sha256, received time, duplicate_of, warnings, one line
// per stage outcome with its duration, page count and error. Unset facts
// are left out.
std::string RecordSummary(const v1::Record& record);

// The header line of the `list` table and one row per record, each ending
// in '\n'; fixed column widths so that rows can be printed as pages arrive.
std::string ListTableHeader();
std::string ListTableRow(const v1::Record& record);

// "<time>  <document_id>  <STATE>", plus the record's error if it has one;
// no trailing newline.
std::string EventLine(const v1::DocumentEvent& event);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_RECORD_FORMAT_H_
