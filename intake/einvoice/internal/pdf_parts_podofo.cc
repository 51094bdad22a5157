// Child side of pdf_invoice.h: PoDoFo reads embedded files and XMP. Runs only
// inside base::RunInChild; every PoDoFo exception is caught here.
#include <exception>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "intake/einvoice/internal/pdf_parts.h"
#include "podofo/podofo.h"

namespace docintake::einvoice::internal {
namespace {

namespace P = PoDoFo;

constexpr int kMaxReferenceHops = 8;
constexpr int kMaxTreeDepth = 32;

class Extractor {
 public:
  Extractor(P::PdfVecObjects* objects, const PdfInvoiceLimits& limits)
      : objects_(objects), limits_(limits) {}

  const P::PdfObject* Resolve(const P::PdfObject* o) const {
    for (int hops = 0; o != nullptr && o->IsReference(); ++hops) {
      if (hops >= kMaxReferenceHops) return nullptr;
      o = objects_->GetObject(o->GetReference());
    }
    return o;
  }

  const P::PdfObject* Key(const P::PdfObject* dict, const char* key) const {
    if (dict == nullptr || !dict->IsDictionary()) return nullptr;
    return Resolve(dict->GetDictionary().GetKey(P::PdfName(key)));
  }

  static std::string StringOf(const P::PdfObject* o) {
    if (o == nullptr) return "";
    if (o->IsString() || o->IsHexString())
      return o->GetString().GetStringUtf8();
    if (o->IsName()) return o->GetName().GetName();
    return "";
  }

  std::string StreamBytes(const P::PdfObject* o, size_t max_bytes) const {
    if (o == nullptr || !o->HasStream()) return "";
    char* buffer = nullptr;
    P::pdf_long length = 0;
    o->GetStream()->GetFilteredCopy(&buffer, &length);
    std::string out;
    if (buffer != nullptr && length > 0 &&
        static_cast<size_t>(length) <= max_bytes) {
      out.assign(buffer, static_cast<size_t>(length));
    }
    P::podofo_free(buffer);
    return out;
  }

  // Collects (key, value) pairs of a name tree, cycle- and depth-safe.
  void WalkNameTree(
      const P::PdfObject* node, int depth,
      std::vector<std::pair<std::string, const P::PdfObject*>>* out) {
    if (node == nullptr || !node->IsDictionary() || depth > kMaxTreeDepth ||
        !visited_.insert(node).second) {
      return;
    }
    const P::PdfObject* names = Key(node, "Names");
    if (names != nullptr && names->IsArray()) {
      const P::PdfArray& a = names->GetArray();
      for (size_t i = 0; i + 1 < a.size(); i += 2) {
        out->emplace_back(StringOf(Resolve(&a[i])), Resolve(&a[i + 1]));
      }
    }
    const P::PdfObject* kids = Key(node, "Kids");
    if (kids != nullptr && kids->IsArray()) {
      for (const P::PdfObject& kid : kids->GetArray()) {
        WalkNameTree(Resolve(&kid), depth + 1, out);
      }
    }
  }

  void AddFile(const P::PdfObject* spec, const std::string& key,
               bool from_tree) {
    if (spec == nullptr || !spec->IsDictionary()) return;
    auto seen = index_.find(spec);
    if (seen != index_.end()) {
      PdfEmbeddedFile& f = parts_.files[seen->second];
      (from_tree ? f.in_name_tree : f.in_af) = true;
      return;
    }
    if (parts_.files.size() >= limits_.max_files) return;
    PdfEmbeddedFile f;
    f.name = StringOf(Key(spec, "UF"));
    if (f.name.empty()) f.name = StringOf(Key(spec, "F"));
    if (f.name.empty()) f.name = key;
    f.af_relationship = StringOf(Key(spec, "AFRelationship"));
    (from_tree ? f.in_name_tree : f.in_af) = true;
    const P::PdfObject* ef = Key(spec, "EF");
    const P::PdfObject* stream = Key(ef, "F");
    if (stream == nullptr) stream = Key(ef, "UF");
    f.subtype = StringOf(Key(stream, "Subtype"));
    f.bytes = StreamBytes(stream, limits_.max_file_bytes);
    index_[spec] = parts_.files.size();
    parts_.files.push_back(std::move(f));
  }

  PdfParts Run(const P::PdfObject* catalog) {
    std::vector<std::pair<std::string, const P::PdfObject*>> entries;
    WalkNameTree(Key(Key(catalog, "Names"), "EmbeddedFiles"), 0, &entries);
    for (const auto& [key, spec] : entries) AddFile(spec, key, true);
    const P::PdfObject* af = Key(catalog, "AF");
    if (af != nullptr && af->IsArray()) {
      for (const P::PdfObject& spec : af->GetArray()) {
        AddFile(Resolve(&spec), "", false);
      }
    }
    parts_.xmp = StreamBytes(Key(catalog, "Metadata"), limits_.max_file_bytes);
    return std::move(parts_);
  }

 private:
  P::PdfVecObjects* objects_;
  const PdfInvoiceLimits& limits_;
  std::set<const P::PdfObject*> visited_;
  std::map<const P::PdfObject*, size_t> index_;
  PdfParts parts_;
};

}  // namespace

absl::StatusOr<std::string> ExtractPdfParts(absl::string_view pdf,
                                            const PdfInvoiceLimits& limits) {
  try {
    P::PdfError::EnableLogging(false);
    P::PdfError::EnableDebug(false);
    P::PdfMemDocument doc;
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
    Extractor extractor(&doc.GetObjects(), limits);
    return EncodePdfParts(extractor.Run(doc.GetCatalog()));
  } catch (const P::PdfError& error) {
    const char* name = P::PdfError::ErrorName(error.GetError());
    return absl::InvalidArgumentError(absl::StrCat(
        "PoDoFo cannot read the PDF: ", name != nullptr ? name : "PdfError"));
  } catch (const std::exception& error) {
    return absl::InvalidArgumentError(
        absl::StrCat("PoDoFo cannot read the PDF: ", error.what()));
  } catch (...) {
    return absl::InvalidArgumentError("PoDoFo cannot read the PDF");
  }
}

}  // namespace docintake::einvoice::internal
