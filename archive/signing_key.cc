#include "archive/signing_key.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/owned.h"
#include "base/random.h"
#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

constexpr size_t kMaxKeyFileBytes = 64 * 1024;

using base::Fd;
using base::Owned;
using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using BioPtr = Owned<BIO, BIO_free>;
using MdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using Pkcs8Ptr = Owned<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>;

// Wipes a buffer that held private key material when it goes out of scope.
class Wiped {
 public:
  explicit Wiped(std::string& s) : s_(s) {}
  Wiped(const Wiped&) = delete;
  Wiped& operator=(const Wiped&) = delete;
  ~Wiped() { OPENSSL_cleanse(s_.data(), s_.size()); }

 private:
  std::string& s_;
};

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::ErrnoToStatus(errno, absl::StrCat(what, " ", path));
}

// Everything in OpenSSL's per-thread error queue as text; empties it.
std::string DrainOpenSslErrors() {
  std::string out;
  while (unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof(buf));
    absl::StrAppend(&out, out.empty() ? "" : "; ", buf);
  }
  return out.empty() ? "no detail from OpenSSL" : out;
}

// A crash inside OpenSSL on a valid key (out of memory): nothing sensible to
// return, and a signer that silently produced no signature would be worse.
[[noreturn]] void OpenSslFailure(const char* what) {
  std::fprintf(stderr, "docintake: OpenSSL %s failed: %s\n", what,
               DrainOpenSslErrors().c_str());
  std::abort();
}

absl::StatusOr<KeyAlgorithm> AlgorithmOf(const EVP_PKEY* pkey) {
  if (EVP_PKEY_is_a(pkey, "ED25519")) return KeyAlgorithm::kEd25519;
  if (EVP_PKEY_is_a(pkey, "EC")) {
    char group[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_group_name(pkey, group, sizeof(group), &len) == 1 &&
        absl::string_view(group, len) == "prime256v1") {
      return KeyAlgorithm::kEcdsaP256;
    }
  }
  return absl::InvalidArgumentError(
      "the key is neither Ed25519 nor ECDSA on P-256");
}

std::string BioContents(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(len));
}

// The public half of a key, in the forms the key classes hand out.
struct PublicKey {
  KeyAlgorithm algorithm;
  std::string pem;       // SubjectPublicKeyInfo, PEM
  std::string id_bytes;  // what the key id hashes after the type byte
};

PublicKey DescribePublicKey(EVP_PKEY* pkey, KeyAlgorithm algorithm) {
  PublicKey out{algorithm, "", ""};
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || PEM_write_bio_PUBKEY(bio.get(), pkey) != 1) {
    OpenSslFailure("PEM_write_bio_PUBKEY");
  }
  out.pem = BioContents(bio.get());
  if (algorithm == KeyAlgorithm::kEd25519) {
    unsigned char raw[32];
    size_t len = sizeof(raw);
    if (EVP_PKEY_get_raw_public_key(pkey, raw, &len) != 1 || len != 32) {
      OpenSslFailure("EVP_PKEY_get_raw_public_key");
    }
    out.id_bytes.assign(reinterpret_cast<char*>(raw), len);
  } else {
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(pkey, &der);
    if (len <= 0) OpenSslFailure("i2d_PUBKEY");
    out.id_bytes.assign(reinterpret_cast<char*>(der), static_cast<size_t>(len));
    OPENSSL_free(der);
  }
  return out;
}

std::string ComputeKeyId(const PublicKey& key, absl::string_view key_name) {
  base::Sha256 h;
  if (key.algorithm == KeyAlgorithm::kEd25519) {
    h.Update(key_name);
    h.Update("\n");
    h.Update(absl::string_view("\x01", 1));
  }
  h.Update(key.id_bytes);
  return h.Finish().substr(0, 4);
}

const EVP_MD* DigestFor(KeyAlgorithm algorithm) {
  return algorithm == KeyAlgorithm::kEd25519 ? nullptr : EVP_sha256();
}

