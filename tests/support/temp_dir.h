// TempDir: a fresh directory for one test, removed with everything in it when
// the object goes away. Created under $TEST_TMPDIR, else the system temp dir.
#ifndef DOCINTAKE_TESTS_SUPPORT_TEMP_DIR_H_
#define DOCINTAKE_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>

namespace docintake::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Path(const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_TEMP_DIR_H_
