// The compact content-model tables of the structural schema checks: for each
// complex type of UBL 2.1 Invoice/CreditNote and CII D16B, either its element
// children in sequence order (cardinalities, child types, choice groups) or
// its simple content (lexical type) and attributes. The tables are derived
// from the official schemas by generate_schema_tables.py (run
// `python3 generate_schema_tables.py <corpus>/einvoice/xsd .` in this folder);
// the schemas themselves are not part of the product. Constant data;
// thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_SCHEMA_TABLES_H_
#define DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_SCHEMA_TABLES_H_

#include "absl/types/span.h"
#include "intake/einvoice/schema/internal/lexical_checks.h"

namespace docintake::einvoice::schema_internal {

// One element particle of a content model. `name` is the prefixed name
// ("cbc:ID", prefixes of namespaces.h) or "*" for a wildcard of other
// namespaces whose content is not checked. max 0 = unbounded. Consecutive
// particles with the same non-zero choice_group form one xsd:choice, which is
// required when group_min > 0.
struct SchemaParticle {
  const char* name;
  int min;
  int max;
  int type;  // index into SchemaTables::types, -1 for a wildcard
  int choice_group;
  int group_min;
};

struct SchemaAttribute {
  const char* name;  // unqualified
  bool required;
  LexicalType lexical;
  int max_length;  // 0: no limit
};

struct SchemaType {
  const char* name;  // the schema's type name, for messages
  bool simple;       // simple content (text + attributes)
  LexicalType lexical;
  int max_length;  // 0: no limit
  int first_particle;
  int particle_count;
  int first_attribute;
  int attribute_count;
};

struct SchemaRoot {
  const char* element;  // "ubl:Invoice", ...
  int type;
};

struct SchemaTables {
  absl::Span<const SchemaParticle> particles;
  absl::Span<const SchemaAttribute> attributes;
  absl::Span<const SchemaType> types;
  absl::Span<const SchemaRoot> roots;
};

const SchemaTables& UblSchemaTables();
const SchemaTables& CiiSchemaTables();

}  // namespace docintake::einvoice::schema_internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_SCHEMA_TABLES_H_
