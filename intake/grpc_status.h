// The one place where absl::Status becomes grpc::Status (the codes map 1:1).
#ifndef DOCINTAKE_INTAKE_GRPC_STATUS_H_
#define DOCINTAKE_INTAKE_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"

namespace docintake::intake {

inline grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_GRPC_STATUS_H_
