#include "archive/tar_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>

#include "absl/strings/str_cat.h"
#include "archive/internal/tar_header.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

using internal::kTarBlockSize;

constexpr size_t kPieceBytes = 1 << 20;
// Zero padding accepted after the end marker (tar pads to whole records).
constexpr uint64_t kMaxTrailingBytes = 1 << 20;

class BytesSource final : public TarSource {
 public:
  explicit BytesSource(absl::string_view bytes) : bytes_(bytes) {}
  uint64_t size() const override { return bytes_.size(); }
  absl::StatusOr<std::string> ReadAt(uint64_t offset, size_t n) const override {
    if (offset > bytes_.size() || n > bytes_.size() - offset) {
      return absl::DataLossError("read past the end of the tar data");
    }
    return std::string(bytes_.substr(offset, n));
  }

 private:
  const absl::string_view bytes_;
};

class FileSource final : public TarSource {
 public:
  FileSource(int fd, uint64_t size, std::string path)
      : fd_(fd), size_(size), path_(std::move(path)) {}
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  uint64_t size() const override { return size_; }
  absl::StatusOr<std::string> ReadAt(uint64_t offset, size_t n) const override {
    std::string out(n, '\0');
    size_t done = 0;
    while (done < n) {
      const ssize_t got = ::pread(fd_, out.data() + done, n - done,
                                  static_cast<off_t>(offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return absl::ErrnoToStatus(errno, "read " + path_);
      if (got == 0) {
        return absl::DataLossError(
            absl::StrCat(path_, " ends before offset ", offset + n));
      }
      done += static_cast<size_t>(got);
    }
    return out;
  }

 private:
  const int fd_;
  const uint64_t size_;
  const std::string path_;
};

// OK if everything from `offset` to the end is zero padding.
absl::Status CheckTrailer(const TarSource& source, uint64_t offset) {
  if (source.size() - offset > kMaxTrailingBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("tar: ", source.size() - offset,
                     " bytes follow the end-of-archive marker"));
  }
  ASSIGN_OR_RETURN(
      std::string rest,
      source.ReadAt(offset, static_cast<size_t>(source.size() - offset)));
  if (!internal::IsZeroBlock(rest)) {
    return absl::DataLossError(
        "tar: data follows the end-of-archive marker (appended or damaged)");
  }
  return absl::OkStatus();
}

// INVALID_ARGUMENT if a member would have to be both a file and a folder.
absl::Status CheckPathsConsistent(const std::vector<TarMember>& members) {
  std::set<std::string> files;
  for (const TarMember& m : members) {
    if (!m.is_directory) files.insert(m.name);
  }
  for (const TarMember& m : members) {
    for (size_t slash = m.name.find('/'); slash != std::string::npos;
         slash = m.name.find('/', slash + 1)) {
      if (files.count(m.name.substr(0, slash)) != 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("tar member ", m.name, " lies under the file ",
                         m.name.substr(0, slash)));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::unique_ptr<TarSource> TarSourceFromBytes(absl::string_view bytes) {
  return std::make_unique<BytesSource>(bytes);
}

absl::StatusOr<std::unique_ptr<TarSource>> OpenTarFile(
    const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, "open " + path);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return absl::ErrnoToStatus(err, "stat " + path);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(path + " is not a regular file");
  }
  return std::make_unique<FileSource>(fd, static_cast<uint64_t>(st.st_size),
                                      path);
}

absl::StatusOr<std::vector<TarMember>> ListTarMembers(const TarSource& source,
                                                      const TarLimits& limits) {
  std::vector<TarMember> members;
  std::set<std::string> names;
  uint64_t offset = 0;
  while (true) {
    if (source.size() - offset < 2 * kTarBlockSize) {
      return absl::DataLossError(absl::StrCat(
          "tar: the data ends at byte ", source.size(),
          " without an end-of-archive marker (truncated or not a tar file)"));
    }
    ASSIGN_OR_RETURN(std::string block, source.ReadAt(offset, kTarBlockSize));
    if (internal::IsZeroBlock(block)) {
      ASSIGN_OR_RETURN(std::string second,
                       source.ReadAt(offset + kTarBlockSize, kTarBlockSize));
      if (!internal::IsZeroBlock(second)) {
        return absl::DataLossError(
            absl::StrCat("tar: a lone zero block at byte ", offset));
      }
      RETURN_IF_ERROR(CheckTrailer(source, offset + 2 * kTarBlockSize));
      break;
    }
    absl::StatusOr<internal::TarHeader> header =
        internal::DecodeTarHeader(block);
    if (!header.ok()) {
      return absl::Status(
          header.status().code(),
          absl::StrCat(header.status().message(), " (at byte ", offset, ")"));
    }
    if (members.size() >= limits.max_members) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tar: more than ", limits.max_members, " members (refused)"));
    }
    if (header->size > limits.max_member_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tar member ", header->name, " has ", header->size,
          " bytes, more than the limit of ", limits.max_member_bytes));
    }
    if (!names.insert(header->name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("tar member ", header->name, " occurs twice"));
    }
    TarMember member;
    member.name = std::move(header->name);
    member.is_directory = header->is_directory;
    member.size = header->size;
    member.data_offset = offset + kTarBlockSize;
    const uint64_t padded = internal::TarPaddedSize(member.size);
    if (source.size() - member.data_offset < padded) {
      return absl::DataLossError(
          absl::StrCat("tar member ", member.name, " (", member.size,
                       " bytes) runs past the end of the data (truncated)"));
    }
    offset = member.data_offset + padded;
    members.push_back(std::move(member));
  }
  RETURN_IF_ERROR(CheckPathsConsistent(members));
  return members;
}

absl::StatusOr<std::string> ReadTarMember(const TarSource& source,
                                          const TarMember& member,
                                          uint64_t max_bytes) {
  if (member.size > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("tar member ", member.name, " has ", member.size,
                     " bytes, more than the limit of ", max_bytes));
  }
  return source.ReadAt(member.data_offset, static_cast<size_t>(member.size));
}

absl::Status StreamTarMember(
    const TarSource& source, const TarMember& member,
    const std::function<absl::Status(absl::string_view)>& sink) {
  uint64_t done = 0;
  while (done < member.size) {
    const size_t n = static_cast<size_t>(
        std::min<uint64_t>(kPieceBytes, member.size - done));
    ASSIGN_OR_RETURN(std::string piece,
                     source.ReadAt(member.data_offset + done, n));
    RETURN_IF_ERROR(sink(piece));
    done += n;
  }
  return absl::OkStatus();
}

}  // namespace docintake::archive
