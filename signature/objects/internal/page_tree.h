// WalkPageTree: the page tree of one revision from /Root /Pages — its
// intermediate nodes and its pages (leaves) in order, as object numbers.
// Cycles and size are bounded; oddities become warnings. Worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PAGE_TREE_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PAGE_TREE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature::internal_objects {

struct PageTree {
  std::vector<uint32_t> nodes;  // /Type /Pages nodes, root first
  std::vector<uint32_t> pages;  // leaves in document order
  std::vector<std::string> warnings;
};

PageTree WalkPageTree(const PodofoDocument& doc, uint32_t max_nodes);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PAGE_TREE_H_
