#include "archive/checkpoint.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

constexpr absl::string_view kEmDashSpace = "\xE2\x80\x94 ";  // U+2014, ' '
constexpr absl::string_view kTimePrefix = "time ";
constexpr absl::string_view kTimeFormat = "%Y-%m-%dT%H:%M:%SZ";
constexpr absl::string_view kTimeShape = "dddd-dd-ddTdd:dd:ddZ";
constexpr size_t kMaxOriginBytes = 255;
constexpr size_t kRootHashBytes = 32;
constexpr size_t kKeyIdBytes = 4;
// Origin, size, root, time and one signature fit easily.
constexpr size_t kMaxNoteBytes = 4096;

std::string FormatCheckpointTime(absl::Time t) {
  return absl::FormatTime(kTimeFormat, t, absl::UTCTimeZone());
}

// Base64 that only the standard padded encoding of the result could produce.
absl::StatusOr<std::string> DecodeCanonicalBase64(absl::string_view text,
                                                  absl::string_view what) {
  std::string out;
  if (!absl::Base64Unescape(text, &out) || absl::Base64Escape(out) != text) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " is not canonical padded base64"));
  }
  return out;
}

absl::StatusOr<uint64_t> ParseTreeSize(absl::string_view text) {
  const bool digits_only =
      !text.empty() && text.find_first_not_of("0123456789") == text.npos;
  uint64_t size = 0;
  if (!digits_only || (text.size() > 1 && text[0] == '0') ||
      !absl::SimpleAtoi(text, &size)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tree size \"", absl::CHexEscape(text),
        "\" is not a decimal number without leading zeros below 2^64"));
  }
  return size;
}

absl::StatusOr<absl::Time> ParseTimeLine(absl::string_view line) {
  const auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("line 4 \"", absl::CHexEscape(line),
                     "\" is not \"time YYYY-MM-DDTHH:MM:SSZ\""));
  };
  if (!absl::ConsumePrefix(&line, kTimePrefix) ||
      line.size() != kTimeShape.size()) {
    return bad();
  }
  for (size_t i = 0; i < line.size(); ++i) {
    const bool digit = line[i] >= '0' && line[i] <= '9';
    if (kTimeShape[i] == 'd' ? !digit : line[i] != kTimeShape[i]) return bad();
  }
  absl::Time t;
  std::string err;
  // The round trip rejects what ParseTime would normalise (Feb 30, 23:59:60).
  if (!absl::ParseTime(kTimeFormat, std::string(line), absl::UTCTimeZone(), &t,
                       &err) ||
      FormatCheckpointTime(t) != line) {
    return bad();
  }
  return t;
}

// A note split into its parts; `text` points into the parsed note.
struct ParsedNote {
  Checkpoint checkpoint;
  absl::string_view text;
  std::string key_id;
  std::string signature;
};

absl::StatusOr<Checkpoint> ParseText(absl::string_view text) {
  // `text` ends with '\n'; the split yields one empty piece after it.
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  lines.pop_back();
  if (lines.size() != 4) {
    return absl::InvalidArgumentError(
        absl::StrCat("the note text has ", lines.size(),
                     " lines, not 4 (origin, tree size, root hash, time)"));
  }
  Checkpoint checkpoint;
  absl::Status origin_ok = ValidateOrigin(lines[0]);
  if (!origin_ok.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("line 1: ", origin_ok.message()));
  }
  checkpoint.origin = std::string(lines[0]);
  ASSIGN_OR_RETURN(checkpoint.tree_size, ParseTreeSize(lines[1]));
  ASSIGN_OR_RETURN(checkpoint.root_hash,
                   DecodeCanonicalBase64(lines[2], "the root hash (line 3)"));
  if (checkpoint.root_hash.size() != kRootHashBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the root hash has ", checkpoint.root_hash.size(),
                     " bytes, not ", kRootHashBytes));
  }
  ASSIGN_OR_RETURN(checkpoint.time, ParseTimeLine(lines[3]));
  return checkpoint;
}

