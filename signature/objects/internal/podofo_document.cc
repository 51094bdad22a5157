#include "signature/objects/internal/podofo_document.h"

#include <exception>
#include <mutex>
#include <utility>

#include "absl/strings/str_cat.h"
#include "podofo/base/PdfDictionary.h"
#include "podofo/base/PdfError.h"
#include "podofo/base/PdfRefCountedInputDevice.h"

namespace docintake::signature::internal_objects {
namespace {

// Hard ceiling PoDoFo enforces itself; the per-call limit is checked after
// loading. PoDoFo's switches are process-global: set once per process
// (each worker is a fresh fork, the service itself never touches PoDoFo).
constexpr long kPodofoMaxObjects = 1 << 21;
constexpr int kMaxReferenceHops = 8;

void ConfigurePodofoOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfParser::SetIgnoreBrokenObjects(true);
    PoDoFo::PdfParser::SetMaxObjectCount(kPodofoMaxObjects);
  });
}

std::string Describe(const PoDoFo::PdfError& error) {
  const char* name = PoDoFo::PdfError::ErrorName(error.GetError());
  const char* message = PoDoFo::PdfError::ErrorMessage(error.GetError());
  return absl::StrCat(name != nullptr ? name : "PdfError", ": ",
                      message != nullptr ? message : "");
}

}  // namespace

absl::StatusOr<std::unique_ptr<PodofoDocument>> PodofoDocument::Load(
    absl::string_view pdf, uint64_t end, const PdfObjectsLimits& limits) {
  ConfigurePodofoOnce();
  const size_t length =
      static_cast<size_t>(std::min<uint64_t>(end, pdf.size()));
  std::unique_ptr<PodofoDocument> doc(new PodofoDocument());
  doc->parsed_length_ = length;
  try {
    doc->parser_ = std::make_unique<PoDoFo::PdfParser>(&doc->vec_);
    doc->parser_->ParseFile(
        PoDoFo::PdfRefCountedInputDevice(pdf.data(), length),
        /*bLoadOnDemand=*/false);
    doc->incremental_updates_ = doc->parser_->GetNumberOfIncrementalUpdates();
    for (const PoDoFo::PdfObject* object : doc->vec_) {
      if (object == nullptr) continue;
      doc->by_number_[object->Reference().ObjectNumber()] = object;
    }
  } catch (const PoDoFo::PdfError& error) {
    return absl::InvalidArgumentError(
        absl::StrCat("PoDoFo cannot parse the PDF: ", Describe(error)));
  } catch (const std::exception& error) {
    return absl::InvalidArgumentError(
        absl::StrCat("PoDoFo cannot parse the PDF: ", error.what()));
  } catch (...) {
    return absl::InvalidArgumentError("PoDoFo cannot parse the PDF");
  }
  if (doc->by_number_.size() > limits.max_objects) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the PDF has ", doc->by_number_.size(),
                     " objects, more than the limit of ", limits.max_objects));
  }
  return doc;
}

PodofoDocument::~PodofoDocument() = default;

const PoDoFo::PdfObject* PodofoDocument::Trailer() const {
  const PoDoFo::PdfObject* trailer =
      parser_ != nullptr ? parser_->GetTrailer() : nullptr;
  return trailer != nullptr && trailer->IsDictionary() ? trailer : nullptr;
}

const PoDoFo::PdfObject* PodofoDocument::Root() const {
  const PoDoFo::PdfObject* root = Get(Trailer(), "Root");
  return root != nullptr && root->IsDictionary() ? root : nullptr;
}

const PoDoFo::PdfObject* PodofoDocument::Object(uint32_t number) const {
  const auto it = by_number_.find(number);
  return it == by_number_.end() ? nullptr : it->second;
}

const PoDoFo::PdfObject* PodofoDocument::Resolve(
    const PoDoFo::PdfObject* object) const {
  for (int hop = 0; object != nullptr && object->IsReference(); ++hop) {
    if (hop == kMaxReferenceHops) return nullptr;
    const PoDoFo::PdfReference& ref = object->GetReference();
    const PoDoFo::PdfObject* target = Object(ref.ObjectNumber());
    if (target == nullptr ||
        target->Reference().GenerationNumber() != ref.GenerationNumber()) {
      return nullptr;
    }
    object = target;
  }
  return object;
}

const PoDoFo::PdfObject* PodofoDocument::Get(const PoDoFo::PdfObject* dict,
                                             const char* key) const {
  if (dict == nullptr || !dict->IsDictionary()) return nullptr;
  return Resolve(dict->GetDictionary().GetKey(PoDoFo::PdfName(key)));
}

absl::StatusOr<std::string> GuardPodofo(
    const char* what,
    const std::function<absl::StatusOr<std::string>()>& work) {
  try {
    return work();
  } catch (const PoDoFo::PdfError& error) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, ": PoDoFo failed: ", Describe(error)));
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(absl::StrCat(what, ": out of memory"));
  } catch (const std::exception& error) {
    return absl::InvalidArgumentError(absl::StrCat(what, ": ", error.what()));
  } catch (...) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, ": unknown exception"));
  }
}

}  // namespace docintake::signature::internal_objects
