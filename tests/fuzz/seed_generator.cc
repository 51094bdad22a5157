// fuzz_seed_generator: writes the committed seed corpora of the fuzz targets
// (tests/fuzz/seeds/<target>/). Run it from the repository root after a
// change to a format:
//   <build>/tests/fuzz/fuzz_seed_generator tests/fuzz/seeds
// Keys, salts and timestamps are fresh on every run, so regenerated seeds
// differ byte for byte; commit them only when a format changed.
#include "tests/fuzz/seed_generator.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace docintake::fuzz {

absl::Status SeedWriter::Write(absl::string_view target, absl::string_view name,
                               absl::string_view bytes) const {
  const std::string dir = absl::StrCat(root_, "/", target);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::InternalError(absl::StrCat(dir, ": ", error.message()));
  }
  const std::string path = absl::StrCat(dir, "/", name);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return absl::InternalError(absl::StrCat("cannot write ", path));
  std::printf("%s (%zu bytes)\n", path.c_str(), bytes.size());
  return absl::OkStatus();
}

}  // namespace docintake::fuzz

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SEEDS_DIR (e.g. tests/fuzz/seeds)\n",
                 argv[0]);
    return 2;
  }
  const docintake::fuzz::SeedWriter out(argv[1]);
  for (const absl::Status& status :
       {docintake::fuzz::WriteDocumentSeeds(out),
        docintake::fuzz::WriteArchiveSeeds(out),
        docintake::fuzz::WritePageSourceSeeds(out)}) {
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
  }
  return 0;
}
