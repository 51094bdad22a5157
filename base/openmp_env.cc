#include "base/openmp_env.h"

#include <unistd.h>

#include <cstdlib>

namespace docintake::base {

void EnsureSingleThreadedOpenMp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  if (::setenv("OMP_THREAD_LIMIT", "1", 1) != 0) return;
  ::execv("/proc/self/exe", argv);
}

}  // namespace docintake::base
