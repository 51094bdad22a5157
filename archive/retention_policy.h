// RetentionPolicy: how long an archived record must be kept, by document type
// (and optionally channel). A policy file has one rule per line:
//   <document type> [channel=<CHANNEL>] = <N>y [from=end-of-year|receipt]
// `*` is the fallback type; `#` starts a comment; the most specific rule wins
// (type + channel, then type, then `* channel`, then `*`). Without a file the
// defaults apply (§ 147 AO, § 14b UStG; years counted from the end of the
// year of receipt, in UTC):
//   book = 10y, invoice = 8y, business_letter = 6y, * = 10y.
// Immutable after construction; thread-safe.
#ifndef DOCINTAKE_ARCHIVE_RETENTION_POLICY_H_
#define DOCINTAKE_ARCHIVE_RETENTION_POLICY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docintake::archive {

struct RetentionDecision {
  absl::Time retain_until;
  // The rule that decided, as written, e.g. "invoice = 8y from=end-of-year".
  std::string rule;
};

class RetentionPolicy {
 public:
  // The documented defaults.
  static RetentionPolicy Defaults();
  // Parses a policy file's text; INVALID_ARGUMENT naming the line.
  static absl::StatusOr<RetentionPolicy> Parse(absl::string_view text);

  // `document_type` may be empty (unclassified): the `*` rules apply.
  // `channel` is the Channel enum name, e.g. "PORTAL".
  RetentionDecision Decide(absl::string_view document_type,
                           absl::string_view channel,
                           absl::Time received_at) const;

 private:
  struct Rule {
    std::string type;     // "*" for any
    std::string channel;  // "" for any
    int years = 10;
    bool from_end_of_year = true;
    std::string text;
  };
  RetentionPolicy() = default;

  std::vector<Rule> rules_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_RETENTION_POLICY_H_
