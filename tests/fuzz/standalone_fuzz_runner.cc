// Runs a fuzz target (LLVMFuzzerTestOneInput) without libFuzzer, so that the
// targets build with any compiler and their seed corpora run as ordinary
// regression tests: over every file named on the command line and every
// regular file below named folders (sorted), then over deterministic
// mutations of those inputs within a time budget. A crash, an abort or a
// timeout ends the process abnormally after saving the input that caused it.
//
//   <target>_regression [--mutations=N] [--mutation-seconds=S]
//       [--max-mutation-input=BYTES] [--timeout=S] [--crash-dir=DIR] PATH...
//
// Exit status 0 if every input ran, 1 if a path could not be read, 2 for a
// bad command line.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

struct Options {
  // Mutations of each input; 0 disables the mutation phase.
  long mutations = 0;
  // The whole mutation phase stops once it has run this long.
  double mutation_seconds = 10;
  // Larger inputs are run as they are but not mutated.
  long max_mutation_input = 64 << 10;
  // One run that takes longer aborts the process; 0 means no limit.
  long timeout_seconds = 25;
  std::string crash_dir = ".";
  std::vector<std::string> paths;
};

struct Input {
  std::string name;
  std::string bytes;
};

// ---- What is running, for the crash handler (async-signal-safe access). ---

// Where the handler saves the current input; set once before any run.
char g_crash_path[4096];
const char* volatile g_current_name = "";
const std::string* volatile g_current_bytes = nullptr;
volatile long g_current_mutation = -1;  // -1: the input itself
struct sigaction g_previous[NSIG];

void WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

void WriteText(int fd, const char* text) { WriteAll(fd, text, strlen(text)); }

void WriteNumber(int fd, long n) {
  char digits[24];
  size_t i = sizeof(digits);
  const bool negative = n < 0;
  unsigned long u = negative ? 0UL - static_cast<unsigned long>(n)
                             : static_cast<unsigned long>(n);
  do {
    digits[--i] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (negative) digits[--i] = '-';
  WriteAll(fd, digits + i, sizeof(digits) - i);
}

// Says what was running and saves its bytes to g_crash_path.
void ReportCurrentInput(const char* what) {
  WriteText(STDERR_FILENO, "\n==== fuzz runner: ");
  WriteText(STDERR_FILENO, what);
  WriteText(STDERR_FILENO, " while running ");
  if (g_current_mutation >= 0) {
    WriteText(STDERR_FILENO, "mutation ");
    WriteNumber(STDERR_FILENO, g_current_mutation);
    WriteText(STDERR_FILENO, " of ");
  }
  WriteText(STDERR_FILENO, g_current_name);
  const std::string* bytes = g_current_bytes;
  if (bytes == nullptr) {
    WriteText(STDERR_FILENO, "\n");
    return;
  }
  const int fd = ::open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    WriteAll(fd, bytes->data(), bytes->size());
    ::close(fd);
    WriteText(STDERR_FILENO, "\n==== the input (");
    WriteNumber(STDERR_FILENO, static_cast<long>(bytes->size()));
    WriteText(STDERR_FILENO, " bytes) is saved as ");
    WriteText(STDERR_FILENO, g_crash_path);
    WriteText(STDERR_FILENO, "; rerun the binary with that file to reproduce");
  }
  WriteText(STDERR_FILENO, "\n");
}

// strsignal() is not async-signal-safe.
const char* SignalName(int sig) {
  switch (sig) {
    case SIGSEGV:
      return "SIGSEGV";
    case SIGBUS:
      return "SIGBUS";
    case SIGILL:
      return "SIGILL";
    case SIGFPE:
      return "SIGFPE";
    case SIGABRT:
      return "SIGABRT (abort)";
    default:
      return "a signal";
  }
}

// Saves the input, then lets the handler that was there before (the
// default, or a sanitizer's) deal with the signal.
void OnFatalSignal(int sig, siginfo_t* info, void*) {
  ReportCurrentInput(SignalName(sig));
  g_current_bytes = nullptr;  // report once
  sigaction(sig, &g_previous[sig], nullptr);
  const bool fault =
      sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
  // A fault recurs when the instruction is retried; a sent signal does not.
  if (!fault || info == nullptr || info->si_code <= 0) raise(sig);
}

void OnTimeout(int) {
  ReportCurrentInput("timeout");
  g_current_bytes = nullptr;
  signal(SIGABRT, SIG_DFL);
  abort();
}

