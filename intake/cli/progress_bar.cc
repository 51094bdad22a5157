#include "intake/cli/progress_bar.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "intake/cli/output.h"

namespace docintake::cli {
namespace {

constexpr int kBarCells = 30;
constexpr absl::Duration kRedrawInterval = absl::Milliseconds(100);
constexpr uint64_t kBigFileBytes = 4 * 1024 * 1024;

}  // namespace

ProgressBar::ProgressBar(std::ostream& out, const base::Clock& clock,
                         uint64_t total_bytes, int total_files)
    : out_(out),
      clock_(clock),
      total_bytes_(total_bytes),
      total_files_(total_files) {}

void ProgressBar::AddBytes(uint64_t bytes) {
  sent_bytes_ += bytes;
  Draw(/*force=*/false);
}

void ProgressBar::FileDone() {
  ++files_done_;
  Draw(/*force=*/true);
}

void ProgressBar::Clear() {
  if (drawn_width_ == 0) return;
  out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
  drawn_width_ = 0;
}

void ProgressBar::Redraw() { Draw(/*force=*/true); }

void ProgressBar::Draw(bool force) {
  const absl::Time now = clock_.Now();
  if (!force && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const std::string text =
      Render(sent_bytes_, total_bytes_, files_done_, total_files_);
  out_ << '\r' << text;
  if (text.size() < drawn_width_) {
    out_ << std::string(drawn_width_ - text.size(), ' ') << '\r' << text;
  }
  out_ << std::flush;
  drawn_width_ = text.size();
}

std::string ProgressBar::Render(uint64_t sent_bytes, uint64_t total_bytes,
                                int files_done, int total_files) {
  std::string text;
  if (total_bytes > 0) {
    const double fraction = std::min(1.0, static_cast<double>(sent_bytes) /
                                              static_cast<double>(total_bytes));
    const int filled = static_cast<int>(fraction * kBarCells);
    absl::StrAppend(&text, "[", std::string(filled, '#'),
                    std::string(kBarCells - filled, '-'), "] ",
                    absl::StrFormat("%3d%%", static_cast<int>(fraction * 100)),
                    "  ", FormatBytes(sent_bytes), " / ",
                    FormatBytes(total_bytes));
  } else {
    absl::StrAppend(&text, FormatBytes(sent_bytes), " sent");
  }
  if (total_files > 1) {
    absl::StrAppend(&text, "  ", files_done, "/", total_files, " files");
  }
  return text;
}

bool WantsProgressBar(bool stderr_is_terminal, uint64_t total_bytes,
                      int total_files) {
  return stderr_is_terminal && (total_files > 1 || total_bytes > kBigFileBytes);
}

}  // namespace docintake::cli
