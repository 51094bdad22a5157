#include "signature/objects/internal/change_rules.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/change_findings.h"
#include "signature/objects/internal/change_policy.h"
#include "signature/objects/internal/dictionary_diff.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {
namespace {

using ::docintake::internal::ChangeVerdict;

constexpr ChangeClass kAllowed = ChangeVerdict::ALLOWED;
constexpr ChangeClass kSuspicious = ChangeVerdict::SUSPICIOUS;
constexpr ChangeClass kDisallowed = ChangeVerdict::DISALLOWED;

Judgement Skip() { return Judgement{}; }

// Keys of page objects that carry producer bookkeeping and no content:
// iText's version marker, application data, modification date.
const Keys& ProducerKeys() {
  static const Keys* const keys = new Keys{"ITXT", "PieceInfo", "LastModified"};
  return *keys;
}

bool HasRole(const std::vector<RoleInfo>& roles, Role role) {
  for (const RoleInfo& info : roles) {
    if (info.role == role) return true;
  }
  return false;
}

bool IsProtected(Role role) {
  return role != Role::kDss && role != Role::kMetadata &&
         role != Role::kOther && role != Role::kAcroForm;
}

class ChangeJudge {
 public:
  ChangeJudge(const DocumentModel& a, const DocumentModel& b,
              const ChangePermissions& permissions)
      : a_(a), b_(b), policy_(permissions) {}

  ChangeVerdict Run() {
    if (a_.truncated || b_.truncated) {
      findings_.Add(kSuspicious,
                    "the document is too complex to compare completely");
    }
    CheckCatalog();
    CheckPages();
    CheckFields();
    CheckAnnots();
    const uint32_t changed = CheckObjects();
    return findings_.Finish(changed);
  }

 private:
  // --- document-level checks ---------------------------------------------
  void CheckCatalog() {
    const PoDoFo::PdfObject* a = a_.doc->Root();
    const PoDoFo::PdfObject* b = b_.doc->Root();
    if (b == nullptr) {
      findings_.Add(kDisallowed, "the final document has no catalog");
      return;
    }
    for (const std::string& key : KeyDiff(a, b)) {
      if (key == "DSS" || key == "AcroForm" || key == "Extensions" ||
          key == "Metadata") {
        findings_.Add(Bookkeeping(absl::StrCat("catalog /", key, " updated")));
      } else if (key == "Names" && OnlyNamedAppearancesChanged()) {
        findings_.Add(AnnotationRule(
            "catalog /Names: the named appearance tree (/AP) was updated"));
      } else if (key == "Pages" || key == "Perms" || key == "*") {
        findings_.Add(kDisallowed, absl::StrCat("catalog /", key, " changed"));
      } else {
        findings_.Add(kSuspicious,
                      absl::StrCat("catalog entry /", key, " changed"));
      }
    }
  }

  // The catalog's name dictionary differs only in /AP (named annotation
  // appearances, which Acrobat adds with annotations).
  bool OnlyNamedAppearancesChanged() const {
    const PoDoFo::PdfObject* a = a_.doc->Get(a_.doc->Root(), "Names");
    const PoDoFo::PdfObject* b = b_.doc->Get(b_.doc->Root(), "Names");
    if (b == nullptr || !b->IsDictionary()) return false;
    if (a == nullptr) {
      return b->GetDictionary().GetKeys().size() == 1 &&
             b->GetDictionary().HasKey(PoDoFo::PdfName("AP"));
    }
    return Within(KeyDiff(a, b), {"AP"});
  }

  void CheckPages() {
    const auto& pa = a_.pages.pages;
    const auto& pb = b_.pages.pages;
    if (pa.size() != pb.size()) {
      findings_.Add(kDisallowed, absl::StrCat("page count changed from ",
                                              pa.size(), " to ", pb.size()));
    } else if (pa != pb) {
      findings_.Add(kDisallowed, "pages were replaced or reordered");
    }
  }

  void CheckFields() {
    for (const auto& [number, index] : a_.field_by_number) {
      if (b_.field_by_number.count(number) == 0) {
        findings_.Add(kDisallowed,
                      absl::StrCat("form field ", a_.form.fields[index].name,
                                   " (object ", number, ") was removed"));
      }
    }
    for (const auto& [number, index] : b_.field_by_number) {
      if (a_.field_by_number.count(number) != 0) continue;
      findings_.Add(JudgeNewField(b_.form.fields[index]));
    }
  }