void InstallHandlers(const std::string& crash_path) {
  snprintf(g_crash_path, sizeof(g_crash_path), "%s", crash_path.c_str());
  struct sigaction action = {};
  action.sa_sigaction = OnFatalSignal;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
    sigaction(sig, &action, &g_previous[sig]);
  }
  signal(SIGALRM, OnTimeout);
}

// ---- Deterministic mutations. ----

// splitmix64: small, fast and the same everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n); n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

uint64_t Fnv1a(const std::string& bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

constexpr unsigned char kInterestingBytes[] = {
    0x00, 0x01, 0x7f, 0x80, 0xff, '\n', '\r', ' ',  '0', '7',
    '9',  '-',  '/',  '<',  '>',  '%',  '=',  '\\', '"', '.'};
const char* const kInterestingNumbers[] = {"0",
                                           "1",
                                           "-1",
                                           "7",
                                           "255",
                                           "256",
                                           "65535",
                                           "2147483647",
                                           "2147483648",
                                           "4294967295",
                                           "4294967296",
                                           "9223372036854775807",
                                           "18446744073709551615",
                                           "77777777777",
                                           "99999999999999999999"};

// One edit of `data` (which may be empty).
void MutateOnce(std::string& data, Random& random) {
  const size_t kind = random.Below(9);
  if (data.empty() && kind != 4) {
    data.push_back(static_cast<char>(random.Next()));
    return;
  }
  const size_t at = data.empty() ? 0 : random.Below(data.size());
  switch (kind) {
    case 0:  // flip one bit
      data[at] = static_cast<char>(data[at] ^ (1 << random.Below(8)));
      break;
    case 1:  // an interesting byte
      data[at] = static_cast<char>(
          kInterestingBytes[random.Below(sizeof(kInterestingBytes))]);
      break;
    case 2:  // a random byte
      data[at] = static_cast<char>(random.Next());
      break;
    case 3:  // delete a run
      data.erase(at, 1 + random.Below(std::min<size_t>(64, data.size() - at)));
      break;
    case 4: {  // insert random bytes
      std::string bytes(1 + random.Below(16), '\0');
      for (char& c : bytes) c = static_cast<char>(random.Next());
      data.insert(data.empty() ? 0 : random.Below(data.size() + 1), bytes);
      break;
    }
    case 5: {  // copy a run elsewhere (repeats structure: tags, headers)
      const std::string run = data.substr(
          at, 1 + random.Below(std::min<size_t>(512, data.size() - at)));
      data.insert(random.Below(data.size() + 1), run);
      break;
    }
    case 6:  // truncate
      data.resize(at);
      break;
    case 7: {  // replace a number (or insert one) with an edge value
      size_t begin = at;
      while (begin > 0 &&
             isdigit(static_cast<unsigned char>(data[begin - 1]))) {
        --begin;
      }
      size_t end = at;
      while (end < data.size() &&
             isdigit(static_cast<unsigned char>(data[end]))) {
        ++end;
      }
      data.replace(
          begin, end - begin,
          kInterestingNumbers[random.Below(std::size(kInterestingNumbers))]);
      break;
    }
    default: {  // overwrite with a run from elsewhere in the input
      const size_t from = random.Below(data.size());
      const size_t n = std::min(
          {1 + random.Below(32), data.size() - from, data.size() - at});
      std::memmove(&data[at], &data[from], n);
      break;
    }
  }
}

// Mutation `k` of `input`: one to four edits, the same on every run.
std::string Mutate(const std::string& input, uint64_t input_hash, long k) {
  Random random(input_hash ^
                (static_cast<uint64_t>(k) * 0xd1b54a32d192ed03ULL));
  std::string data = input;
  const size_t edits = 1 + random.Below(4);
  for (size_t i = 0; i < edits; ++i) MutateOnce(data, random);
  // Keep growth bounded so that a copy loop cannot balloon the input.
  if (data.size() > input.size() + 4096) data.resize(input.size() + 4096);
  return data;
}

// ---- Running. ----

void RunOne(const std::string& name, const std::string& bytes, long mutation,
            long timeout_seconds) {
  g_current_name = name.c_str();
  g_current_mutation = mutation;
  g_current_bytes = &bytes;
  if (timeout_seconds > 0) alarm(static_cast<unsigned>(timeout_seconds));
  const int rc = LLVMFuzzerTestOneInput(
      reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  if (timeout_seconds > 0) alarm(0);
  g_current_bytes = nullptr;
  // libFuzzer allows 0 and -1 (do not add to the corpus); anything else is a
  // bug in the target.
  if (rc != 0 && rc != -1) {
    fprintf(stderr, "fuzz target returned %d for %s\n", rc, name.c_str());
    abort();
  }
}

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in),
             std::istreambuf_iterator<char>());
  return !in.bad();
}

