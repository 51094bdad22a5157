#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docintake::einvoice::internal {
namespace {

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }

// Consumes one or more digits at `pos`.
bool Digits(absl::string_view s, size_t& pos) {
  const size_t start = pos;
  while (pos < s.size() && IsDigit(s[pos])) ++pos;
  return pos > start;
}

bool Literal(absl::string_view s, size_t& pos, absl::string_view lit) {
  if (s.substr(pos, lit.size()) != lit) return false;
  pos += lit.size();
  return true;
}

// n.nn: digits, '.', exactly two digits.
bool TwoDecimals(absl::string_view s, size_t& pos) {
  if (!Digits(s, pos) || !Literal(s, pos, ".")) return false;
  if (pos + 2 > s.size() || !IsDigit(s[pos]) || !IsDigit(s[pos + 1])) {
    return false;
  }
  pos += 2;
  return true;
}

// The pattern '#(SKONTO)#TAGE=([0-9]+#PROZENT=[0-9]+\.[0-9]{2})
// (#BASISBETRAG=-?[0-9]+\.[0-9]{2})?#$' matched starting at `start`.
bool SkontoAt(absl::string_view s, size_t start) {
  size_t pos = start;
  if (!Literal(s, pos, "#SKONTO#TAGE=") || !Digits(s, pos) ||
      !Literal(s, pos, "#PROZENT=") || !TwoDecimals(s, pos)) {
    return false;
  }
  if (pos == s.size() - 1 && s[pos] == '#') return true;
  if (!Literal(s, pos, "#BASISBETRAG=")) return false;
  if (pos < s.size() && s[pos] == '-') ++pos;
  return TwoDecimals(s, pos) && pos == s.size() - 1 && s[pos] == '#';
}

// matches() is unanchored at the start: any '#' may begin the match.
bool SkontoLine(absl::string_view line) {
  for (size_t i = line.find('#'); i != absl::string_view::npos;
       i = line.find('#', i + 1)) {
    if (SkontoAt(line, i)) return true;
  }
  return false;
}

std::vector<absl::string_view> Lines(absl::string_view text) {
  std::vector<absl::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    size_t end = i;
    if (end > start && text[end - 1] == '\r') --end;
    out.push_back(text.substr(start, end - start));
    start = i + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

// The text after the last match of '#.+#' (greedy; '.' excludes line
// breaks): within each line, a run from its first '#' to its last '#' when
// they differ. Returns the tail after the last such run in the text.
absl::string_view TailAfterLastHashRun(absl::string_view text) {
  size_t tail_start = 0;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = line_start;
    while (line_end < text.size() && text[line_end] != '\n' &&
           text[line_end] != '\r') {
      ++line_end;
    }
    const absl::string_view line =
        text.substr(line_start, line_end - line_start);
    const size_t first = line.find('#');
    const size_t last = line.rfind('#');
    if (first != absl::string_view::npos && last > first + 1) {
      tail_start = line_start + last + 1;
    }
    if (line_end >= text.size()) break;
    line_start = line_end + 1;
  }
  return text.substr(tail_start);
}

}  // namespace

std::string XrNormalizeSpace(absl::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

bool SkontoTextValid(absl::string_view payment_terms) {
  bool any = false;
  for (absl::string_view line : Lines(payment_terms)) {
    const std::string norm = XrNormalizeSpace(line);
    if (norm.empty() || norm[0] != '#') continue;
    any = true;
    if (!SkontoLine(norm)) return false;
  }
  if (!any) return true;
  // matches(tail, '^\s*\n'): the leading whitespace of the tail holds '\n'.
  for (char c : TailAfterLastHashRun(payment_terms)) {
    if (c == '\n') return true;
    if (!IsXmlSpace(c)) return false;
  }
  return false;
}

bool TelephoneValid(absl::string_view text) {
  int digits = 0;
  for (char c : text) digits += IsDigit(c) ? 1 : 0;
  return digits >= 3;
}

bool EmailValid(absl::string_view text) {
  const std::string s = XrNormalizeSpace(text);
  const size_t at = s.find('@');
  if (at == std::string::npos || s.find('@', at + 1) != std::string::npos) {
    return false;
  }
  constexpr absl::string_view kLocalSpecials = "!#$%&\"*+/=?^_`{|}~-";
  const absl::string_view local = absl::string_view(s).substr(0, at);
  const absl::string_view domain = absl::string_view(s).substr(at + 1);
  // local: atoms of allowed characters separated by single dots.
  if (local.empty() || local.front() == '.' || local.back() == '.') {
    return false;
  }
  for (size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    if (c == '.') {
      if (local[i + 1] == '.') return false;
      continue;
    }
    if (!IsAlnum(c) && kLocalSpecials.find(c) == absl::string_view::npos) {
      return false;
    }
  }
  // domain: at least two labels; a label is alnum, or alnum [alnum-]* alnum.
  int labels = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = domain.find('.', start);
    const absl::string_view label = domain.substr(
        start,
        dot == absl::string_view::npos ? absl::string_view::npos : dot - start);
    if (label.empty() || !IsAlnum(label.front()) || !IsAlnum(label.back())) {
      return false;
    }
    for (char c : label) {
      if (!IsAlnum(c) && c != '-') return false;
    }
    ++labels;
    if (dot == absl::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

bool UrlValid(absl::string_view text) {
  // A letter, then a run of [a-zA-Z0-9+.-] of length >= 1, then ':'. The
  // run may be any suffix-closed span: it suffices that some letter is
  // followed by such characters directly up to a ':'.
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsAlpha(text[i])) continue;
    size_t j = i + 1;
    while (j < text.size() && (IsAlnum(text[j]) || text[j] == '+' ||
                               text[j] == '.' || text[j] == '-')) {
      ++j;
    }
    if (j > i + 1 && j < text.size() && text[j] == ':') return true;
    // Every later start inside this run ends at the same j: skip them, so
    // that the scan stays linear.
    if (j > i + 1) i = j - 1;
  }
  return false;
}

}  // namespace docintake::einvoice::internal
