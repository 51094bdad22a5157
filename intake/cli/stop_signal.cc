#include "intake/cli/stop_signal.h"

#include <csignal>

namespace docintake::cli {
namespace {

std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free,
              "the flag is set from a signal handler");

extern "C" void HandleStopSignal(int) { stop_requested.store(true); }

}  // namespace

const std::atomic<bool>& StopOnSignal() {
  static const bool installed = [] {
    struct sigaction action = {};
    action.sa_handler = HandleStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return true;
  }();
  (void)installed;
  return stop_requested;
}

}  // namespace docintake::cli
