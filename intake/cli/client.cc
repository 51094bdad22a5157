#include "intake/cli/client.h"

#include <chrono>
#include <cstdlib>

#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace docintake::cli {
namespace {

constexpr std::chrono::seconds kUnaryTimeout(30);

}  // namespace

Client::Client(const std::string& server)
    : channel_(grpc::CreateChannel(server, grpc::InsecureChannelCredentials())),
      intake_(v1::IntakeService::NewStub(channel_)),
      archive_(v1::ArchiveService::NewStub(channel_)),
      ocr_(v1::OcrService::NewStub(channel_)),
      signature_(v1::SignatureService::NewStub(channel_)) {}

void Client::Identify(grpc::ClientContext& context) const {
  if (!actor_.empty()) context.AddMetadata("x-docintake-actor", actor_);
  if (!role_.empty()) context.AddMetadata("x-docintake-role", role_);
}

std::string DefaultActor(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* user = std::getenv("USER");
  return user != nullptr ? user : "";
}

void SetUnaryDeadline(grpc::ClientContext& context) {
  context.set_deadline(std::chrono::system_clock::now() + kUnaryTimeout);
}

}  // namespace docintake::cli
