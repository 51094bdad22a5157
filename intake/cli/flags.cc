#include "intake/cli/flags.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace docintake::cli {

FlagSet::FlagSet(std::string usage, std::string summary)
    : usage_(std::move(usage)), summary_(std::move(summary)) {}

void FlagSet::Add(std::string name, Kind kind, void* target, std::string help,
                  std::string value_name) {
  assert(Find(name) == nullptr);
  flags_.push_back(Flag{std::move(name), kind, target, std::move(help),
                        std::move(value_name)});
}

void FlagSet::AddString(std::string name, std::string* value, std::string help,
                        std::string value_name) {
  Add(std::move(name), Kind::kString, value, std::move(help),
      std::move(value_name));
}

void FlagSet::AddInt(std::string name, int64_t* value, std::string help,
                     std::string value_name) {
  Add(std::move(name), Kind::kInt, value, std::move(help),
      std::move(value_name));
}

void FlagSet::AddBool(std::string name, bool* value, std::string help) {
  Add(std::move(name), Kind::kBool, value, std::move(help), "");
}

void FlagSet::AddRepeated(std::string name, std::vector<std::string>* values,
                          std::string help, std::string value_name) {
  Add(std::move(name), Kind::kRepeated, values, std::move(help),
      std::move(value_name));
}

void FlagSet::AddAlias(char letter, const std::string& name) {
  Flag* flag = Find(name);
  assert(flag != nullptr);
  flag->alias = letter;
}

FlagSet::Flag* FlagSet::Find(absl::string_view name) {
  for (Flag& flag : flags_) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

bool FlagSet::WasSet(absl::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return flag.set;
  }
  return false;
}

absl::Status FlagSet::Assign(Flag& flag, absl::string_view value) {
  flag.set = true;
  switch (flag.kind) {
    case Kind::kString:
      *static_cast<std::string*>(flag.target) = std::string(value);
      return absl::OkStatus();
    case Kind::kRepeated:
      static_cast<std::vector<std::string>*>(flag.target)
          ->push_back(std::string(value));
      return absl::OkStatus();
    case Kind::kInt:
      if (!absl::SimpleAtoi(value, static_cast<int64_t*>(flag.target))) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--", flag.name, " wants an integer, got \"", value, "\""));
      }
      return absl::OkStatus();
    case Kind::kBool:
      if (value == "true" || value == "1") {
        *static_cast<bool*>(flag.target) = true;
      } else if (value == "false" || value == "0") {
        *static_cast<bool*>(flag.target) = false;
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            "--", flag.name, " wants true or false, got \"", value, "\""));
      }
      return absl::OkStatus();
  }
  return absl::InternalError("unknown flag kind");
}

absl::StatusOr<std::vector<std::string>> FlagSet::Parse(
    const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  help_requested_ = false;
  for (Flag& flag : flags_) flag.set = false;

  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional.insert(positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }

    Flag* flag = nullptr;
    absl::string_view inline_value;
    bool has_inline_value = false;
    if (absl::StartsWith(arg, "--")) {
      absl::string_view body = absl::string_view(arg).substr(2);
      const size_t eq = body.find('=');
      if (eq != absl::string_view::npos) {
        inline_value = body.substr(eq + 1);
        has_inline_value = true;
        body = body.substr(0, eq);
      }
      flag = Find(body);
    } else if (arg.size() == 2) {
      for (Flag& candidate : flags_) {
        if (candidate.alias == arg[1]) flag = &candidate;
      }
    }
    if (flag == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", arg));
    }

    if (has_inline_value) {
      RETURN_IF_ERROR(Assign(*flag, inline_value));
    } else if (flag->kind == Kind::kBool) {
      flag->set = true;
      *static_cast<bool*>(flag->target) = true;
    } else if (i + 1 < args.size()) {
      RETURN_IF_ERROR(Assign(*flag, args[++i]));
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("--", flag->name, " needs a value"));
    }
  }
  return positional;
}

std::string FlagSet::Help() const {
  std::string out = absl::StrCat("usage: ", usage_, "\n\n", summary_, "\n");
  if (flags_.empty()) return out;
  const std::string help_left = "  -h, --help";
  std::vector<std::pair<std::string, std::string>> rows;
  size_t width = help_left.size();
  for (const Flag& flag : flags_) {
    std::string left = "  ";
    if (flag.alias != 0)
      absl::StrAppend(&left, "-", std::string(1, flag.alias), ", ");
    absl::StrAppend(&left, "--", flag.name);
    if (flag.kind != Kind::kBool) absl::StrAppend(&left, " ", flag.value_name);
    width = std::max(width, left.size());
    rows.emplace_back(std::move(left), flag.help);
  }
  absl::StrAppend(&out, "\nflags:\n");
  for (const auto& [left, help] : rows) {
    absl::StrAppend(&out, left, std::string(width - left.size() + 2, ' '), help,
                    "\n");
  }
  absl::StrAppend(&out, help_left,
                  std::string(width - help_left.size() + 2, ' '),
                  "show this help\n");
  return out;
}

}  // namespace docintake::cli