  Judgement JudgeNewField(const FormField& field) {
    const std::string what = absl::StrCat("field ", field.name, " (object ",
                                          field.object_number, ")");
    if (field.type != "Sig") {
      return {kSuspicious, absl::StrCat("new form ", what, " added")};
    }
    const PoDoFo::PdfObject* value = b_.doc->Get(field.dict, "V");
    if (IsDocTimestamp(value)) {
      return Bookkeeping(absl::StrCat("document timestamp ", what, " added"));
    }
    if (policy_.Signing()) {
      return {kAllowed, absl::StrCat("signature ", what, " added")};
    }
    return {kDisallowed, absl::StrCat("signature ", what, " added although ",
                                      policy_.Mdp(), " permits no signing")};
  }

  void CheckAnnots() {
    for (uint32_t page : a_.pages.pages) {
      if (b_.doc->Object(page) == nullptr) continue;
      std::set<uint32_t> in_a, in_b;
      std::multiset<std::string> direct_a, direct_b;
      for (const auto* e : a_.AnnotsOf(page)) {
        e->IsReference() ? (void)in_a.insert(ReferencedNumber(e))
                         : (void)direct_a.insert(Serialize(*e));
      }
      for (const auto* e : b_.AnnotsOf(page)) {
        e->IsReference() ? (void)in_b.insert(ReferencedNumber(e))
                         : (void)direct_b.insert(Serialize(*e));
      }
      if (direct_a != direct_b) {
        findings_.Add(AnnotationRule(
            absl::StrCat("inline annotations of page ", page, " changed")));
      }
      for (uint32_t number : in_a) {
        if (in_b.count(number) != 0) continue;
        const FormField* field = a_.FieldOf(number);
        if (field != nullptr) {
          findings_.Add(kDisallowed,
                        absl::StrCat("widget ", number, " of field ",
                                     field->name, " removed from page ", page));
        } else {
          findings_.Add(AnnotationRule(absl::StrCat(
              "annotation ", number, " removed from page ", page)));
        }
      }
      for (uint32_t number : in_b) {
        if (in_a.count(number) != 0 || a_.RolesOf(number).empty()) continue;
        findings_.Add(kSuspicious,
                      absl::StrCat("object ", number,
                                   " of the signed revision "
                                   "was added to the annotations of page ",
                                   page));
      }
    }
  }

  // --- object-level checks -----------------------------------------------
  uint32_t CheckObjects() {
    std::set<uint32_t> numbers;
    for (const auto& entry : a_.doc->objects()) numbers.insert(entry.first);
    for (const auto& entry : b_.doc->objects()) numbers.insert(entry.first);
    uint32_t changed = 0;
    for (uint32_t number : numbers) {
      const PoDoFo::PdfObject* a = a_.doc->Object(number);
      const PoDoFo::PdfObject* b = b_.doc->Object(number);
      if (a != nullptr && b != nullptr &&
          a->Reference().GenerationNumber() ==
              b->Reference().GenerationNumber() &&
          Fingerprint(*a) == Fingerprint(*b)) {
        continue;
      }
      ++changed;
      if (b == nullptr) {
        findings_.Add(JudgeRemoved(number));
      } else if (a == nullptr || a_.RolesOf(number).empty()) {
        findings_.Add(JudgeNew(number));
      } else {
        findings_.Add(JudgeChanged(number));
      }
    }
    return changed;
  }

  Judgement JudgeRemoved(uint32_t number) {
    const auto& roles = a_.RolesOf(number);
    if (roles.empty()) return Skip();
    Judgement worst{kSuspicious, ""};
    for (const RoleInfo& info : roles) {
      if (IsProtected(info.role)) worst.change_class = kDisallowed;
    }
    worst.reason = absl::StrCat(RoleName(roles.front().role), " ", number,
                                " of the signed revision is missing from the "
                                "final document");
    return worst;
  }

  Judgement JudgeChanged(uint32_t number) {
    const auto& roles = a_.RolesOf(number);
    Judgement worst;
    for (const RoleInfo& info : roles) {
      Judgement j = JudgeChangedRole(number, info);
      if (j.change_class > worst.change_class) worst = std::move(j);
    }
    if (HasRole(roles, Role::kAppearance) && HasRole(roles, Role::kOther) &&
        worst.change_class < kDisallowed) {
      worst = {kDisallowed,
               absl::StrCat("appearance stream ", number,
                            " is also referenced from outside its annotation"
                            " and was changed (shadow attack pattern)")};
    }
    return worst;
  }

