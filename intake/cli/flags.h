// FlagSet: the command line parser of the `docintake` client. Each command
// declares its flags, bound to variables it owns, then parses its arguments:
// `--name=value`, `--name value`, `--bool`, `--bool=false`, repeatable flags,
// one-letter aliases (`-o FILE`), `--` ending the flags, `-` as a positional.
// The variables must outlive the FlagSet. Not thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_FLAGS_H_
#define DOCINTAKE_INTAKE_CLI_FLAGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::cli {

class FlagSet {
 public:
  // `usage` is the first help line, e.g. "docintake get [flags] ID".
  // `summary` is a sentence or two about the command.
  FlagSet(std::string usage, std::string summary);
  FlagSet(const FlagSet&) = delete;
  FlagSet& operator=(const FlagSet&) = delete;

  void AddString(std::string name, std::string* value, std::string help,
                 std::string value_name = "VALUE");
  void AddInt(std::string name, int64_t* value, std::string help,
              std::string value_name = "N");
  void AddBool(std::string name, bool* value, std::string help);
  // Each occurrence appends one value.
  void AddRepeated(std::string name, std::vector<std::string>* values,
                   std::string help, std::string value_name = "VALUE");
  // `-letter` means `--name`; `name` must have been added before.
  void AddAlias(char letter, const std::string& name);

  // Parses `args` (without the program and command names) and returns the
  // positional arguments. INVALID_ARGUMENT for an unknown flag, a missing or
  // malformed value. `--help`/`-h` sets help_requested() instead of failing.
  absl::StatusOr<std::vector<std::string>> Parse(
      const std::vector<std::string>& args);

  bool help_requested() const { return help_requested_; }
  // True if the last Parse() saw `--name`.
  bool WasSet(absl::string_view name) const;
  // The help text: usage, summary and one line per flag.
  std::string Help() const;

 private:
  enum class Kind { kString, kInt, kBool, kRepeated };
  struct Flag {
    std::string name;
    Kind kind;
    void* target;
    std::string help;
    std::string value_name;
    char alias = 0;
    bool set = false;
  };

  Flag* Find(absl::string_view name);
  void Add(std::string name, Kind kind, void* target, std::string help,
           std::string value_name);
  static absl::Status Assign(Flag& flag, absl::string_view value);

  std::string usage_;
  std::string summary_;
  std::vector<Flag> flags_;
  bool help_requested_ = false;
};

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_FLAGS_H_
