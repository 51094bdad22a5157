// docintaked: the intake service. Runs until SIGTERM or SIGINT, then shuts
// down gracefully and exits 0.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "base/log.h"
#include "base/openmp_env.h"
#include "intake/server.h"
#include "intake/server_config.h"

namespace {

docintake::base::LogLevel ParseLevel(const std::string& level) {
  using docintake::base::LogLevel;
  if (level == "debug") return LogLevel::kDebug;
  if (level == "warning") return LogLevel::kWarning;
  if (level == "error") return LogLevel::kError;
  return LogLevel::kInfo;
}

}  // namespace

int main(int argc, char** argv) {
  docintake::base::EnsureSingleThreadedOpenMp(argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(docintake::intake::ServerConfigHelp().c_str(), stdout);
      return 0;
    }
  }
  absl::StatusOr<docintake::intake::ServerConfig> config =
      docintake::intake::ParseServerConfig(args);
  if (!config.ok()) {
    std::fprintf(stderr, "docintaked: %s\n",
                 std::string(config.status().message()).c_str());
    return 2;
  }
  docintake::base::SetMinLogLevel(ParseLevel(config->log_level));
  // Debian's abseil keeps mutex deadlock detection on, a cost on every lock.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  // Block the stop signals in every thread; main waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  absl::StatusOr<std::unique_ptr<docintake::intake::Server>> server =
      docintake::intake::Server::Start(*config, docintake::base::Clock::Real(),
                                       docintake::base::FileSystem::Default());
  if (!server.ok()) {
    docintake::base::LogError("cannot start",
                              {{"error", server.status().ToString()}});
    return 1;
  }
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  docintake::base::LogInfo("stop signal received",
                           {{"signal", strsignal(signal_number)}});
  (*server)->Shutdown();
  return 0;
}
