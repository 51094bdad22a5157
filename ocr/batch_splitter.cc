#include "ocr/batch_splitter.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace docintake::ocr {
namespace {

bool IsSeparator(const SplitPage& page, const SplitOptions& options) {
  for (const Barcode& barcode : page.barcodes) {
    if (std::find(options.separator_values.begin(),
                  options.separator_values.end(),
                  barcode.value) != options.separator_values.end()) {
      return true;
    }
  }
  return false;
}

// The number of the page's first ASN barcode without leading zeros ("0" for
// all zeros), or nothing.
std::optional<std::string> FindAsn(const SplitPage& page,
                                   const SplitOptions& options) {
  if (options.asn_prefix.empty()) return std::nullopt;
  const absl::string_view prefix(options.asn_prefix.data(),
                                 options.asn_prefix.size());
  for (const Barcode& barcode : page.barcodes) {
    absl::string_view digits(barcode.value.data(), barcode.value.size());
    if (!absl::ConsumePrefix(&digits, prefix) || digits.empty() ||
        !std::all_of(digits.begin(), digits.end(),
                     [](char c) { return absl::ascii_isdigit(c); })) {
      continue;
    }
    const size_t first =
        std::min(digits.find_first_not_of('0'), digits.size() - 1);
    return std::string(digits.substr(first));
  }
  return std::nullopt;
}

}  // namespace

// A separator barcode wins over an ASN on the same page (the sheet is
// dropped, its ASN ignored); a page with an ASN or a separator is never
// treated as blank.
SplitPlan PlanSplit(const std::vector<SplitPage>& pages,
                    const SplitOptions& options) {
  SplitPlan plan;
  plan.roles.reserve(pages.size());
  SplitDocument current;
  const auto close_current = [&plan, &current] {
    if (!current.pages.empty()) plan.documents.push_back(std::move(current));
    current = SplitDocument();
  };
  for (size_t i = 0; i < pages.size(); ++i) {
    const SplitPage& page = pages[i];
    const int number = static_cast<int>(i) + 1;
    if (IsSeparator(page, options)) {
      plan.roles.push_back(SplitPlan::Role::kSeparator);
      plan.split = true;
      close_current();
      continue;
    }
    std::optional<std::string> asn = FindAsn(page, options);
    if (!asn.has_value() && page.blank && options.split_at_blank_pages) {
      plan.roles.push_back(SplitPlan::Role::kBlank);
      plan.split = true;
      close_current();
      continue;
    }
    plan.roles.push_back(SplitPlan::Role::kContent);
    if (asn.has_value()) {
      if (!current.pages.empty()) {
        plan.split = true;
        close_current();
      }
      current.asn = *std::move(asn);
    }
    current.pages.push_back(number);
  }
  close_current();
  return plan;
}

}  // namespace docintake::ocr
