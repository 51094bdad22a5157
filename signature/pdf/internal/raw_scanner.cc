#include "signature/pdf/internal/raw_scanner.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "signature/pdf/internal/pdf_lexer.h"
#include "signature/pdf/raw_signature.h"

namespace docintake::signature::internal {
namespace {

constexpr size_t kNpos = absl::string_view::npos;
constexpr absl::string_view kEndstream = "endstream";

// The keys a RawSignature reports, plus /Length for skipping streams.
enum Key {
  kType,
  kFilter,
  kSubFilter,
  kM,
  kName,
  kReason,
  kLocation,
  kByteRange,
  kContents,
  kLength,
  kKeyCount
};
constexpr absl::string_view kKeyNames[kKeyCount] = {
    "Type",   "Filter",   "SubFilter", "M",        "Name",
    "Reason", "Location", "ByteRange", "Contents", "Length"};

int KeySlot(absl::string_view name_token) {
  if (name_token.size() > 64) return -1;  // none of ours is that long
  const std::string name = DecodeName(name_token);
  for (int i = 0; i < kKeyCount; ++i) {
    if (name == kKeyNames[i]) return i;
  }
  return -1;
}

// Keywords that end any object: a dictionary or array still open there is
// broken, and the scan continues with the keyword at the top level.
bool IsStructural(absl::string_view keyword) {
  return keyword == "obj" || keyword == "endobj" || keyword == "stream" ||
         keyword == "endstream" || keyword == "xref" || keyword == "trailer" ||
         keyword == "startxref";
}

struct Entry {
  int count = 0;
  Token value;  // first token of the first value
  bool reference = false;
};

struct DictSummary {
  Entry entries[kKeyCount];
  std::vector<int64_t> byte_range;
  bool byte_range_integers = false;
};

// ok: the value ended at `resume`. Not ok: it broke at `resume`, where the
// top level goes on.
struct Outcome {
  bool ok;
  size_t resume;
};

class Scanner {
 public:
  explicit Scanner(absl::string_view pdf) : lexer_(pdf) {}

  RawScan Run();

 private:
  Token NextSignificant();
  Outcome ParseDict(const Token& open, int depth,
                    std::optional<int64_t>* length);
  Outcome ParseArray(const Token& open, int depth, std::vector<int64_t>* ints,
                     bool* all_integers);
  Outcome ParseNested(const Token& open, int depth);
  Outcome SkipTooDeep(const Token& open);
  void Record(const Token& open, size_t end, bool closed,
              const DictSummary& summary);
  void SkipStream(size_t after_keyword, std::optional<int64_t> length);
  size_t FindEndstream(size_t from);

