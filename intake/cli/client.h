// Client: one channel to a docintaked and the stubs of its services. Plain
// (insecure) transport for now; mTLS comes with the roles. The stubs are
// thread-safe; the Client must outlive every call made through them.
#ifndef DOCINTAKE_INTAKE_CLI_CLIENT_H_
#define DOCINTAKE_INTAKE_CLI_CLIENT_H_

#include <memory>
#include <string>

#include "docintake/v1/archive.grpc.pb.h"
#include "docintake/v1/intake.grpc.pb.h"
#include "docintake/v1/ocr.grpc.pb.h"
#include "docintake/v1/signature.grpc.pb.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"

namespace docintake::cli {

// Where docintaked listens unless --server says otherwise.
inline constexpr char kDefaultServer[] = "127.0.0.1:50051";

class Client {
 public:
  // `server` is HOST:PORT (any gRPC target). Connects lazily, on first call.
  explicit Client(const std::string& server);
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Who the caller says it is, sent as x-docintake-actor/-role metadata by
  // Identify() (not authenticated until mTLS roles exist).
  void set_identity(std::string actor, std::string role) {
    actor_ = std::move(actor);
    role_ = std::move(role);
  }
  // Adds the identity to a call's context.
  void Identify(grpc::ClientContext& context) const;

  v1::IntakeService::StubInterface& intake() { return *intake_; }
  v1::ArchiveService::StubInterface& archive() { return *archive_; }
  v1::OcrService::StubInterface& ocr() { return *ocr_; }
  v1::SignatureService::StubInterface& signature() { return *signature_; }

 private:
  // shared_ptr because gRPC hands channels out that way and stubs share it.
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::IntakeService::StubInterface> intake_;
  std::unique_ptr<v1::ArchiveService::StubInterface> archive_;
  std::unique_ptr<v1::OcrService::StubInterface> ocr_;
  std::unique_ptr<v1::SignatureService::StubInterface> signature_;
  std::string actor_;
  std::string role_;
};

// `flag` if set, else $USER, else "".
std::string DefaultActor(const std::string& flag);

// Gives a unary call a deadline, so that a hung server cannot hang the CLI.
void SetUnaryDeadline(grpc::ClientContext& context);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_CLIENT_H_
