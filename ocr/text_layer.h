// The record's view of OCR results: PageResult -> v1::PageText, and the
// document's text layer from a DocumentOcr. Stateless; thread-safe.
#ifndef DOCINTAKE_OCR_TEXT_LAYER_H_
#define DOCINTAKE_OCR_TEXT_LAYER_H_

#include "docintake/v1/record.pb.h"
#include "ocr/document_ocr.h"
#include "ocr/page_result.h"

namespace docintake::ocr {

// `number` is 1-based.
v1::PageText ToPageText(const PageResult& page, int number);

// Source OCR, every recognised page, the engine and the mean confidence over
// all words.
v1::TextLayer ToTextLayer(const DocumentOcr& document,
                          const std::string& engine);

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_TEXT_LAYER_H_