// The files `path` names (itself, or the regular files below it, sorted);
// false if it is neither a file nor a folder.
bool ListFiles(const std::string& path, std::vector<std::string>& out) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_regular_file(path, error)) {
    out.push_back(path);
    return true;
  }
  if (!fs::is_directory(path, error)) return false;
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator it(path, error), end;
       !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error)) found.push_back(it->path().string());
  }
  if (error) return false;
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

bool ParseNumberFlag(const std::string& arg, const char* flag, long& out) {
  const std::string prefix = std::string(flag) + "=";
  if (arg.compare(0, prefix.size(), prefix) != 0) return false;
  char* end = nullptr;
  const char* text = arg.c_str() + prefix.size();
  out = strtol(text, &end, 10);
  if (end == text || *end != '\0' || out < 0) {
    fprintf(stderr, "bad value in %s\n", arg.c_str());
    exit(2);
  }
  return true;
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    long seconds = 0;
    if (ParseNumberFlag(arg, "--mutations", options.mutations) ||
        ParseNumberFlag(arg, "--max-mutation-input",
                        options.max_mutation_input) ||
        ParseNumberFlag(arg, "--timeout", options.timeout_seconds)) {
      continue;
    }
    if (ParseNumberFlag(arg, "--mutation-seconds", seconds)) {
      options.mutation_seconds = static_cast<double>(seconds);
    } else if (arg.compare(0, 12, "--crash-dir=") == 0) {
      options.crash_dir = arg.substr(12);
    } else if (arg.compare(0, 2, "--") == 0 || arg.empty()) {
      fprintf(stderr, "unknown option %s\n", arg.c_str());
      exit(2);
    } else {
      options.paths.push_back(arg);
    }
  }
  if (options.paths.empty()) {
    fprintf(stderr,
            "usage: %s [--mutations=N] [--mutation-seconds=S] "
            "[--max-mutation-input=BYTES] [--timeout=S] [--crash-dir=DIR] "
            "FILE_OR_DIR...\n",
            argv[0]);
    exit(2);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = ParseOptions(argc, argv);
  const std::string program =
      std::filesystem::path(argv[0]).filename().string();
  InstallHandlers(options.crash_dir + "/crash-" + program);

  int failed = 0;
  std::vector<std::string> files;
  for (const std::string& path : options.paths) {
    if (!ListFiles(path, files)) {
      fprintf(stderr, "FAILED: %s is neither a file nor a folder\n",
              path.c_str());
      ++failed;
    }
  }
  std::vector<Input> inputs;
  int passed = 0;
  for (const std::string& file : files) {
    Input input{file, ""};
    if (!ReadFile(file, input.bytes)) {
      fprintf(stderr, "FAILED: cannot read %s\n", file.c_str());
      ++failed;
      continue;
    }
    printf("%s (%zu bytes)\n", file.c_str(), input.bytes.size());
    fflush(stdout);
    RunOne(input.name, input.bytes, -1, options.timeout_seconds);
    ++passed;
    if (input.bytes.size() <= static_cast<size_t>(options.max_mutation_input)) {
      inputs.push_back(std::move(input));
    }
  }

  if (options.mutations > 0 && !inputs.empty()) {
    // Round robin over the inputs, so that the budget is shared fairly.
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    const auto budget = std::chrono::duration<double>(options.mutation_seconds);
    std::vector<uint64_t> hashes;
    for (const Input& input : inputs) hashes.push_back(Fnv1a(input.bytes));
    long runs = 0;
    bool out_of_time = false;
    for (long k = 0; k < options.mutations && !out_of_time; ++k) {
      for (size_t i = 0; i < inputs.size(); ++i) {
        if (Clock::now() - start > budget) {
          out_of_time = true;
          break;
        }
        const std::string mutated = Mutate(inputs[i].bytes, hashes[i], k);
        RunOne(inputs[i].name, mutated, k, options.timeout_seconds);
        ++runs;
      }
    }
    const double seconds =
        std::chrono::duration<double>(Clock::now() - start).count();
    printf("%ld mutations of %zu inputs in %.1f s%s\n", runs, inputs.size(),
           seconds, out_of_time ? " (time budget reached)" : "");
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
