#include "intake/einvoice/rules/internal/check_digits.h"

#include <string>

#include "absl/strings/ascii.h"

namespace docintake::einvoice::internal {
namespace {

std::string WithoutWhitespace(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

bool AllAlnum(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Feeds the decimal digits of `value` into a running remainder mod 97.
int FeedDigits(int remainder, int value) {
  if (value >= 10) remainder = (remainder * 10 + value / 10) % 97;
  return (remainder * 10 + value % 10) % 97;
}

}  // namespace

std::optional<int> Mod97Remainder(absl::string_view text) {
  if (text.empty()) return std::nullopt;
  int remainder = 0;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isdigit(u)) {
      remainder = FeedDigits(remainder, c - '0');
    } else if (absl::ascii_isalpha(u)) {
      remainder = FeedDigits(remainder, absl::ascii_toupper(u) - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return remainder;
}

bool LooksLikeLeitwegId(absl::string_view id) {
  const size_t first = id.find('-');
  const size_t last = id.rfind('-');
  if (first == absl::string_view::npos) return false;
  const absl::string_view coarse = id.substr(0, first);
  const absl::string_view check = id.substr(last + 1);
  if (coarse.size() < 2 || coarse.size() > 12 || !AllDigits(coarse)) {
    return false;
  }
  if (check.size() != 2 || !AllAlnum(check)) return false;
  if (first != last) {
    const absl::string_view fine = id.substr(first + 1, last - first - 1);
    if (fine.empty() || fine.size() > 30 || !AllAlnum(fine)) return false;
  }
  return true;
}

bool LeitwegIdCheckDigitsValid(absl::string_view id) {
  if (!LooksLikeLeitwegId(id)) return false;
  std::string joined;
  for (char c : id) {
    if (c != '-') joined.push_back(c);
  }
  const std::optional<int> r = Mod97Remainder(joined);
  return r.has_value() && *r == 1;
}

bool XRechnungIbanValid(absl::string_view account_id) {
  const std::string s = WithoutWhitespace(account_id);
  if (s.size() < 4 || s.size() > 34) return false;
  for (size_t i = 0; i < 2; ++i) {
    if (s[i] < 'A' || s[i] > 'Z') return false;
  }
  if (!AllDigits(absl::string_view(s).substr(2, 2))) return false;
  if (!AllAlnum(absl::string_view(s).substr(4))) return false;
  const std::string moved = s.substr(4) + s.substr(0, 4);
  int remainder = 0;
  for (char c : moved) {
    // The Schematron maps code points above 64 to cp - 55 (so a lower-case
    // letter gives 42 ... 67, not its upper-case value), others to cp - 48.
    const int cp = static_cast<unsigned char>(c);
    remainder = FeedDigits(remainder, cp > 64 ? cp - 55 : cp - 48);
  }
  return remainder == 1;
}

bool LooksLikeIban(absl::string_view id) {
  const std::string s = WithoutWhitespace(id);
  if (s.size() < 15 || s.size() > 34) return false;
  if (!absl::ascii_isalpha(static_cast<unsigned char>(s[0])) ||
      !absl::ascii_isalpha(static_cast<unsigned char>(s[1]))) {
    return false;
  }
  return AllDigits(absl::string_view(s).substr(2, 2)) &&
         AllAlnum(absl::string_view(s).substr(4));
}

bool IbanValid(absl::string_view id) {
  std::string s = absl::AsciiStrToUpper(WithoutWhitespace(id));
  if (!LooksLikeIban(s)) return false;
  if (s.compare(0, 2, "DE") == 0 && s.size() != 22) return false;
  const std::optional<int> r = Mod97Remainder(s.substr(4) + s.substr(0, 4));
  return r.has_value() && *r == 1;
}

std::optional<bool> GermanVatIdValid(absl::string_view id) {
  const std::string s = WithoutWhitespace(id);
  if (s.size() != 11 || s.compare(0, 2, "DE") != 0 ||
      !AllDigits(absl::string_view(s).substr(2))) {
    return std::nullopt;
  }
  int product = 10;
  for (size_t i = 2; i < 10; ++i) {
    int sum = (s[i] - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == s[10] - '0';
}

}  // namespace docintake::einvoice::internal