  Judgement JudgeChangedRole(uint32_t n, const RoleInfo& info) {
    const PoDoFo::PdfObject* a = a_.doc->Object(n);
    const PoDoFo::PdfObject* b = b_.doc->Object(n);
    switch (info.role) {
      case Role::kCatalog:
      case Role::kAnnotsArray:
        return Skip();  // CheckCatalog, CheckAnnots
      case Role::kPageTree: {
        const Keys keys = KeyDiff(a, b);
        if (Within(keys, ProducerKeys())) {
          return {kAllowed, absl::StrCat("page tree node ", n,
                                         ": producer data ", KeyList(keys))};
        }
        return {kDisallowed, absl::StrCat("page tree node ", n,
                                          " changed: ", KeyList(keys))};
      }
      case Role::kPage: {
        Keys keys = KeyDiff(a, b);
        keys.erase("Annots");
        if (keys.empty()) return Skip();
        if (Within(keys, ProducerKeys())) {
          return {kAllowed,
                  absl::StrCat("page ", n, ": producer data ", KeyList(keys))};
        }
        return {kDisallowed,
                absl::StrCat("page ", n, " changed: ", KeyList(keys))};
      }
      case Role::kPageContent:
        return {kDisallowed, absl::StrCat("content stream ", n, " of page ",
                                          info.owner, " changed")};
      case Role::kPageResource:
        return {kDisallowed, absl::StrCat("resource object ", n, " of page ",
                                          info.owner, " changed")};
      case Role::kAnnotation:
        return AnnotationRule(
            absl::StrCat("annotation object ", n, " changed"));
      case Role::kField:
      case Role::kWidget:
        return FieldChange(n, info.owner, KeyDiff(a, b));
      case Role::kSignatureDict: {
        const FormField* field = a_.FieldOf(info.owner);
        return {kDisallowed,
                absl::StrCat("signature dictionary object ", n, " of field ",
                             field != nullptr ? field->name : "?",
                             " changed after it was signed")};
      }
      case Role::kAppearance:
        return AppearanceRule(n, info.owner);
      case Role::kAcroForm:
        return AcroFormChange(n, KeyDiff(a, b));
      case Role::kDss:
        return Bookkeeping(absl::StrCat("DSS object ", n, " changed"));
      case Role::kMetadata:
        return Bookkeeping(absl::StrCat("metadata object ", n, " updated"));
      case Role::kOther:
        return {kSuspicious,
                absl::StrCat("object ", n,
                             " changed; it belongs to no page,"
                             " form, annotation or validation data")};
    }
    return {kSuspicious, absl::StrCat("object ", n, " changed")};
  }

  Judgement JudgeNew(uint32_t n) {
    Judgement worst;
    for (const RoleInfo& info : b_.RolesOf(n)) {
      Judgement j = JudgeNewRole(n, info);
      if (j.change_class > worst.change_class) worst = std::move(j);
    }
    return worst;
  }

  Judgement JudgeNewRole(uint32_t n, const RoleInfo& info) {
    switch (info.role) {
      case Role::kCatalog:
      case Role::kAnnotsArray:
      case Role::kOther:
        return Skip();  // judged through the objects that refer to them
      case Role::kPageTree:
      case Role::kPage:
        return {kDisallowed, absl::StrCat("new ", RoleName(info.role), " ", n)};
      case Role::kPageContent:
      case Role::kPageResource:
        return {kDisallowed, absl::StrCat("new ", RoleName(info.role), " ", n,
                                          " for page ", info.owner)};
      case Role::kAnnotation:
        return AnnotationRule(absl::StrCat("annotation ", n, " added"));
      case Role::kField:
      case Role::kWidget: {
        const FormField* field = a_.FieldOf(info.owner);
        if (field == nullptr) return Skip();  // a new field: CheckFields
        if (info.role == Role::kWidget) {
          return {kSuspicious,
                  absl::StrCat("new widget ", n, " for existing field ",
                               field->name)};
        }
        return FieldChange(n, info.owner, {"*"});
      }
      case Role::kSignatureDict: {
        const FormField* field = b_.FieldOf(info.owner);
        const std::string name = field != nullptr ? field->name : "?";
        if (IsDocTimestamp(b_.doc->Object(n))) {
          return Bookkeeping(absl::StrCat("document timestamp dictionary ", n,
                                          " (field ", name, ")"));
        }
        if (policy_.Signing()) {
          return {kAllowed, absl::StrCat("signature dictionary ", n, " (field ",
                                         name, ")")};
        }
        return {kDisallowed,
                absl::StrCat("new signature ", n, " (field ", name, "); ",
                             policy_.Mdp(), " permits no further signatures")};
      }
      case Role::kAppearance:
        return AppearanceRule(n, info.owner);
      case Role::kAcroForm:
        return Bookkeeping(
            absl::StrCat("interactive form object ", n, " added"));
      case Role::kDss:
        return Bookkeeping(absl::StrCat("DSS object ", n, " added"));
      case Role::kMetadata:
        return Bookkeeping(absl::StrCat("metadata object ", n, " added"));
    }
    return {kSuspicious, absl::StrCat("object ", n, " added")};
  }

