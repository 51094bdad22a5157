// GrpcSubmitter: the hot folder's Submitter over IntakeService.Submit. Borrows
// the stub and the file system, which must outlive it. Thread-compatible.
#ifndef DOCINTAKE_INTAKE_CLI_GRPC_SUBMITTER_H_
#define DOCINTAKE_INTAKE_CLI_GRPC_SUBMITTER_H_

#include <cstddef>
#include <string>

#include "base/file_system.h"
#include "docintake/v1/intake.grpc.pb.h"
#include "intake/cli/hot_folder.h"

namespace docintake::cli {

class GrpcSubmitter final : public Submitter {
 public:
  GrpcSubmitter(v1::IntakeService::StubInterface& stub, base::FileSystem& fs,
                size_t chunk_size)
      : stub_(stub), fs_(fs), chunk_size_(chunk_size) {}

  // Streams the file in chunks; the reply or the server's (or the local
  // read's) error.
  absl::StatusOr<v1::SubmitReply> Submit(
      const std::string& path, const v1::SubmitHeader& header) override;

 private:
  v1::IntakeService::StubInterface& stub_;
  base::FileSystem& fs_;
  const size_t chunk_size_;
};

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_GRPC_SUBMITTER_H_
