// Structured logging: one JSON object per line on stderr, e.g.
//   {"ts":"…","level":"info","msg":"document acknowledged","document_id":"…"}
// Never log document content. Thread-safe.
#ifndef DOCINTAKE_BASE_LOG_H_
#define DOCINTAKE_BASE_LOG_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"

namespace docintake::base {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

using LogField = std::pair<absl::string_view, std::string>;

void Log(LogLevel level, absl::string_view msg,
         std::initializer_list<LogField> fields = {});

// Messages below `level` are dropped. Default: kInfo.
void SetMinLogLevel(LogLevel level);

inline void LogInfo(absl::string_view msg,
                    std::initializer_list<LogField> fields = {}) {
  Log(LogLevel::kInfo, msg, fields);
}
inline void LogWarning(absl::string_view msg,
                       std::initializer_list<LogField> fields = {}) {
  Log(LogLevel::kWarning, msg, fields);
}
inline void LogError(absl::string_view msg,
                     std::initializer_list<LogField> fields = {}) {
  Log(LogLevel::kError, msg, fields);
}

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_LOG_H_
