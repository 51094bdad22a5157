#include "tests/signature/trust/test_http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "base/owned.h"

namespace docintake::signature::testing {
namespace {

using base::Fd;

constexpr size_t kMaxHeaderBytes = 16 * 1024;
constexpr size_t kMaxBodyBytes = 1 << 20;

bool SendAll(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 302:
      return "Found";
    case 404:
      return "Not Found";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

// Reads one request; false if the client sent something unusable.
bool ReadRequest(int fd, HttpExchange& out) {
  std::string data;
  char buf[4096];
  size_t header_end = std::string::npos;
  while (header_end == std::string::npos) {
    if (data.size() > kMaxHeaderBytes) return false;
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.append(buf, static_cast<size_t>(n));
    header_end = data.find("\r\n\r\n");
  }
  std::vector<absl::string_view> lines =
      absl::StrSplit(absl::string_view(data).substr(0, header_end), "\r\n");
  std::vector<absl::string_view> request_line = absl::StrSplit(lines[0], ' ');
  if (request_line.size() != 3) return false;
  out.method = std::string(request_line[0]);
  out.path = std::string(request_line[1]);
  size_t length = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::pair<absl::string_view, absl::string_view> field =
        absl::StrSplit(lines[i], absl::MaxSplits(':', 1));
    const absl::string_view value = absl::StripAsciiWhitespace(field.second);
    if (absl::EqualsIgnoreCase(field.first, "content-length")) {
      if (!absl::SimpleAtoi(value, &length) || length > kMaxBodyBytes) {
        return false;
      }
    } else if (absl::EqualsIgnoreCase(field.first, "content-type")) {
      out.content_type = std::string(value);
    }
  }
  while (data.size() < header_end + 4 + length) {
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.append(buf, static_cast<size_t>(n));
  }
  out.body = data.substr(header_end + 4, length);
  return true;
}

}  // namespace

struct TestHttpServer::Impl {
  void Serve();
  void HandleConnection(int fd);
  // Waits `delay`; false if the client left or the server stops meanwhile.
  bool Stall(int fd, absl::Duration delay);

  Handler handler;
  Fd listener;
  Fd stop_read;
  Fd stop_write;
  int port = 0;
  std::thread server;

  mutable absl::Mutex mu;
  int requests ABSL_GUARDED_BY(mu) = 0;
  std::vector<HttpExchange> exchanges ABSL_GUARDED_BY(mu);
};

TestHttpServer::TestHttpServer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

TestHttpServer::~TestHttpServer() {
  if (impl_->server.joinable()) {
    const char stop = 's';
    while (::write(impl_->stop_write.get(), &stop, 1) < 0 && errno == EINTR) {
    }
    impl_->server.join();
  }
}

absl::StatusOr<std::unique_ptr<TestHttpServer>> TestHttpServer::Start(
    Handler handler) {
  auto impl = std::make_unique<Impl>();
  impl->handler = std::move(handler);
  impl->listener.Reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (impl->listener.get() < 0) return absl::ErrnoToStatus(errno, "socket");
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t addr_len = sizeof(addr);
  if (::bind(impl->listener.get(), reinterpret_cast<sockaddr*>(&addr),
             sizeof(addr)) != 0 ||
      ::listen(impl->listener.get(), 16) != 0 ||
      ::getsockname(impl->listener.get(), reinterpret_cast<sockaddr*>(&addr),
                    &addr_len) != 0) {
    return absl::ErrnoToStatus(errno, "listen on 127.0.0.1");
  }
  impl->port = ntohs(addr.sin_port);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return absl::ErrnoToStatus(errno, "pipe2");
  }
  impl->stop_read.Reset(pipe_fds[0]);
  impl->stop_write.Reset(pipe_fds[1]);
  impl->server = std::thread([raw = impl.get()] { raw->Serve(); });
  return std::unique_ptr<TestHttpServer>(new TestHttpServer(std::move(impl)));
}

int TestHttpServer::port() const { return impl_->port; }

std::string TestHttpServer::Url(const std::string& path) const {
  return absl::StrCat("http://127.0.0.1:", impl_->port, path);
}

int TestHttpServer::requests() const {
  absl::MutexLock lock(&impl_->mu);
  return impl_->requests;
}

std::vector<HttpExchange> TestHttpServer::exchanges() const {
  absl::MutexLock lock(&impl_->mu);
  return impl_->exchanges;
}

void TestHttpServer::Impl::Serve() {
  while (true) {
    pollfd fds[2] = {{listener.get(), POLLIN, 0}, {stop_read.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    Fd connection(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (connection.get() >= 0) HandleConnection(connection.get());
  }
}

bool TestHttpServer::Impl::Stall(int fd, absl::Duration delay) {
  const absl::Time until = absl::Now() + delay;
  while (true) {
    const absl::Duration left = until - absl::Now();
    if (left <= absl::ZeroDuration()) return true;
    pollfd fds[2] = {{fd, POLLIN, 0}, {stop_read.get(), POLLIN, 0}};
    const int rc =
        ::poll(fds, 2, static_cast<int>(absl::ToInt64Milliseconds(left) + 1));
    if (rc < 0 && errno == EINTR) continue;
    if (rc < 0 || fds[1].revents != 0) return false;
    if (fds[0].revents != 0) {
      char byte;
      if (::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) <= 0) return false;
    }
  }
}

void TestHttpServer::Impl::HandleConnection(int fd) {
  timeval timeout = {2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  HttpExchange exchange;
  const bool parsed = ReadRequest(fd, exchange);
  {
    absl::MutexLock lock(&mu);
    ++requests;
    if (parsed) exchanges.push_back(exchange);
  }
  HttpAnswer answer;
  if (parsed) {
    answer = handler(exchange);
  } else {
    answer.status = 400;
  }
  if (answer.delay > absl::ZeroDuration() && !Stall(fd, answer.delay)) return;
  std::string head =
      absl::StrCat("HTTP/1.1 ", answer.status, " ", Reason(answer.status),
                   "\r\nContent-Type: ", answer.content_type, "\r\n");
  for (const auto& [name, value] : answer.headers) {
    absl::StrAppend(&head, name, ": ", value, "\r\n");
  }
  if (answer.send_content_length) {
    absl::StrAppend(&head, "Content-Length: ", answer.body.size(), "\r\n");
  }
  absl::StrAppend(&head, "Connection: close\r\n\r\n");
  if (SendAll(fd, head)) SendAll(fd, answer.body);
}

}  // namespace docintake::signature::testing
