#include "signature/objects/internal/dss_reader.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "podofo/base/PdfArray.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {
namespace {

using ::docintake::internal::PdfFacts;
using ::docintake::internal::ValidationRelatedInfo;

constexpr size_t kMaxEntries = 10000;

// Reads the streams of array `key` of `dict`, appending each decoded
// stream through `add`; counts bytes against `budget`.
template <typename Add>
void ReadStreams(const PodofoDocument& doc, const PoDoFo::PdfObject* dict,
                 const char* key, uint64_t* budget, PdfFacts* facts,
                 const Add& add) {
  const PoDoFo::PdfObject* array = doc.Get(dict, key);
  if (array == nullptr) return;
  if (!array->IsArray()) {
    facts->add_warnings(absl::StrCat("DSS /", key, " is not an array"));
    return;
  }
  const PoDoFo::PdfArray& list = array->GetArray();
  for (size_t i = 0; i < list.size() && i < kMaxEntries; ++i) {
    const PoDoFo::PdfObject* stream = doc.Resolve(&list[i]);
    if (stream == nullptr || !stream->HasStream()) {
      facts->add_warnings(
          absl::StrCat("DSS /", key, " entry ", i, " is not a stream"));
      continue;
    }
    absl::StatusOr<std::string> data = DecodedStream(*stream, *budget);
    if (!data.ok()) {
      facts->add_warnings(absl::StrCat("DSS /", key, " entry ", i, ": ",
                                       data.status().message()));
      continue;
    }
    *budget -= data->size();
    add(std::move(*data));
  }
}

}  // namespace

void ReadDss(const PodofoDocument& doc, uint64_t max_decoded_bytes,
             PdfFacts* facts) {
  const PoDoFo::PdfObject* dss = doc.Get(doc.Root(), "DSS");
  if (dss == nullptr) return;
  if (!dss->IsDictionary()) {
    facts->add_warnings("/Root /DSS is not a dictionary");
    return;
  }
  uint64_t budget = max_decoded_bytes;
  auto* out = facts->mutable_dss();
  ReadStreams(doc, dss, "Certs", &budget, facts,
              [&](std::string d) { out->add_certs(std::move(d)); });
  ReadStreams(doc, dss, "OCSPs", &budget, facts,
              [&](std::string d) { out->add_ocsps(std::move(d)); });
  ReadStreams(doc, dss, "CRLs", &budget, facts,
              [&](std::string d) { out->add_crls(std::move(d)); });

  const PoDoFo::PdfObject* vri = doc.Get(dss, "VRI");
  if (vri == nullptr) return;
  if (!vri->IsDictionary()) {
    facts->add_warnings("DSS /VRI is not a dictionary");
    return;
  }
  size_t count = 0;
  for (const auto& [name, value] : vri->GetDictionary().GetKeys()) {
    if (++count > kMaxEntries) {
      facts->add_warnings("DSS /VRI has more entries than the limit");
      break;
    }
    const PoDoFo::PdfObject* entry = doc.Resolve(value);
    if (entry == nullptr || !entry->IsDictionary()) {
      facts->add_warnings(
          absl::StrCat("DSS /VRI /", name.GetName(), " is not a dictionary"));
      continue;
    }
    ValidationRelatedInfo* info = out->add_vri();
    info->set_key(name.GetName());
    ReadStreams(doc, entry, "Cert", &budget, facts,
                [&](std::string d) { info->add_certs(std::move(d)); });
    ReadStreams(doc, entry, "OCSP", &budget, facts,
                [&](std::string d) { info->add_ocsps(std::move(d)); });
    ReadStreams(doc, entry, "CRL", &budget, facts,
                [&](std::string d) { info->add_crls(std::move(d)); });
    info->set_tu(TextOf(doc.Get(entry, "TU")));
  }
}

}  // namespace docintake::signature::internal_objects