PkeyPtr NewKey(KeyAlgorithm algorithm) {
  PkeyPtr pkey(algorithm == KeyAlgorithm::kEd25519
                   ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                   : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (pkey == nullptr) OpenSslFailure("key generation");
  return pkey;
}

// Reads the key file, refusing one that others may read.
absl::StatusOr<PkeyPtr> ReadKeyFile(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return ErrnoError("open key file", path);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return ErrnoError("stat key file", path);
  if (!S_ISREG(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("key file ", path, " is not a regular file"));
  }
  if ((st.st_mode & 077) != 0) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "key file %s has mode %04o, which lets group or others access it; "
        "allow the owner only (chmod 600 %s)",
        path, st.st_mode & 07777, path));
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxKeyFileBytes) {
    return absl::DataLossError(absl::StrCat(
        "key file ", path, " has ", st.st_size, " bytes, too many for a key"));
  }
  std::string pem(static_cast<size_t>(st.st_size), '\0');
  Wiped wipe(pem);
  size_t got = 0;
  while (got < pem.size()) {
    const ssize_t n = ::read(fd.get(), pem.data() + got, pem.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoError("read key file", path);
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ERR_clear_error();
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(got)));
  if (bio == nullptr) OpenSslFailure("BIO_new_mem_buf");
  Pkcs8Ptr p8(
      PEM_read_bio_PKCS8_PRIV_KEY_INFO(bio.get(), nullptr, nullptr, nullptr));
  PkeyPtr pkey(p8 == nullptr ? nullptr : EVP_PKCS82PKEY(p8.get()));
  if (pkey == nullptr) {
    ERR_clear_error();
    return absl::DataLossError(
        absl::StrCat("key file ", path,
                     " does not hold an unencrypted PKCS#8 PEM private key "
                     "(\"-----BEGIN PRIVATE KEY-----\"); it may be damaged"));
  }
  return pkey;
}

// fsync of the directory holding `path`, so that its name is durable.
absl::Status SyncDirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir =
      slash == std::string::npos ? "." : path.substr(0, slash);
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0) return ErrnoError("open directory", dir);
  if (::fsync(dir_fd.get()) != 0) return ErrnoError("fsync directory", dir);
  return absl::OkStatus();
}

// Writes a new key file: temp file (O_EXCL, 0600) → fsync → link to `path`
// (fails if `path` exists) → fsync of the directory. ALREADY_EXISTS if
// another process created `path` meanwhile.
absl::Status WriteNewKeyFile(const std::string& path, EVP_PKEY* pkey) {
  BioPtr bio(BIO_new(BIO_s_secmem()));
  if (bio == nullptr ||
      PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr,
                               nullptr) != 1) {
    OpenSslFailure("PEM_write_bio_PrivateKey");
  }
  std::string pem = BioContents(bio.get());
  Wiped wipe(pem);

  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  const std::string tmp =
      absl::StrCat(dir, "/.", std::filesystem::path(path).filename().string(),
                   ".", base::RandomHex(8), ".tmp");
  absl::Status status = [&]() -> absl::Status {
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0) return ErrnoError("create key file", tmp);
    // The umask may only have removed bits; make sure of exactly 0600.
    if (::fchmod(fd.get(), 0600) != 0) return ErrnoError("chmod", tmp);
    absl::string_view rest = pem;
    while (!rest.empty()) {
      const ssize_t n = ::write(fd.get(), rest.data(), rest.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return ErrnoError("write key file", tmp);
      rest.remove_prefix(static_cast<size_t>(n));
    }
    if (::fsync(fd.get()) != 0) return ErrnoError("fsync key file", tmp);
    if (fd.Close() != 0) return ErrnoError("close key file", tmp);
    if (::link(tmp.c_str(), path.c_str()) != 0) {
      return ErrnoError("create key file", path);
    }
    return absl::OkStatus();
  }();
  ::unlink(tmp.c_str());
  RETURN_IF_ERROR(status);
  return SyncDirectoryOf(path);
}

}  // namespace

struct SigningKey::Impl {
  PkeyPtr pkey;
  PublicKey public_key;
};

SigningKey::SigningKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SigningKey::~SigningKey() = default;