  // --- rules ---------------------------------------------------------------
  Judgement AnnotationRule(std::string what) {
    if (policy_.Annotations()) return {kAllowed, std::move(what)};
    return {kDisallowed, absl::StrCat(what, "; ", policy_.Mdp(),
                                      " does not permit annotation changes")};
  }

  bool IsDocTimestamp(const PoDoFo::PdfObject* value) const {
    return value != nullptr &&
           (NameOf(b_.doc->Get(value, "Type")) == "DocTimeStamp" ||
            NameOf(b_.doc->Get(value, "SubFilter")) == "ETSI.RFC3161");
  }

  bool SignedIn(const DocumentModel& model, const FormField& field) const {
    const PoDoFo::PdfObject* value = model.doc->Get(field.dict, "V");
    return field.type == "Sig" && value != nullptr && value->IsDictionary();
  }

  // Whether the /V of `field` (a field of the signed revision) differs in
  // the final document: form filling changes values, not only appearances.
  bool ValueChanged(const FormField& field) const {
    const FormField* now = b_.FieldOf(field.object_number);
    if (now == nullptr) return true;
    const PoDoFo::PdfObject* before = a_.doc->Get(field.dict, "V");
    const PoDoFo::PdfObject* after = b_.doc->Get(now->dict, "V");
    if (before == nullptr || after == nullptr) return before != after;
    return Fingerprint(*before) != Fingerprint(*after);
  }

  // A change to field `owner` (existing in the signed revision): the field
  // dictionary, a widget of it, or an object below them.
  Judgement FieldChange(uint32_t n, uint32_t owner, const Keys& keys) {
    const FormField* field = a_.FieldOf(owner);
    if (field == nullptr) {
      return {kSuspicious, absl::StrCat("form object ", n, " changed")};
    }
    const std::string what =
        absl::StrCat("field ", field->name, " (object ", n, ")");
    if (policy_.Locked(field->name)) {
      return {kDisallowed, absl::StrCat("locked ", what, " changed")};
    }
    const bool is_dict = n == owner || a_.widget_field.count(n) != 0;
    if (field->type == "Sig") {
      if (SignedIn(a_, *field)) {
        return {kDisallowed, absl::StrCat("signed signature ", what,
                                          " changed: ", KeyList(keys))};
      }
      if (!is_dict || !Within(keys, {"V", "AP", "AS", "F", "MK", "DA"})) {
        return {kSuspicious,
                absl::StrCat("signature ", what, " changed: ", KeyList(keys))};
      }
      const FormField* now = b_.FieldOf(owner);
      if (now != nullptr && IsDocTimestamp(b_.doc->Get(now->dict, "V"))) {
        return Bookkeeping(absl::StrCat("document timestamp in ", what));
      }
      if (policy_.Signing()) {
        return {kAllowed, absl::StrCat("signing of ", what)};
      }
      return {kDisallowed, absl::StrCat("signing of ", what, " although ",
                                        policy_.Mdp(), " permits no signing")};
    }
    if (is_dict && !Within(keys, {"V", "AS", "AP"})) {
      return {kSuspicious, absl::StrCat(what, " changed: ", KeyList(keys))};
    }
    if (!ValueChanged(*field)) {
      return {kDisallowed,
              absl::StrCat("appearance of ", what,
                           " replaced although its value did not change"
                           " (shadow attack pattern)")};
    }
    if (policy_.FormFilling()) {
      return {kAllowed, absl::StrCat("form filling of ", what)};
    }
    return {kDisallowed, absl::StrCat("form filling of ", what, " although ",
                                      policy_.Mdp(), " permits no changes")};
  }