absl::StatusOr<ParsedNote> ParseNote(absl::string_view note) {
  if (note.size() > kMaxNoteBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the note has ", note.size(), " bytes, more than ", kMaxNoteBytes));
  }
  const size_t blank = note.find("\n\n");
  if (blank == note.npos) {
    return absl::InvalidArgumentError(
        "the note has no blank line between text and signature");
  }
  ParsedNote parsed;
  parsed.text = note.substr(0, blank + 1);
  ASSIGN_OR_RETURN(parsed.checkpoint, ParseText(parsed.text));

  absl::string_view line = note.substr(blank + 2);
  if (!absl::ConsumePrefix(&line, kEmDashSpace) ||
      !absl::ConsumeSuffix(&line, "\n") || line.find('\n') != line.npos) {
    return absl::InvalidArgumentError(
        "the note does not end in exactly one signature line "
        "\"— <key name> <base64>\\n\"");
  }
  std::vector<absl::string_view> fields = absl::StrSplit(line, ' ');
  if (fields.size() != 2) {
    return absl::InvalidArgumentError(
        "the signature line is not \"— <key name> <base64>\"");
  }
  if (fields[0] != parsed.checkpoint.origin) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the signature is by key \"", absl::CHexEscape(fields[0]),
        "\", not by the log's key \"", parsed.checkpoint.origin, "\""));
  }
  ASSIGN_OR_RETURN(std::string blob,
                   DecodeCanonicalBase64(fields[1], "the signature"));
  if (blob.size() <= kKeyIdBytes) {
    return absl::InvalidArgumentError(
        "the signature is too short to hold a key id and a signature");
  }
  parsed.key_id = blob.substr(0, kKeyIdBytes);
  parsed.signature = blob.substr(kKeyIdBytes);
  return parsed;
}

}  // namespace

absl::Status ValidateOrigin(absl::string_view origin) {
  if (origin.empty() || origin.size() > kMaxOriginBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the origin must have 1 to ", kMaxOriginBytes, " characters"));
  }
  for (char c : origin) {
    if (c <= ' ' || c > '~' || c == '+') {
      return absl::InvalidArgumentError(absl::StrCat(
          "the origin \"", absl::CHexEscape(origin),
          "\" may contain only printable ASCII other than space and '+'"));
    }
  }
  return absl::OkStatus();
}

std::string SignCheckpoint(const Checkpoint& checkpoint,
                           const SigningKey& key) {
  const std::string time = FormatCheckpointTime(checkpoint.time);
  absl::Status origin_ok = ValidateOrigin(checkpoint.origin);
  if (!origin_ok.ok() || checkpoint.root_hash.size() != kRootHashBytes ||
      time.size() != kTimeShape.size()) {
    std::fprintf(stderr,
                 "docintake: SignCheckpoint called with an unsignable "
                 "checkpoint (%s; root of %zu bytes; time %s)\n",
                 std::string(origin_ok.message()).c_str(),
                 checkpoint.root_hash.size(), time.c_str());
    std::abort();
  }
  const std::string text = absl::StrCat(
      checkpoint.origin, "\n", checkpoint.tree_size, "\n",
      absl::Base64Escape(checkpoint.root_hash), "\n", kTimePrefix, time, "\n");
  const std::string blob =
      absl::StrCat(key.KeyId(checkpoint.origin), key.Sign(text));
  return absl::StrCat(text, "\n", kEmDashSpace, checkpoint.origin, " ",
                      absl::Base64Escape(blob), "\n");
}

absl::StatusOr<Checkpoint> ParseCheckpoint(absl::string_view note) {
  ASSIGN_OR_RETURN(ParsedNote parsed, ParseNote(note));
  return std::move(parsed.checkpoint);
}

absl::StatusOr<Checkpoint> VerifyCheckpoint(absl::string_view note,
                                            const VerifyingKey& key) {
  ASSIGN_OR_RETURN(ParsedNote parsed, ParseNote(note));
  if (parsed.key_id != key.KeyId(parsed.checkpoint.origin)) {
    return absl::DataLossError(absl::StrCat(
        "the checkpoint of \"", parsed.checkpoint.origin,
        "\" is signed by a different key (key id ",
        absl::BytesToHexString(parsed.key_id), ", expected ",
        absl::BytesToHexString(key.KeyId(parsed.checkpoint.origin)), ")"));
  }
  absl::Status verified = key.Verify(parsed.text, parsed.signature);
  if (!verified.ok()) {
    return absl::DataLossError(
        absl::StrCat("the checkpoint signature of \"", parsed.checkpoint.origin,
                     "\" does not verify: ", verified.message()));
  }
  return std::move(parsed.checkpoint);
}

}  // namespace docintake::archive
