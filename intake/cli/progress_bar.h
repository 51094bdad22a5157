// ProgressBar: one line on a terminal showing bytes sent of the total and
// files done of the total, redrawn in place with '\r' at most every 100 ms.
// The caller decides whether to show one at all (only when stderr is a
// terminal). Borrows the stream and the clock. Not thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_PROGRESS_BAR_H_
#define DOCINTAKE_INTAKE_CLI_PROGRESS_BAR_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/time/time.h"
#include "base/clock.h"

namespace docintake::cli {

class ProgressBar {
 public:
  // `total_bytes` 0 means unknown (e.g. standard input).
  ProgressBar(std::ostream& out, const base::Clock& clock, uint64_t total_bytes,
              int total_files);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void AddBytes(uint64_t bytes);
  void FileDone();
  // Erases the bar, e.g. before a line goes to stdout; the next update or
  // Redraw() draws it again.
  void Clear();
  void Redraw();

  // The bar's text for the given counts, without '\r'.
  static std::string Render(uint64_t sent_bytes, uint64_t total_bytes,
                            int files_done, int total_files);

 private:
  void Draw(bool force);

  std::ostream& out_;
  const base::Clock& clock_;
  const uint64_t total_bytes_;
  const int total_files_;
  uint64_t sent_bytes_ = 0;
  int files_done_ = 0;
  absl::Time last_draw_ = absl::InfinitePast();
  size_t drawn_width_ = 0;
};

// Whether `submit` shows a bar: more than one file, or more than 4 MiB.
bool WantsProgressBar(bool stderr_is_terminal, uint64_t total_bytes,
                      int total_files);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_PROGRESS_BAR_H_
