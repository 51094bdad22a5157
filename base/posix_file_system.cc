// The POSIX implementation of FileSystem.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "base/file_system.h"
#include "base/owned.h"
#include "base/random.h"
#include "base/status_macros.h"

namespace docintake::base {
namespace {

absl::Status ErrnoError(int err, absl::string_view what,
                        absl::string_view path) {
  return absl::ErrnoToStatus(err, absl::StrCat(what, " ", path));
}

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(int fd, std::string path)
      : fd_(fd), path_(std::move(path)) {}

  absl::Status Append(absl::string_view data) override {
    while (!data.empty()) {
      ssize_t n = ::write(fd_.get(), data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return ErrnoError(errno, "write", path_);
      }
      data.remove_prefix(static_cast<size_t>(n));
    }
    return absl::OkStatus();
  }

  absl::Status Sync() override {
    if (::fdatasync(fd_.get()) != 0)
      return ErrnoError(errno, "fdatasync", path_);
    return absl::OkStatus();
  }

  absl::Status Close() override {
    if (fd_.Close() != 0) return ErrnoError(errno, "close", path_);
    return absl::OkStatus();
  }

 private:
  Fd fd_;
  std::string path_;
};

class PosixSequentialFile final : public SequentialFile {
 public:
  PosixSequentialFile(int fd, std::string path)
      : fd_(fd), path_(std::move(path)) {}

  absl::StatusOr<std::string> Read(size_t n) override {
    std::string buf(n, '\0');
    size_t got = 0;
    while (got < n) {
      ssize_t r = ::read(fd_.get(), buf.data() + got, n - got);
      if (r < 0) {
        if (errno == EINTR) continue;
        return ErrnoError(errno, "read", path_);
      }
      if (r == 0) break;
      got += static_cast<size_t>(r);
    }
    buf.resize(got);
    return buf;
  }

 private:
  Fd fd_;
  std::string path_;
};

class PosixFileSystem final : public FileSystem {
 public:
  absl::StatusOr<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::string& path) override {
    int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoError(errno, "create", path);
    return std::make_unique<PosixWritableFile>(fd, path);
  }

  absl::StatusOr<std::unique_ptr<SequentialFile>> NewSequentialFile(
      const std::string& path) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, "open", path);
    return std::make_unique<PosixSequentialFile>(fd, path);
  }

  absl::StatusOr<std::string> ReadFile(const std::string& path,
                                       uint64_t max_bytes) override {
    ASSIGN_OR_RETURN(uint64_t size, FileSize(path));
    if (size > max_bytes) {
      return absl::ResourceExhaustedError(absl::StrCat(
          path, " has ", size, " bytes, more than the limit of ", max_bytes));
    }
    ASSIGN_OR_RETURN(auto file, NewSequentialFile(path));
    std::string out;
    out.reserve(size);
    while (true) {
      ASSIGN_OR_RETURN(std::string part, file->Read(1 << 20));
      if (part.empty()) break;
      if (out.size() + part.size() > max_bytes) {
        return absl::ResourceExhaustedError(
            absl::StrCat(path, " grew beyond the limit of ", max_bytes));
      }
      out += part;
    }
    return out;
  }

  absl::StatusOr<uint64_t> FileSize(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return ErrnoError(errno, "stat", path);
    return static_cast<uint64_t>(st.st_size);
  }

  absl::Status Rename(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) {
      return ErrnoError(errno, "rename", absl::StrCat(from, " -> ", to));
    }
    return absl::OkStatus();
  }

  absl::Status SyncDir(const std::string& dir) override {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) return ErrnoError(errno, "open directory", dir);
    if (::fsync(fd.get()) != 0)
      return ErrnoError(errno, "fsync directory", dir);
    return absl::OkStatus();
  }

  absl::Status Remove(const std::string& path) override {
    if (::unlink(path.c_str()) != 0) return ErrnoError(errno, "remove", path);
    return absl::OkStatus();
  }

  absl::Status CreateDirs(const std::string& path) override {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return ErrnoError(ec.value(), "create directory", path);
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<std::string>> ListDir(
      const std::string& dir) override {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) return ErrnoError(errno, "list", dir);
    std::vector<std::string> names;
    while (struct dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    ::closedir(d);
    return names;
  }

  bool Exists(const std::string& path) override {
    return ::access(path.c_str(), F_OK) == 0;
  }

  absl::Status MakeReadOnly(const std::string& path) override {
    if (::chmod(path.c_str(), 0444) != 0)
      return ErrnoError(errno, "chmod", path);
    return absl::OkStatus();
  }
};

}  // namespace

FileSystem& FileSystem::Default() {
  static PosixFileSystem* fs = new PosixFileSystem();
  return *fs;
}

absl::Status WriteFileAtomically(FileSystem& fs, const std::string& dir,
                                 const std::string& name,
                                 absl::string_view data) {
  const std::string tmp =
      absl::StrCat(dir, "/.", name, ".", RandomHex(8), ".tmp");
  absl::Status status = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto file, fs.NewWritableFile(tmp));
    RETURN_IF_ERROR(file->Append(data));
    RETURN_IF_ERROR(file->Sync());
    RETURN_IF_ERROR(file->Close());
    return fs.Rename(tmp, absl::StrCat(dir, "/", name));
  }();
  if (!status.ok()) fs.Remove(tmp).IgnoreError();
  return status;
}

absl::Status WriteFileDurably(FileSystem& fs, const std::string& dir,
                              const std::string& name, absl::string_view data) {
  RETURN_IF_ERROR(WriteFileAtomically(fs, dir, name, data));
  return fs.SyncDir(dir);
}

}  // namespace docintake::base
