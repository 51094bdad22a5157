// StopOnSignal: a process-wide flag that SIGINT and SIGTERM set, for the
// long-running `watch-folder`. Installing is idempotent; the flag is
// lock-free and may be read from any thread.
#ifndef DOCINTAKE_INTAKE_CLI_STOP_SIGNAL_H_
#define DOCINTAKE_INTAKE_CLI_STOP_SIGNAL_H_

#include <atomic>

namespace docintake::cli {

// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool>& StopOnSignal();

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_STOP_SIGNAL_H_
