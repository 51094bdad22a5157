// The generated tables of schema_tables.h, one anonymous namespace per syntax.
#include "intake/einvoice/schema/internal/schema_tables.h"

namespace docintake::einvoice::schema_internal {
namespace ubl {
namespace {
#include "intake/einvoice/schema/internal/schema_tables_ubl.inc"
}  // namespace
}  // namespace ubl

namespace cii {
namespace {
#include "intake/einvoice/schema/internal/schema_tables_cii.inc"
}  // namespace
}  // namespace cii

const SchemaTables& UblSchemaTables() {
  static const SchemaTables tables{ubl::kParticles, ubl::kAttributes,
                                   ubl::kTypes, ubl::kRoots};
  return tables;
}

const SchemaTables& CiiSchemaTables() {
  static const SchemaTables tables{cii::kParticles, cii::kAttributes,
                                   cii::kTypes, cii::kRoots};
  return tables;
}

}  // namespace docintake::einvoice::schema_internal