  Lexer lexer_;
  RawScan result_;
  int64_t object_number_ = -1;
  int64_t generation_ = -1;
  size_t object_offset_ = kNpos;
  size_t endstream_searched_from_ = kNpos;
  size_t endstream_found_ = kNpos;
};

Token Scanner::NextSignificant() {
  while (true) {
    const Token token = lexer_.Next();
    if (token.kind != TokenKind::kComment) return token;
    const absl::string_view data = lexer_.data();
    if (!absl::StartsWith(lexer_.Text(token), "%%EOF")) continue;
    size_t end = token.begin + 5;
    if (end < data.size() && data[end] == '\r') ++end;
    if (end < data.size() && data[end] == '\n') ++end;
    if (result_.revision_ends.empty() || result_.revision_ends.back() < end) {
      result_.revision_ends.push_back(end);
    }
  }
}

Outcome Scanner::ParseNested(const Token& open, int depth) {
  if (open.kind == TokenKind::kDictBegin) {
    std::optional<int64_t> unused;
    return ParseDict(open, depth, &unused);
  }
  return ParseArray(open, depth, nullptr, nullptr);
}

Outcome Scanner::ParseDict(const Token& open, int depth,
                           std::optional<int64_t>* length) {
  if (depth > kMaxDepth) return SkipTooDeep(open);
  DictSummary summary;
  while (true) {
    const Token key = NextSignificant();
    if (key.kind == TokenKind::kDictEnd) {
      Record(open, key.end, true, summary);
      const Entry& entry = summary.entries[kLength];
      if (entry.count > 0 && entry.value.kind == TokenKind::kInteger &&
          !entry.reference) {
        *length = entry.value.integer;
      }
      return {true, key.end};
    }
    if (key.kind == TokenKind::kEnd ||
        (key.kind == TokenKind::kKeyword && IsStructural(lexer_.Text(key)))) {
      Record(open, key.begin, false, summary);
      return {false, key.begin};
    }
    if (key.kind == TokenKind::kDictBegin ||
        key.kind == TokenKind::kArrayBegin) {  // a stray value: skip it
      const Outcome outcome = ParseNested(key, depth + 1);
      if (!outcome.ok) {
        Record(open, outcome.resume, false, summary);
        return outcome;
      }
      continue;
    }
    if (key.kind != TokenKind::kName) continue;  // stray token

    const int slot = KeySlot(lexer_.Text(key));
    const Token value = NextSignificant();
    if (value.kind == TokenKind::kDictEnd) {  // key without value
      lexer_.Seek(value.begin);
      continue;
    }
    if (value.kind == TokenKind::kEnd || (value.kind == TokenKind::kKeyword &&
                                          IsStructural(lexer_.Text(value)))) {
      Record(open, value.begin, false, summary);
      return {false, value.begin};
    }
    Entry* entry = slot >= 0 ? &summary.entries[slot] : nullptr;
    const bool first = entry != nullptr && entry->count++ == 0;
    if (first) entry->value = value;
    if (value.kind == TokenKind::kInteger) {
      if (lexer_.SkipReferenceTail() && first) entry->reference = true;
    } else if (value.kind == TokenKind::kDictBegin ||
               value.kind == TokenKind::kArrayBegin) {
      const bool collect =
          first && slot == kByteRange && value.kind == TokenKind::kArrayBegin;
      const Outcome outcome =
          collect ? ParseArray(value, depth + 1, &summary.byte_range,
                               &summary.byte_range_integers)
                  : ParseNested(value, depth + 1);
      if (!outcome.ok) {
        Record(open, outcome.resume, false, summary);
        return outcome;
      }
    }
  }
}

Outcome Scanner::ParseArray(const Token& open, int depth,
                            std::vector<int64_t>* ints, bool* all_integers) {
  if (depth > kMaxDepth) return SkipTooDeep(open);
  bool integers = true;
  while (true) {
    const Token token = NextSignificant();
    switch (token.kind) {
      case TokenKind::kArrayEnd:
        if (all_integers != nullptr) *all_integers = integers;
        return {true, token.end};
      case TokenKind::kEnd:
      case TokenKind::kDictEnd:
        return {false, token.begin};
      case TokenKind::kInteger:
        if (ints != nullptr) ints->push_back(token.integer);
        break;
      case TokenKind::kDictBegin:
      case TokenKind::kArrayBegin: {
        integers = false;
        const Outcome outcome = ParseNested(token, depth + 1);
        if (!outcome.ok) return outcome;
        break;
      }
      case TokenKind::kKeyword:
        if (IsStructural(lexer_.Text(token))) return {false, token.begin};
        integers = false;
        break;
      default:
        integers = false;
    }
  }
}

// Too deep to recurse: skip the value by counting brackets. A /ByteRange in
// it would go unseen, so the scan is then incomplete.
Outcome Scanner::SkipTooDeep(const Token& open) {
  int64_t depth = 0;
  Token token = open;
  while (true) {
    switch (token.kind) {
      case TokenKind::kDictBegin:
      case TokenKind::kArrayBegin:
        ++depth;
        break;
      case TokenKind::kDictEnd:
      case TokenKind::kArrayEnd:
        if (--depth == 0) return {true, token.end};
        break;
      case TokenKind::kEnd:
        return {false, token.begin};
      case TokenKind::kName:
        if (KeySlot(lexer_.Text(token)) == kByteRange) {
          result_.complete = false;
        }
        break;
      case TokenKind::kKeyword:
        if (IsStructural(lexer_.Text(token))) return {false, token.begin};
        break;
      default:
        break;
    }
    token = NextSignificant();
  }
}

void Scanner::Record(const Token& open, size_t end, bool closed,
                     const DictSummary& summary) {
  const Entry& byte_range = summary.entries[kByteRange];
  if (byte_range.count == 0) return;
  RawSignature sig;
  sig.dictionary_begin = open.begin;
  sig.dictionary_end = end;
  sig.closed = closed;
  sig.object_number = object_number_;
  sig.generation = generation_;

  const auto name = [&](Key key) -> std::string {
    const Entry& entry = summary.entries[key];
    if (entry.count == 0 || entry.value.kind != TokenKind::kName) return "";
    return DecodeName(lexer_.Text(entry.value));
  };
  const auto text = [&](Key key) -> std::string {
    const Entry& entry = summary.entries[key];
    if (entry.count == 0) return "";
    if (entry.value.kind == TokenKind::kString) {
      return DecodeLiteralString(lexer_.Text(entry.value));
    }
    if (entry.value.kind == TokenKind::kHexString) {
      return DecodeHexString(lexer_.Text(entry.value));
    }
    return "";
  };
  sig.type = name(kType);
  sig.filter = name(kFilter);
  sig.sub_filter = name(kSubFilter);
  sig.signing_time = text(kM);
  sig.name = text(kName);
  sig.reason = text(kReason);
  sig.location = text(kLocation);

  if (byte_range.value.kind == TokenKind::kArrayBegin &&
      summary.byte_range_integers) {
    sig.byte_range = summary.byte_range;
  }
  const Entry& contents = summary.entries[kContents];
  if (contents.count > 0 && contents.value.kind == TokenKind::kHexString) {
    sig.has_hex_contents = true;
    sig.contents_begin = contents.value.begin;
    sig.contents_end = contents.value.end;
    sig.contents = DecodeHexString(lexer_.Text(contents.value));
  }
  for (int i = 0; i < kKeyCount; ++i) {
    if (summary.entries[i].count > 1) {
      sig.duplicate_keys.emplace_back(kKeyNames[i]);
    }
  }
  result_.signatures.push_back(std::move(sig));
  result_.object_offsets.push_back(object_offset_);
}

void Scanner::SkipStream(size_t after_keyword, std::optional<int64_t> length) {
  const absl::string_view data = lexer_.data();
  size_t body = after_keyword;
  if (body < data.size() && data[body] == '\r') ++body;
  if (body < data.size() && data[body] == '\n') ++body;
  if (length.has_value() && *length >= 0 &&
      static_cast<uint64_t>(*length) <= data.size() - body) {
    size_t end = body + static_cast<size_t>(*length);
    while (end < data.size() && IsPdfWhiteSpace(data[end])) ++end;
    if (absl::StartsWith(data.substr(end), kEndstream)) {
      lexer_.Seek(end + kEndstream.size());
      return;
    }
  }
  const size_t end = FindEndstream(body);
  lexer_.Seek(end == kNpos ? after_keyword : end + kEndstream.size());
}

size_t Scanner::FindEndstream(size_t from) {
  // Searches only move forward, so remembering the last answer keeps the
  // total work linear.
  if (endstream_searched_from_ != kNpos && from >= endstream_searched_from_ &&
      (endstream_found_ == kNpos || from <= endstream_found_)) {
    return endstream_found_;
  }
  endstream_searched_from_ = from;
  endstream_found_ = lexer_.data().find(kEndstream, from);
  return endstream_found_;
}

RawScan Scanner::Run() {
  Token before_previous;
  Token previous;
  std::optional<int64_t> dict_length;  // of the dictionary just closed
  while (true) {
    const Token token = NextSignificant();
    if (token.kind == TokenKind::kEnd) break;
    std::optional<int64_t> length;
    if (token.kind == TokenKind::kDictBegin ||
        token.kind == TokenKind::kArrayBegin) {
      const Outcome outcome = token.kind == TokenKind::kDictBegin
                                  ? ParseDict(token, 1, &length)
                                  : ParseArray(token, 1, nullptr, nullptr);
      if (!outcome.ok) lexer_.Seek(outcome.resume);
    } else if (token.kind == TokenKind::kKeyword) {
      const absl::string_view keyword = lexer_.Text(token);
      if (keyword == "obj") {
        if (before_previous.kind == TokenKind::kInteger &&
            previous.kind == TokenKind::kInteger &&
            before_previous.integer >= 0 && previous.integer >= 0) {
          object_number_ = before_previous.integer;
          generation_ = previous.integer;
          object_offset_ = before_previous.begin;
        }
      } else if (keyword == "endobj") {
        object_number_ = generation_ = -1;
        object_offset_ = kNpos;
      } else if (keyword == "stream") {
        SkipStream(token.end, dict_length);
      }
    }
    dict_length = length;
    before_previous = previous;
    previous = token;
  }
  if (lexer_.gave_up()) result_.complete = false;
  return std::move(result_);
}

}  // namespace

RawScan ScanRawPdf(absl::string_view pdf) { return Scanner(pdf).Run(); }

}  // namespace docintake::signature::internal
