// CodeList::Contains: binary search over a table sorted in byte order.
#include <algorithm>

#include "intake/einvoice/rules/internal/code_lists.h"

namespace docintake::einvoice::internal {

bool CodeList::Contains(absl::string_view code) const {
  return std::binary_search(codes.begin(), codes.end(), code);
}

}  // namespace docintake::einvoice::internal
