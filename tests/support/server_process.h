// ServerProcess: a docintaked child for a test or benchmark, serving on a
// loopback port it chose itself. Owns the process: the destructor kills it if
// Stop() or Kill() was not called. Not thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_SERVER_PROCESS_H_
#define DOCINTAKE_TESTS_SUPPORT_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docintake::testing {

struct ServerProcessOptions {
  std::string binary;
  std::string data_dir;
  std::string port_file;
  // Receives the server's stdout and stderr.
  std::string log_file;
  // Passed as --workers when positive.
  int workers = 0;
  // More `--key value` arguments.
  std::vector<std::string> extra_args;
  absl::Duration startup_timeout = absl::Seconds(30);
};

class ServerProcess {
 public:
  // Starts `config.binary --listen 127.0.0.1:0 --data-dir ... --port-file
  // ...` and waits for the port file. UNAVAILABLE if the process exits first,
  // DEADLINE_EXCEEDED if no port appears within the startup timeout.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const ServerProcessOptions& config);

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  // "127.0.0.1:PORT".
  const std::string& address() const { return address_; }

  // Sends SIGTERM and waits up to `timeout` (then SIGKILL). INTERNAL unless
  // the server exits with status 0.
  absl::Status Stop(absl::Duration timeout);
  // SIGKILL, as in a crash; waits until the process is gone.
  void Kill();
  pid_t pid() const { return pid_; }

 private:
  explicit ServerProcess(pid_t pid) : pid_(pid) {}

  // Polls until the process exits or `timeout` passes; the wait status, or
  // DEADLINE_EXCEEDED.
  absl::StatusOr<int> WaitForExit(absl::Duration timeout);

  pid_t pid_;  // -1 once reaped.
  std::string address_;
};

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_SERVER_PROCESS_H_