  // An added or changed object below the /AP of annotation `owner`.
  Judgement AppearanceRule(uint32_t n, uint32_t owner) {
    const std::string what = absl::StrCat("appearance stream ", n);
    const FormField* field = a_.FieldOf(owner);
    if (field != nullptr) {
      if (policy_.Locked(field->name)) {
        return {kDisallowed, absl::StrCat(what, " of locked field ",
                                          field->name, " changed")};
      }
      if (field->type == "Sig") {
        if (SignedIn(a_, *field)) {
          return {kDisallowed, absl::StrCat(what, " of the signed field ",
                                            field->name, " changed")};
        }
        const FormField* now = b_.FieldOf(field->object_number);
        if (now == nullptr || !SignedIn(b_, *now)) {
          return {kSuspicious,
                  absl::StrCat(what, " of unsigned signature field ",
                               field->name, " changed without signing it")};
        }
        if (policy_.Signing() || IsDocTimestamp(b_.doc->Get(now->dict, "V"))) {
          return {kAllowed, absl::StrCat(what, " of signature field ",
                                         field->name, " signed later")};
        }
        return {kDisallowed,
                absl::StrCat(what, " of signature field ", field->name, "; ",
                             policy_.Mdp(), " permits no signing")};
      }
      if (!ValueChanged(*field)) {
        return {kDisallowed,
                absl::StrCat(what, " of field ", field->name,
                             " changed although the field value did not"
                             " (shadow attack pattern)")};
      }
      if (policy_.FormFilling()) {
        return {kAllowed, absl::StrCat("form filling: ", what, " of field ",
                                       field->name)};
      }
      return {kDisallowed,
              absl::StrCat(what, " of field ", field->name, " changed; ",
                           policy_.Mdp(), " permits no form filling")};
    }
    const FormField* new_field = b_.FieldOf(owner);
    if (new_field != nullptr) {
      // The appearance of a field added later: judged with that field.
      return JudgeNewField(*new_field);
    }
    return AnnotationRule(
        absl::StrCat(what, " of annotation ", owner, " added or changed"));
  }

  Judgement AcroFormChange(uint32_t n, const Keys& keys) {
    const PoDoFo::PdfObject* root = a_.doc->Root();
    const PoDoFo::PdfObject* entry =
        root->GetDictionary().GetKey(PoDoFo::PdfName("AcroForm"));
    const PoDoFo::PdfObject* form = a_.doc->Resolve(entry);
    if (form != nullptr && form->IsDictionary() &&
        n == ReferencedNumber(
                 form->GetDictionary().GetKey(PoDoFo::PdfName("Fields")))) {
      return Skip();  // the field list: CheckFields
    }
    if (n == ReferencedNumber(entry)) {
      Keys rest = keys;
      for (const char* key :
           {"Fields", "SigFlags", "NeedAppearances", "DR", "DA"}) {
        rest.erase(key);
      }
      if (!rest.empty()) {
        return {kSuspicious, absl::StrCat("interactive form dictionary ", n,
                                          " changed: ", KeyList(rest))};
      }
      return Bookkeeping(
          absl::StrCat("interactive form dictionary ", n, " updated"));
    }
    if (policy_.FormFilling()) {
      return {kAllowed, absl::StrCat("form object ", n, " updated")};
    }
    return {kDisallowed, absl::StrCat("form object ", n, " changed; ",
                                      policy_.Mdp(), " permits no changes")};
  }

  const DocumentModel& a_;
  const DocumentModel& b_;
  const ChangePolicy policy_;
  ChangeFindings findings_;
};

}  // namespace

ChangeVerdict ClassifyModelChanges(const DocumentModel& signed_revision,
                                   const DocumentModel& final_revision,
                                   const ChangePermissions& permissions) {
  return ChangeJudge(signed_revision, final_revision, permissions).Run();
}

bool NothingAfter(absl::string_view pdf, uint64_t signed_end) {
  for (const char c : pdf.substr(std::min<uint64_t>(signed_end, pdf.size()))) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c)) && c != '\0') {
      return false;
    }
  }
  return true;
}

ChangeVerdict NoChanges() {
  ChangeVerdict none;
  none.set_verdict(ChangeVerdict::NONE);
  none.add_reasons("none: no revision follows the signed revision");
  return none;
}

}  // namespace docintake::signature::internal_objects
