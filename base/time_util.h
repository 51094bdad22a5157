// Conversions between absl::Time/Duration and the protobuf well-known types.
#ifndef DOCINTAKE_BASE_TIME_UTIL_H_
#define DOCINTAKE_BASE_TIME_UTIL_H_

#include <google/protobuf/duration.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include "absl/time/time.h"

namespace docintake::base {

inline google::protobuf::Timestamp ToProtoTime(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t us = absl::ToUnixMicros(t);
  int64_t secs = us / 1000000;
  int64_t rem = us % 1000000;
  if (rem < 0) {
    rem += 1000000;
    --secs;
  }
  ts.set_seconds(secs);
  ts.set_nanos(static_cast<int32_t>(rem * 1000));
  return ts;
}

inline absl::Time FromProtoTime(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

inline google::protobuf::Duration ToProtoDuration(absl::Duration d) {
  google::protobuf::Duration out;
  const int64_t us = absl::ToInt64Microseconds(d);
  out.set_seconds(us / 1000000);
  out.set_nanos(static_cast<int32_t>((us % 1000000) * 1000));
  return out;
}

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_TIME_UTIL_H_