absl::StatusOr<std::unique_ptr<SigningKey>> SigningKey::LoadOrCreate(
    const std::string& path, KeyAlgorithm algorithm_if_created) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return ErrnoError("stat key file", path);
    PkeyPtr pkey = NewKey(algorithm_if_created);
    absl::Status written = WriteNewKeyFile(path, pkey.get());
    if (written.ok()) {
      auto impl = std::make_unique<Impl>();
      impl->public_key = DescribePublicKey(pkey.get(), algorithm_if_created);
      impl->pkey = std::move(pkey);
      return std::unique_ptr<SigningKey>(new SigningKey(std::move(impl)));
    }
    // Lost a race with another process creating it: use theirs.
    if (!absl::IsAlreadyExists(written)) return written;
  }
  ASSIGN_OR_RETURN(PkeyPtr pkey, ReadKeyFile(path));
  // An earlier start may have died before syncing the new key's name.
  RETURN_IF_ERROR(SyncDirectoryOf(path));
  absl::StatusOr<KeyAlgorithm> algorithm = AlgorithmOf(pkey.get());
  if (!algorithm.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("key file ", path, ": ", algorithm.status().message()));
  }
  auto impl = std::make_unique<Impl>();
  impl->public_key = DescribePublicKey(pkey.get(), *algorithm);
  impl->pkey = std::move(pkey);
  return std::unique_ptr<SigningKey>(new SigningKey(std::move(impl)));
}

std::unique_ptr<SigningKey> SigningKey::Generate(KeyAlgorithm algorithm) {
  auto impl = std::make_unique<Impl>();
  impl->pkey = NewKey(algorithm);
  impl->public_key = DescribePublicKey(impl->pkey.get(), algorithm);
  return std::unique_ptr<SigningKey>(new SigningKey(std::move(impl)));
}

std::string SigningKey::Sign(absl::string_view message) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (ctx == nullptr ||
      EVP_DigestSignInit(ctx.get(), nullptr,
                         DigestFor(impl_->public_key.algorithm), nullptr,
                         impl_->pkey.get()) != 1) {
    OpenSslFailure("EVP_DigestSignInit");
  }
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  size_t len = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &len, data, message.size()) != 1) {
    OpenSslFailure("EVP_DigestSign");
  }
  std::string signature(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(&signature[0]),
                     &len, data, message.size()) != 1) {
    OpenSslFailure("EVP_DigestSign");
  }
  signature.resize(len);
  return signature;
}

std::string SigningKey::PublicKeyPem() const { return impl_->public_key.pem; }

std::string SigningKey::KeyId(absl::string_view key_name) const {
  return ComputeKeyId(impl_->public_key, key_name);
}

KeyAlgorithm SigningKey::algorithm() const {
  return impl_->public_key.algorithm;
}

struct VerifyingKey::Impl {
  PkeyPtr pkey;
  PublicKey public_key;
};

absl::StatusOr<VerifyingKey> VerifyingKey::FromPem(absl::string_view pem) {
  if (pem.size() > kMaxKeyFileBytes) {
    return absl::InvalidArgumentError("public key PEM is too large");
  }
  ERR_clear_error();
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) OpenSslFailure("BIO_new_mem_buf");
  PkeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (pkey == nullptr) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        "not a SubjectPublicKeyInfo PEM (\"-----BEGIN PUBLIC KEY-----\")");
  }
  ASSIGN_OR_RETURN(KeyAlgorithm algorithm, AlgorithmOf(pkey.get()));
  auto impl = std::make_shared<Impl>();
  impl->public_key = DescribePublicKey(pkey.get(), algorithm);
  impl->pkey = std::move(pkey);
  return VerifyingKey(std::move(impl));
}

absl::Status VerifyingKey::Verify(absl::string_view message,
                                  absl::string_view signature) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (ctx == nullptr ||
      EVP_DigestVerifyInit(ctx.get(), nullptr,
                           DigestFor(impl_->public_key.algorithm), nullptr,
                           impl_->pkey.get()) != 1) {
    OpenSslFailure("EVP_DigestVerifyInit");
  }
  const int rc = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
      signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
      message.size());
  if (rc != 1) {
    ERR_clear_error();
    return absl::DataLossError(
        "the signature does not match the message and the public key");
  }
  return absl::OkStatus();
}

std::string VerifyingKey::KeyId(absl::string_view key_name) const {
  return ComputeKeyId(impl_->public_key, key_name);
}

KeyAlgorithm VerifyingKey::algorithm() const {
  return impl_->public_key.algorithm;
}

}  // namespace docintake::archive
