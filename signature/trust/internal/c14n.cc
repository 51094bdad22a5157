#include "signature/trust/internal/c14n.h"

#include <libxml/c14n.h>
#include <libxml/xmlIO.h>

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "base/owned.h"

namespace docintake::signature::trust_internal {
namespace {

// Canonical output beyond this is refused (exclusive C14N may repeat
// namespace declarations; a hostile document must not exhaust memory).
constexpr size_t kMaxCanonicalBytes = 128u << 20;

struct Subset {
  const xmlNode* apex;
  const xmlNode* excluded;
};

// libxml2 calls this for every node, attribute and namespace node; for the
// latter two `parent` is the element carrying them.
int IsVisible(void* user_data, xmlNodePtr node, xmlNodePtr parent) {
  const auto* subset = static_cast<const Subset*>(user_data);
  const xmlNode* owner = node;
  if (node == nullptr || node->type == XML_NAMESPACE_DECL ||
      node->type == XML_ATTRIBUTE_NODE) {
    owner = parent;
  }
  bool inside = subset->apex == nullptr;
  for (const xmlNode* n = owner; n != nullptr; n = n->parent) {
    if (n == subset->excluded) return 0;
    if (n == subset->apex) inside = true;
  }
  return inside ? 1 : 0;
}

struct Sink {
  std::string out;
  bool overflow = false;
};

int WriteToSink(void* context, const char* buffer, int len) {
  auto* sink = static_cast<Sink*>(context);
  if (len < 0) return -1;
  if (sink->out.size() + static_cast<size_t>(len) > kMaxCanonicalBytes) {
    sink->overflow = true;
    return -1;
  }
  sink->out.append(buffer, static_cast<size_t>(len));
  return len;
}

int CloseSink(void*) { return 0; }

}  // namespace

std::optional<C14nMethod> C14nMethodFromUri(absl::string_view uri) {
  C14nMethod method;
  if (uri == kC14n10Uri || uri == kC14n10CommentsUri) {
    method.mode = C14nMethod::Mode::kInclusive10;
    method.with_comments = uri == kC14n10CommentsUri;
  } else if (uri == kC14n11Uri || uri == kC14n11CommentsUri) {
    method.mode = C14nMethod::Mode::kInclusive11;
    method.with_comments = uri == kC14n11CommentsUri;
  } else if (uri == kExcC14nUri || uri == kExcC14nCommentsUri) {
    method.mode = C14nMethod::Mode::kExclusive10;
    method.with_comments = uri == kExcC14nCommentsUri;
  } else {
    return std::nullopt;
  }
  return method;
}

absl::StatusOr<std::string> Canonicalize(xmlDoc* doc, const xmlNode* apex,
                                         const xmlNode* excluded,
                                         const C14nMethod& method) {
  int mode = XML_C14N_1_0;
  if (method.mode == C14nMethod::Mode::kInclusive11) mode = XML_C14N_1_1;
  if (method.mode == C14nMethod::Mode::kExclusive10) {
    mode = XML_C14N_EXCLUSIVE_1_0;
  }
  // libxml2 wants a NULL-terminated xmlChar* array it does not modify.
  std::vector<xmlChar*> prefixes;
  if (method.mode == C14nMethod::Mode::kExclusive10) {
    for (const std::string& p : method.inclusive_prefixes) {
      prefixes.push_back(
          const_cast<xmlChar*>(reinterpret_cast<const xmlChar*>(p.c_str())));
    }
  }
  prefixes.push_back(nullptr);

  Sink sink;
  base::Owned<xmlOutputBuffer, xmlOutputBufferClose> buffer(
      xmlOutputBufferCreateIO(WriteToSink, CloseSink, &sink, nullptr));
  if (buffer == nullptr) {
    return absl::ResourceExhaustedError("cannot allocate a C14N buffer");
  }
  Subset subset{apex, excluded};
  const int written =
      xmlC14NExecute(doc, IsVisible, &subset, mode,
                     prefixes.size() > 1 ? prefixes.data() : nullptr,
                     method.with_comments ? 1 : 0, buffer.get());
  // Closing flushes what libxml2 still buffers.
  const int closed = xmlOutputBufferClose(buffer.release());
  if (sink.overflow) {
    return absl::InvalidArgumentError(
        absl::StrCat("canonical form exceeds ", kMaxCanonicalBytes, " bytes"));
  }
  if (written < 0 || closed < 0) {
    const xmlError* error = xmlGetLastError();
    return absl::InvalidArgumentError(absl::StrCat(
        "XML canonicalisation failed",
        error != nullptr && error->message != nullptr
            ? absl::StrCat(": ", absl::StripAsciiWhitespace(error->message))
            : std::string()));
  }
  return std::move(sink.out);
}

}  // namespace docintake::signature::trust_internal
