#include "archive/internal/tar_header.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace docintake::archive::internal {
namespace {

// Field offsets and widths of the ustar header.
struct Field {
  size_t offset;
  size_t width;
};
constexpr Field kName{0, 100};
constexpr Field kMode{100, 8};
constexpr Field kUid{108, 8};
constexpr Field kGid{116, 8};
constexpr Field kSize{124, 12};
constexpr Field kMtime{136, 12};
constexpr Field kChecksum{148, 8};
constexpr size_t kTypeflag = 156;
constexpr Field kMagic{257, 8};  // magic (6) and version (2)
constexpr Field kPrefix{345, 155};

constexpr absl::string_view kPosixMagic(
    "ustar\0"
    "00",
    8);
constexpr absl::string_view kGnuMagic("ustar  \0", 8);

void PutOctal(std::string& block, Field field, uint64_t value) {
  // width - 1 digits and a terminating NUL.
  for (size_t i = field.width - 1; i-- > 0;) {
    block[field.offset + i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
  block[field.offset + field.width - 1] = '\0';
}

void PutString(std::string& block, Field field, absl::string_view value) {
  block.replace(field.offset, value.size(), value.data(), value.size());
}

absl::string_view FieldOf(absl::string_view block, Field field) {
  return block.substr(field.offset, field.width);
}

// The text of a NUL-terminated (or full-width) string field.
absl::string_view StringField(absl::string_view block, Field field) {
  absl::string_view value = FieldOf(block, field);
  const size_t nul = value.find('\0');
  return nul == absl::string_view::npos ? value : value.substr(0, nul);
}

absl::StatusOr<uint64_t> OctalField(absl::string_view block, Field field,
                                    absl::string_view what) {
  absl::string_view value = FieldOf(block, field);
  if (static_cast<unsigned char>(value[0]) & 0x80) {
    return absl::InvalidArgumentError(
        absl::StrCat("tar header: the ", what,
                     " field uses the base-256 extension (a value too large "
                     "for ustar), which is not supported"));
  }
  size_t i = 0;
  while (i < value.size() && value[i] == ' ') ++i;
  uint64_t result = 0;
  // At most 12 digits (36 bits): no overflow.
  for (; i < value.size() && value[i] >= '0' && value[i] <= '7'; ++i) {
    result = (result << 3) | static_cast<uint64_t>(value[i] - '0');
  }
  for (; i < value.size(); ++i) {
    if (value[i] != ' ' && value[i] != '\0') {
      return absl::InvalidArgumentError(absl::StrCat(
          "tar header: the ", what, " field is not an octal number"));
    }
  }
  return result;
}

// Sums of the header bytes with the checksum field counted as spaces, as
// unsigned and as signed bytes (some old tars used signed char).
void Checksums(absl::string_view block, uint64_t& unsigned_sum,
               int64_t& signed_sum) {
  unsigned_sum = 0;
  signed_sum = 0;
  for (size_t i = 0; i < kTarBlockSize; ++i) {
    const bool in_checksum =
        i >= kChecksum.offset && i < kChecksum.offset + kChecksum.width;
    const char c = in_checksum ? ' ' : block[i];
    unsigned_sum += static_cast<unsigned char>(c);
    signed_sum += static_cast<signed char>(c);
  }
}

const char* TypeName(char typeflag) {
  switch (typeflag) {
    case '1':
      return "a hard link";
    case '2':
      return "a symbolic link";
    case '3':
    case '4':
      return "a device";
    case '6':
      return "a FIFO";
    case 'x':
    case 'g':
      return "a pax extended header";
    case 'L':
    case 'K':
      return "a GNU long-name header";
    default:
      return "of an unknown type";
  }
}

}  // namespace

absl::Status ValidateMemberName(absl::string_view name) {
  if (name.empty() || name.size() > 255) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tar member name must have 1 to 255 bytes, has ", name.size()));
  }
  for (char c : name) {
    if (c < 0x20 || c > 0x7e || c == '\\' || c == ':') {
      return absl::InvalidArgumentError(
          absl::StrCat("tar member name \"", absl::CEscape(name),
                       "\" has a character that is not allowed"));
    }
  }
  if (name.front() == '/') {
    return absl::InvalidArgumentError(absl::StrCat(
        "tar member name \"", name, "\" is an absolute path (refused)"));
  }
  for (absl::string_view part : absl::StrSplit(name, '/')) {
    if (part.empty() || part == "." || part == "..") {
      return absl::InvalidArgumentError(
          absl::StrCat("tar member name \"", name,
                       "\" has an empty, \".\" or \"..\" component (refused)"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> EncodeTarHeader(const TarHeader& header) {
  absl::Status valid = ValidateMemberName(header.name);
  if (!valid.ok()) return valid;
  if (header.size > kTarMaxMemberSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("tar member ", header.name, " has ", header.size,
                     " bytes, more than ustar can describe"));
  }
  const std::string full =
      header.is_directory ? absl::StrCat(header.name, "/") : header.name;
  absl::string_view prefix;
  absl::string_view rest = full;
  if (full.size() > kName.width) {
    // Split at the last '/' that leaves at most 155 bytes in front of it.
    size_t cut = full.rfind('/', kPrefix.width);
    if (header.is_directory && cut == full.size() - 1) {
      cut = full.rfind('/', cut - 1);
    }
    if (cut == std::string::npos || full.size() - cut - 1 > kName.width) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tar member name ", header.name, " does not fit a ustar header"));
    }
    prefix = absl::string_view(full).substr(0, cut);
    rest = absl::string_view(full).substr(cut + 1);
  }
  std::string block(kTarBlockSize, '\0');
  PutString(block, kName, rest);
  PutOctal(block, kMode, header.mode);
  PutOctal(block, kUid, 0);
  PutOctal(block, kGid, 0);
  PutOctal(block, kSize, header.is_directory ? 0 : header.size);
  PutOctal(block, kMtime,
           header.mtime < 0 ? 0 : static_cast<uint64_t>(header.mtime));
  block[kTypeflag] = header.is_directory ? '5' : '0';
  PutString(block, kMagic, kPosixMagic);
  PutString(block, kPrefix, prefix);
  uint64_t sum = 0;
  int64_t signed_sum = 0;
  Checksums(block, sum, signed_sum);
  // Six digits, NUL, space: the traditional layout every tar accepts.
  PutOctal(block, Field{kChecksum.offset, 7}, sum);
  block[kChecksum.offset + 7] = ' ';
  return block;
}

absl::StatusOr<TarHeader> DecodeTarHeader(absl::string_view block) {
  if (block.size() != kTarBlockSize) {
    return absl::InvalidArgumentError("tar header: not a 512-byte block");
  }
  auto stored = OctalField(block, kChecksum, "checksum");
  if (!stored.ok()) return stored.status();
  uint64_t sum = 0;
  int64_t signed_sum = 0;
  Checksums(block, sum, signed_sum);
  if (*stored != sum && static_cast<int64_t>(*stored) != signed_sum) {
    return absl::DataLossError(
        absl::StrCat("tar header checksum mismatch: stored ", *stored,
                     ", computed ", sum, " (corrupt or not a tar file)"));
  }
  const absl::string_view magic = FieldOf(block, kMagic);
  const bool posix = magic == kPosixMagic;
  if (!posix && magic != kGnuMagic) {
    return absl::InvalidArgumentError("tar header: not a ustar header");
  }
  TarHeader header;
  const absl::string_view name = StringField(block, kName);
  // GNU tar keeps other data where ustar has the prefix.
  const absl::string_view prefix =
      posix ? StringField(block, kPrefix) : absl::string_view();
  header.name =
      prefix.empty() ? std::string(name) : absl::StrCat(prefix, "/", name);
  const char typeflag = block[kTypeflag];
  if (typeflag == '5') {
    header.is_directory = true;
    if (!header.name.empty() && header.name.back() == '/') {
      header.name.pop_back();
    }
  } else if (typeflag != '0' && typeflag != '\0') {
    return absl::InvalidArgumentError(
        absl::StrCat("tar member \"", absl::CEscape(header.name), "\" is ",
                     TypeName(typeflag), "; only files and folders allowed"));
  }
  absl::Status valid = ValidateMemberName(header.name);
  if (!valid.ok()) return valid;
  auto size = OctalField(block, kSize, "size");
  if (!size.ok()) return size.status();
  auto mode = OctalField(block, kMode, "mode");
  if (!mode.ok()) return mode.status();
  auto mtime = OctalField(block, kMtime, "mtime");
  if (!mtime.ok()) return mtime.status();
  if (header.is_directory && *size != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("tar folder ", header.name, " claims ", *size, " bytes"));
  }
  header.size = *size;
  header.mode = static_cast<uint32_t>(*mode & 07777);
  header.mtime = static_cast<int64_t>(*mtime);
  return header;
}

bool IsZeroBlock(absl::string_view block) {
  for (char c : block) {
    if (c != '\0') return false;
  }
  return true;
}

}  // namespace docintake::archive::internal
