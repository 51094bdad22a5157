#include "signature/objects/internal/pdf_values.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "podofo/base/PdfArray.h"
#include "podofo/base/PdfDictionary.h"
#include "podofo/base/PdfError.h"
#include "podofo/base/PdfName.h"
#include "podofo/base/PdfOutputStream.h"
#include "podofo/base/PdfStream.h"
#include "podofo/base/PdfString.h"

namespace docintake::signature::internal_objects {
namespace {

// Collects stream bytes into a string; past the cap it stops PoDoFo by
// throwing (PoDoFo's filters expect exceptions from their sinks).
class CappedOutput : public PoDoFo::PdfOutputStream {
 public:
  explicit CappedOutput(uint64_t cap) : cap_(cap) {}
  PoDoFo::pdf_long Write(const char* buffer, PoDoFo::pdf_long length) override {
    if (length < 0) return 0;
    if (data_.size() + static_cast<uint64_t>(length) > cap_) {
      exceeded_ = true;
      PODOFO_RAISE_ERROR(PoDoFo::ePdfError_OutOfMemory);
    }
    data_.append(buffer, static_cast<size_t>(length));
    return length;
  }
  void Close() override {}
  std::string& data() { return data_; }
  bool exceeded() const { return exceeded_; }

 private:
  const uint64_t cap_;
  std::string data_;
  bool exceeded_ = false;
};

// Hashes raw stream bytes as PoDoFo hands them out.
class HashingOutput : public PoDoFo::PdfOutputStream {
 public:
  PoDoFo::pdf_long Write(const char* buffer, PoDoFo::pdf_long length) override {
    if (length > 0) {
      hasher_.Update(absl::string_view(buffer, static_cast<size_t>(length)));
      size_ += static_cast<uint64_t>(length);
    }
    return length;
  }
  void Close() override {}
  std::string Finish() {
    return absl::StrCat(size_, ":", absl::BytesToHexString(hasher_.Finish()));
  }

 private:
  base::Sha256 hasher_;
  uint64_t size_ = 0;
};

}  // namespace

std::string NameOf(const PoDoFo::PdfObject* object) {
  if (object == nullptr || !object->IsName()) return "";
  return object->GetName().GetName();
}

std::optional<int64_t> IntegerOf(const PoDoFo::PdfObject* object) {
  if (object == nullptr || !object->IsNumber()) return std::nullopt;
  return static_cast<int64_t>(object->GetNumber());
}

std::string TextOf(const PoDoFo::PdfObject* object) {
  if (object == nullptr || !(object->IsString() || object->IsHexString())) {
    return "";
  }
  const PoDoFo::PdfString& text = object->GetString();
  if (!text.IsValid()) return "";
  return text.GetStringUtf8();
}

uint32_t ReferencedNumber(const PoDoFo::PdfObject* object) {
  if (object == nullptr || !object->IsReference()) return 0;
  return object->GetReference().ObjectNumber();
}

namespace {

constexpr int kMaxCanonicalDepth = 64;

// Canonical text of a value: strings by content (a literal and a hex string
// with the same bytes are equal), dictionaries in key order.
void AppendCanonical(const PoDoFo::PdfObject& value, int depth,
                     std::string* out) {
  if (depth > kMaxCanonicalDepth) {
    std::string text;
    value.ToString(text, PoDoFo::ePdfWriteMode_Compact);
    absl::StrAppend(out, "{deep:", text, "}");
    return;
  }
  switch (value.GetDataType()) {
    case PoDoFo::ePdfDataType_String:
    case PoDoFo::ePdfDataType_HexString: {
      const PoDoFo::PdfString& text = value.GetString();
      if (!text.IsValid()) {
        out->append("<invalid>");
      } else if (text.IsUnicode()) {
        absl::StrAppend(out, "u<", absl::BytesToHexString(text.GetStringUtf8()),
                        ">");
      } else {
        absl::StrAppend(
            out, "<",
            absl::BytesToHexString(absl::string_view(
                text.GetString(), static_cast<size_t>(text.GetLength()))),
            ">");
      }
      return;
    }
    case PoDoFo::ePdfDataType_Array: {
      out->append("[");
      for (const PoDoFo::PdfObject& child : value.GetArray()) {
        AppendCanonical(child, depth + 1, out);
        out->append(" ");
      }
      out->append("]");
      return;
    }
    case PoDoFo::ePdfDataType_Dictionary: {
      out->append("<<");
      for (const auto& [name, child] : value.GetDictionary().GetKeys()) {
        absl::StrAppend(out, "/", name.GetEscapedName(), " ");
        AppendCanonical(*child, depth + 1, out);
        out->append(" ");
      }
      out->append(">>");
      return;
    }
    default: {
      std::string text;
      value.ToString(text, PoDoFo::ePdfWriteMode_Compact);
      out->append(text);
      return;
    }
  }
}

}  // namespace

std::string Serialize(const PoDoFo::PdfObject& object) {
  std::string text;
  AppendCanonical(object, 0, &text);
  return text;
}

std::string Fingerprint(const PoDoFo::PdfObject& object) {
  std::string print = Serialize(object);
  if (object.HasStream()) {
    HashingOutput raw;
    object.GetStream()->GetCopy(&raw);
    absl::StrAppend(&print, "\nstream ", raw.Finish());
  }
  return print;
}

absl::StatusOr<std::string> DecodedStream(const PoDoFo::PdfObject& object,
                                          uint64_t max_bytes) {
  if (!object.HasStream()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "object ", object.Reference().ObjectNumber(), " is not a stream"));
  }
  CappedOutput out(max_bytes);
  try {
    object.GetStream()->GetFilteredCopy(&out);
  } catch (const PoDoFo::PdfError&) {
    if (out.exceeded()) {
      return absl::ResourceExhaustedError(
          absl::StrCat("stream ", object.Reference().ObjectNumber(),
                       " decodes to more than ", max_bytes, " bytes"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "stream ", object.Reference().ObjectNumber(), " cannot be decoded"));
  }
  return std::move(out.data());
}

}  // namespace docintake::signature::internal_objects
